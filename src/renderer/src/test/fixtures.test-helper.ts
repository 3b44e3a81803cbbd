// Shared test data for renderer tests: a contract as market:list-contracts sends it and a position
// as trading:position-updated sends it, so each test states only what it is about.
import type { Position } from '../../../shared/domain/position.ts';
import type { ContractSummary } from '../../../shared/ipc/channels/market.ts';

/** XBTUSDTM as KuCoin lists it: tick 0.1, 0.001 XBT a lot, 125× at most. */
export const xbtContract: ContractSummary = {
  symbol: 'XBTUSDTM',
  baseCurrency: 'XBT',
  quoteCurrency: 'USDT',
  settleCurrency: 'USDT',
  status: 'Open',
  tickSize: '0.1',
  lotSize: '1',
  multiplier: '0.001',
  maxLeverage: 125,
  maxOrderQty: 1_000_000,
  makerFeeRate: '0.0002',
  takerFeeRate: '0.0006',
};

/**
 * A 5-lot XBTUSDTM long at 90 000, 10×, protected by a stop at 89 000 covering its size; `patch`
 * overrides any field (the stop covers `patch.sizeLots` unless `patch.protection` is given).
 */
export function positionOf(patch: Partial<Position> = {}): Position {
  const sizeLots = patch.sizeLots ?? 5;
  return {
    symbol: 'XBTUSDTM',
    side: 'long',
    sizeLots,
    marginMode: 'ISOLATED',
    realisedPnl: null,
    marginUsdt: null,
    avgEntryPrice: '90000',
    markPrice: '90100',
    liquidationPrice: '81000',
    leverage: 10,
    unrealisedPnl: '0.5',
    distanceToLiquidationPct: 10,
    protection: { status: 'PROTECTED', stopLots: sizeLots, stopPrice: '89000' },
    updatedAt: 1,
    ...patch,
  };
}
