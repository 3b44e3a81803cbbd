import { afterEach, describe, expect, it } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import { marketStore } from '../../stores/market.store.ts';
import * as actions from '../../stores/trading.actions.ts';
import { createTradingStore, tradingStore } from '../../stores/trading.store.ts';
import { byTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { ChartLineLegend } from './ChartLineLegend.tsx';

const position: Position = {
  symbol: 'XBTUSDTM',
  side: 'long',
  sizeLots: 2,
  marginMode: 'ISOLATED',
  realisedPnl: null,
  marginUsdt: null,
  avgEntryPrice: '87595.4',
  markPrice: '87593.7',
  liquidationPrice: '70435.46114',
  leverage: 5,
  unrealisedPnl: '0',
  distanceToLiquidationPct: 19.6,
  protection: { status: 'PROTECTED', stopLots: 2, stopPrice: '83732.4' },
  updatedAt: 1,
};

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  marketStore.setState({ contracts: {} });
});

describe("the chart's line legend", () => {
  it("reads every line at the contract's tick, never the engine's raw estimate", () => {
    tradingStore.setState(createTradingStore().getState(), true);
    actions.receivePositionsSnapshot(tradingStore, [position]);
    marketStore.setState({
      contracts: {
        XBTUSDTM: {
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
        },
      },
    });
    rendered = render(<ChartLineLegend symbol="XBTUSDTM" />);
    expect(byTestId('chart-line-liquidation').textContent).toBe('Liquidation 70435.5');
    expect(byTestId('chart-line-stop').textContent).toBe('Stop 83732.4');
    expect(byTestId('chart-line-entry').textContent).toBe('Entry 87595.4');
  });
});
