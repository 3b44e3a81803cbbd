import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import { positionLinePrices } from './position-lines.ts';

const position: Position = {
  symbol: 'XBTUSDTM',
  side: 'long',
  sizeLots: 2,
  marginMode: 'ISOLATED',
  realisedPnl: null,
  marginUsdt: null,
  avgEntryPrice: '90000.5',
  markPrice: '90100',
  liquidationPrice: '81000',
  leverage: 10,
  unrealisedPnl: '0.2',
  distanceToLiquidationPct: 10,
  protection: { status: 'PROTECTED', stopLots: 2, stopPrice: '89000' },
  updatedAt: 1,
};

describe('positionLinePrices', () => {
  it('draws entry, stop and liquidation for a position', () => {
    expect(positionLinePrices(position, undefined)).toEqual({
      entry: 90000.5,
      stop: 89000,
      liquidation: 81000,
    });
  });

  it('draws a live trailing stop once, as the trailing line', () => {
    expect(positionLinePrices(position, '89000')).toEqual({
      entry: 90000.5,
      trailing: 89000,
      liquidation: 81000,
    });
  });

  it('draws the take-profit resting at the exchange, the one the mark reaches first', () => {
    const withTakeProfits: Position = {
      ...position,
      protection: {
        ...position.protection,
        takeProfits: [
          { stopPrice: '95000', sizeLots: 1 },
          { stopPrice: '93000', sizeLots: 1 },
        ],
      },
    };
    expect(positionLinePrices(withTakeProfits, undefined)).toMatchObject({ 'take-profit': 93000 });
    expect(positionLinePrices({ ...withTakeProfits, side: 'short' }, undefined)).toMatchObject({
      'take-profit': 95000,
    });
    // None resting, or the stops unreadable (no take-profits reported): no line, never a guess.
    expect(positionLinePrices(position, undefined)).not.toHaveProperty('take-profit');
    expect(
      positionLinePrices({ ...withTakeProfits, protection: { status: 'UNKNOWN', stopLots: 0 } }, undefined),
    ).not.toHaveProperty('take-profit');
  });

  it('hides everything without a position, and skips unparseable prices', () => {
    expect(positionLinePrices(undefined, '1')).toEqual({});
    expect(positionLinePrices({ ...position, liquidationPrice: '0' }, undefined)).not.toHaveProperty(
      'liquidation',
    );
  });
});
