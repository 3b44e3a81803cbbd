import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../stores/trading.actions.ts';
import { createTradingStore, tradingStore } from '../../stores/trading.store.ts';
import { receiveTrailingUpdate } from '../../stores/trading.trailing.ts';
import { positionOf } from '../../test/fixtures.test-helper.ts';
import { byTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { PositionsView } from './PositionsView.tsx';

const position = positionOf();

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

describe('positions view: trailing column (ADR 0510)', () => {
  it('shows the trail level from trailing events, waiting until activation, and clears it', () => {
    tradingStore.setState(createTradingStore().getState(), true);
    actions.receivePositionsSnapshot(tradingStore, [position]);
    rendered = render(<PositionsView />);
    expect(byTestId('trailing-cell-XBTUSDTM').textContent).toBe('—');
    const trailing = {
      symbol: 'XBTUSDTM',
      positionSide: 'long' as const,
      spec: { mode: 'price' as const, distance: '300', activationPrice: '90500' },
      activated: false,
      stopPrice: '89000',
    };
    act(() => {
      receiveTrailingUpdate(tradingStore, { symbol: 'XBTUSDTM', change: 'set', trailing, at: 2 });
    });
    expect(byTestId('trailing-cell-XBTUSDTM').textContent).toBe('waiting89000 (300 · from 90500)');
    act(() => {
      receiveTrailingUpdate(tradingStore, {
        symbol: 'XBTUSDTM',
        change: 'moved',
        trailing: { ...trailing, activated: true, stopPrice: '90300' },
        at: 3,
      });
    });
    expect(byTestId('trailing-cell-XBTUSDTM').textContent).toBe('90300 (300)');
    act(() => {
      receiveTrailingUpdate(tradingStore, { symbol: 'XBTUSDTM', change: 'cleared', trailing: null, at: 4 });
    });
    expect(byTestId('trailing-cell-XBTUSDTM').textContent).toBe('—');
  });
});
