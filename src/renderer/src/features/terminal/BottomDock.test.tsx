import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../../../shared/domain/order.ts';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import * as actions from '../../stores/trading.actions.ts';
import { createTradingStore, tradingStore } from '../../stores/trading.store.ts';
import { byTestId, click, hasTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { BottomDock } from './BottomDock.tsx';

const t0 = 1_700_000_000_000;
const order = (clientOid: string, extra: Partial<Order>): Order => ({
  clientOid,
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  purpose: 'entry',
  sizeLots: 1,
  filledLots: 0,
  price: '60000',
  leverage: 5,
  reduceOnly: false,
  status: 'ACKED',
  createdAt: t0,
  updatedAt: t0,
  ...extra,
});
const fillEntry = (seq: number) => ({
  seq,
  at: t0 + seq,
  kind: 'fill',
  symbol: 'XBTUSDTM',
  clientOid: 'bw-entry',
  data: {
    tradeId: `t${String(seq)}`,
    side: 'buy',
    sizeLots: 1,
    price: '60000',
    fee: '0.036',
    liquidity: 'taker',
    tradeType: 'trade',
  },
});
let fake: FakeBulwark;
let rendered: Rendered | undefined;
let fills: unknown[];

beforeEach(() => {
  vi.useFakeTimers({ now: t0 });
  tradingStore.setState(createTradingStore().getState(), true);
  fills = [fillEntry(1)];
  fake = createFakeBulwark({ 'trading:query-journal': () => ({ ok: true, value: fills }) });
  installFakeBulwark(fake);
});

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
  vi.useRealTimers();
});

const count = (tab: string): string | null => byTestId(`dock-count-${tab}`).textContent;

describe('the bottom dock', () => {
  it('counts each tab so a new stop order shows without opening its tab', async () => {
    actions.receiveOrdersSnapshot(tradingStore, [
      order('bw-limit', {}),
      order('bw-stop', {
        purpose: 'stop',
        stopPrice: '58000',
        side: 'sell',
        reduceOnly: true,
        price: undefined,
      }),
      order('bw-done', { status: 'FILLED' }),
    ]);
    rendered = render(<BottomDock />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect([count('positions'), count('open-orders'), count('stop-orders'), count('fills')]).toEqual([
      '0',
      '1',
      '1',
      '1',
    ]);
  });

  it('asks for fills again after an order fills, and lists the new one', async () => {
    rendered = render(<BottomDock />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    fills = [fillEntry(2), fillEntry(1)];
    act(() => {
      fake.emit('trading:order-updated', order('bw-entry', { status: 'FILLED', filledLots: 1 }));
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(400);
    });
    expect(count('fills')).toBe('2');
    click(byTestId('dock-tab-fills'));
    expect(hasTestId('fill-row-t2')).toBe(true);
  });
});
