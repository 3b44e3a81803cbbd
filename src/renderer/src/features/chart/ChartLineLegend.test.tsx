import { afterEach, describe, expect, it } from 'vitest';
import { marketStore } from '../../stores/market.store.ts';
import * as actions from '../../stores/trading.actions.ts';
import { createTradingStore, tradingStore } from '../../stores/trading.store.ts';
import { positionOf, xbtContract } from '../../test/fixtures.test-helper.ts';
import { byTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { ChartLineLegend } from './ChartLineLegend.tsx';

const position = positionOf({
  sizeLots: 2,
  avgEntryPrice: '87595.4',
  markPrice: '87593.7',
  liquidationPrice: '70435.46114',
  leverage: 5,
  unrealisedPnl: '0',
  distanceToLiquidationPct: 19.6,
  protection: { status: 'PROTECTED', stopLots: 2, stopPrice: '83732.4' },
});

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
    marketStore.setState({ contracts: { XBTUSDTM: xbtContract } });
    rendered = render(<ChartLineLegend symbol="XBTUSDTM" />);
    expect(byTestId('chart-line-liquidation').textContent).toBe('Liquidation 70435.5');
    expect(byTestId('chart-line-stop').textContent).toBe('Stop 83732.4');
    expect(byTestId('chart-line-entry').textContent).toBe('Entry 87595.4');
    expect(document.querySelector('[data-testid="chart-line-take-profit"]')).toBeNull();
  });

  it('names the take-profit resting at the exchange', () => {
    tradingStore.setState(createTradingStore().getState(), true);
    const protection = { ...position.protection, takeProfits: [{ stopPrice: '92000', sizeLots: 2 }] };
    actions.receivePositionsSnapshot(tradingStore, [{ ...position, protection }]);
    marketStore.setState({ contracts: { XBTUSDTM: xbtContract } });
    rendered = render(<ChartLineLegend symbol="XBTUSDTM" />);
    expect(byTestId('chart-line-take-profit').textContent).toBe('Take-profit 92000.0');
  });
});
