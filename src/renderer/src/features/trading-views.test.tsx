import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../../shared/domain/order.ts';
import type { Position } from '../../../shared/domain/position.ts';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../bridge/fake-bulwark.test-helper.ts';
import * as actions from '../stores/trading.actions.ts';
import { createTradingStore, tradingStore } from '../stores/trading.store.ts';
import { byTestId, click, hasTestId, render, type Rendered } from '../test/render.test-helper.tsx';
import { DockOrders } from './orders/DockOrders.tsx';
import { PositionsView } from './positions/PositionsView.tsx';
import { KillSwitch } from './trading-state/KillSwitch.tsx';
import { TradingStateBanner } from './trading-state/TradingStateBanner.tsx';

const t0 = 1_700_000_000_000;
const naked: Position = {
  symbol: 'XBTUSDTM',
  side: 'long',
  sizeLots: 3,
  marginMode: 'ISOLATED',
  realisedPnl: null,
  marginUsdt: null,
  avgEntryPrice: '90000',
  markPrice: '90250',
  liquidationPrice: '81450',
  leverage: 10,
  unrealisedPnl: '0.75',
  distanceToLiquidationPct: 9.75,
  protection: { status: 'NAKED', stopLots: 0, nakedSince: t0 - 4_000 },
  updatedAt: t0,
};
const order = (clientOid: string, status: Order['status'], purpose: Order['purpose']): Order => ({
  clientOid,
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  purpose,
  sizeLots: 2,
  filledLots: 0,
  // An entry carries the stop it gets on its first fill: it still rests on the order book.
  ...(purpose === 'stop' ? { stopPrice: '88000' } : { price: '89900', stopPrice: '88000' }),
  leverage: 10,
  reduceOnly: purpose === 'stop',
  status,
  createdAt: t0,
  updatedAt: t0,
});

let fake: FakeBulwark;
let rendered: Rendered | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: t0 });
  tradingStore.setState(createTradingStore().getState(), true);
  fake = createFakeBulwark({
    'trading:trigger-kill-switch': () => ({
      ok: true,
      value: {
        cancelledOrders: 2,
        closedPositions: ['XBTUSDTM'],
        state: {
          state: 'HALTED',
          reason: 'kill switch: manual',
          activeTriggers: ['kill-switch'],
          since: t0 + 10,
          reconciled: true,
          dailyRealisedPnl: '0',
          consecutiveStopOuts: 0,
        },
      },
    }),
    'trading:resume-trading': () => ({
      ok: true,
      value: {
        state: 'ACTIVE',
        reason: 'kill switch released',
        activeTriggers: [],
        since: t0 + 20,
        reconciled: true,
        dailyRealisedPnl: '0',
        consecutiveStopOuts: 0,
      },
    }),
  });
  installFakeBulwark(fake);
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
  vi.useRealTimers();
});

describe('positions view', () => {
  it('counts NAKED seconds live and shows the distance to liquidation', () => {
    actions.receivePositionsSnapshot(tradingStore, [naked]);
    rendered = render(<PositionsView />);
    expect(byTestId('protection-badge-XBTUSDTM').textContent).toBe('NAKED 4 s');
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(byTestId('protection-badge-XBTUSDTM').textContent).toBe('NAKED 7 s');
    expect(byTestId('liq-distance-XBTUSDTM').textContent).toContain('9.75 %');
  });

  it('turns PROTECTED when the engine says so', () => {
    actions.receivePositionsSnapshot(tradingStore, [naked]);
    rendered = render(<PositionsView />);
    act(() => {
      actions.receiveProtectionChanged(tradingStore, {
        symbol: 'XBTUSDTM',
        status: 'PROTECTED',
        positionLots: 3,
        stopLots: 3,
        nakedForS: 0,
        at: t0 + 1,
      });
    });
    expect(byTestId('protection-badge-XBTUSDTM').dataset.status).toBe('PROTECTED');
  });

  it('says it is waiting for the engine rather than "no positions" before the snapshot', () => {
    rendered = render(<PositionsView />);
    expect(byTestId('load-state').dataset.load).toBe('loading');
  });
});

describe('the order tabs of the dock', () => {
  const snapshot = (): void => {
    actions.receiveOrdersSnapshot(tradingStore, [
      order('bw-unknown', 'UNKNOWN', 'entry'),
      order('bw-recon', 'RECONCILING', 'stop'),
      order('bw-live-stop', 'ACKED', 'stop'),
      order('bw-live', 'ACKED', 'entry'),
      order('bw-done', 'FILLED', 'entry'),
    ]);
  };

  it('lists live and undecided limits under Open orders, cancellable only when live', () => {
    snapshot();
    rendered = render(<DockOrders tab="open-orders" />);
    expect(byTestId('order-status-bw-unknown').dataset.status).toBe('UNKNOWN');
    expect(hasTestId('order-row-bw-done')).toBe(false);
    expect(hasTestId('order-row-bw-live-stop')).toBe(false);
    expect(hasTestId('cancel-order-bw-unknown')).toBe(false);
    expect(hasTestId('cancel-order-bw-live')).toBe(true);
  });

  it('lists protective stops under Stop orders with no cancel: removing one would leave the position naked', () => {
    snapshot();
    rendered = render(<DockOrders tab="stop-orders" />);
    expect(byTestId('order-status-bw-recon').dataset.status).toBe('RECONCILING');
    expect(hasTestId('order-row-bw-live-stop')).toBe(true);
    expect(hasTestId('order-row-bw-live')).toBe(false);
    expect(hasTestId('cancel-order-bw-live-stop')).toBe(false);
  });
});

describe('kill switch', () => {
  it('asks first, then cancels all, flattens and shows HALTED with the reason', async () => {
    rendered = render(
      <>
        <TradingStateBanner />
        <KillSwitch />
      </>,
    );
    click(byTestId('kill-switch'));
    expect(fake.calls).toHaveLength(0);
    click(byTestId('kill-switch-confirm'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(fake.calls).toEqual([{ channel: 'trading:trigger-kill-switch', request: { flatten: true } }]);
    expect(byTestId('trading-state-banner').dataset.state).toBe('HALTED');
    expect(byTestId('trading-state-reason').textContent).toBe('kill switch: manual');

    // Only the trader lifts it, and only after saying so.
    click(byTestId('resume-trading'));
    expect(fake.calls).toHaveLength(1);
    click(byTestId('resume-trading-confirm'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(fake.calls[1]).toEqual({ channel: 'trading:resume-trading', request: { acknowledge: true } });
    expect(byTestId('trading-state-banner').dataset.state).toBe('ACTIVE');
    expect(hasTestId('resume-trading')).toBe(false);
  });
});
