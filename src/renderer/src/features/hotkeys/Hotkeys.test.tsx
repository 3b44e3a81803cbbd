import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { resetTicketStore, useTicketStore } from '../../stores/ticket.store.ts';
import { createTradingStore, tradingStore } from '../../stores/trading.store.ts';
import {
  byTestId,
  click,
  hasTestId,
  inputByTestId,
  render,
  typeInto,
  type Rendered,
} from '../../test/render.test-helper.tsx';
import { OrderTicket } from '../ticket/OrderTicket.tsx';
import type { RiskPreview, TicketContext } from '../ticket/ticket.types.ts';
import { previewDebounceMs } from '../ticket/usePreview.ts';
import { KillSwitch } from '../trading-state/KillSwitch.tsx';
import { useKillSwitchPrompt } from '../trading-state/kill-switch-prompt.ts';
import { Hotkeys } from './Hotkeys.tsx';
import { hotkeyTable } from './hotkey-table.ts';

const context: TicketContext = { contract: undefined, referencePrice: undefined };
const allowed: RiskPreview = {
  verdict: 'allow',
  notional: '270.00',
  marginNeeded: '27.00',
  fees: '0.32',
  availableMargin: '10000.00',
  equity: '10000.00',
  liquidationPrice: '81450.0',
  lossAtStop: '3.32',
  riskPctOfEquity: '0.03',
  referencePrice: '90000',
};
const denied: RiskPreview = {
  ...allowed,
  verdict: 'deny',
  denial: { ruleId: 'risk-per-trade', message: 'Loss at stop is more than 1% of equity.', numbers: {} },
};
const long: Position = {
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
  protection: { status: 'PROTECTED', stopLots: 3, stopPrice: '89000' },
  updatedAt: 1,
};

/** A key press as the browser sends it, at an element (the page body when none). */
function press(key: string, options: { shift?: boolean; at?: HTMLElement; repeat?: boolean } = {}): void {
  act(() => {
    (options.at ?? document.body).dispatchEvent(
      new KeyboardEvent('keydown', {
        key,
        shiftKey: options.shift ?? false,
        repeat: options.repeat ?? false,
        bubbles: true,
        cancelable: true,
      }),
    );
  });
}

async function settle(): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(previewDebounceMs + 1);
  });
}

function callsTo(fake: FakeBulwark, channel: string): unknown[] {
  return fake.calls.filter((c) => c.channel === channel).map((c) => c.request);
}

describe('keyboard shortcuts', () => {
  let fake: FakeBulwark;
  let rendered: Rendered;
  let nextPreview: RiskPreview;

  beforeEach(() => {
    vi.useFakeTimers();
    nextPreview = allowed;
    fake = createFakeBulwark({
      'trading:preview-order': () => ({ ok: true, value: nextPreview }),
      'trading:place-order': () => ({
        ok: true,
        value: { clientOid: 'bw-1', status: 'SUBMITTED', protection: 'attached', preview: allowed },
      }),
      'trading:cancel-all': () => ({ ok: true, value: { cancelledCount: 2 } }),
      'trading:close-position': () => ({ ok: true, value: { clientOid: 'bw-2', status: 'SUBMITTED' } }),
    });
    installFakeBulwark(fake);
    resetTicketStore();
    tradingStore.setState(createTradingStore().getState(), true);
    useSettingsStore.setState({ symbol: 'XBTUSDTM', timeframe: '15m' });
    useKillSwitchPrompt.setState({ opened: false });
    rendered = render(
      <>
        <Hotkeys />
        <KillSwitch />
        <OrderTicket context={context} />
      </>,
    );
    typeInto(inputByTestId('ticket-size'), '3');
    typeInto(inputByTestId('ticket-price'), '90000');
  });

  afterEach(() => {
    rendered.unmount();
    removeFakeBulwark();
    vi.useRealTimers();
  });

  it('B buys the ticket as it stands, after the preview of that exact ticket', async () => {
    act(() => {
      useTicketStore.getState().change({ side: 'sell', stopPrice: '89000' });
    });
    press('b');
    await settle();
    const placed = callsTo(fake, 'trading:place-order');
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ side: 'buy', sizeLots: 3, price: '90000', stopPrice: '89000' });
    expect(callsTo(fake, 'trading:preview-order').at(-1)).toMatchObject({ side: 'buy' });
    expect(byTestId('ticket-placed').textContent).toContain('bw-1');
  });

  it('S sells; a risk denial is shown and nothing is sent', async () => {
    nextPreview = denied;
    typeInto(inputByTestId('ticket-stop'), '91000');
    press('s');
    await settle();
    expect(callsTo(fake, 'trading:place-order')).toHaveLength(0);
    expect(byTestId('preview-denial').textContent).toContain('risk-per-trade');
    expect(byTestId('ticket-hotkey-refused').textContent).toMatch(/denies/);
  });

  it('B without a stop sends nothing and says why', async () => {
    press('b');
    await settle();
    expect(callsTo(fake, 'trading:place-order')).toHaveLength(0);
    expect(byTestId('ticket-hotkey-refused').textContent).toMatch(/stop/);
  });

  it('a held B sends once, not once per repeat', async () => {
    typeInto(inputByTestId('ticket-stop'), '89000');
    press('b');
    press('b', { repeat: true });
    await settle();
    press('b', { repeat: true });
    await settle();
    expect(callsTo(fake, 'trading:place-order')).toHaveLength(1);
  });

  it('no shortcut acts while typing in a field', async () => {
    typeInto(inputByTestId('ticket-stop'), '89000');
    const stop = inputByTestId('ticket-stop');
    for (const key of ['b', 's', '1', 'f']) press(key, { at: stop });
    press('C', { shift: true, at: stop });
    press('K', { shift: true, at: stop });
    press('?', { shift: true, at: stop });
    await settle();
    expect(callsTo(fake, 'trading:place-order')).toHaveLength(0);
    expect(useTicketStore.getState().submitRequest).toBeUndefined();
    expect(useSettingsStore.getState().timeframe).toBe('15m');
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('no shortcut acts while a modal is open', async () => {
    typeInto(inputByTestId('ticket-stop'), '89000');
    press('?', { shift: true });
    expect(hasTestId('hotkeys-help')).toBe(true);
    press('b');
    press('3');
    await settle();
    expect(callsTo(fake, 'trading:place-order')).toHaveLength(0);
    expect(useSettingsStore.getState().timeframe).toBe('15m');
  });

  it('Shift+C asks, then cancels all orders', async () => {
    press('C', { shift: true });
    expect(callsTo(fake, 'trading:cancel-all')).toHaveLength(0);
    click(byTestId('hotkey-cancel-all-confirm'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(callsTo(fake, 'trading:cancel-all')).toEqual([{}]);
    expect(hasTestId('hotkey-cancel-all-confirm')).toBe(false);
  });

  it("Shift+X asks, then closes the chart symbol's position", async () => {
    act(() => {
      tradingStore.setState({ positions: { XBTUSDTM: long } });
    });
    press('X', { shift: true });
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('3 lots');
    click(byTestId('hotkey-close-position-confirm'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(callsTo(fake, 'trading:close-position')).toEqual([{ symbol: 'XBTUSDTM' }]);
  });

  it('Shift+X without a position says so and cannot confirm', () => {
    press('X', { shift: true });
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('no open XBTUSDTM position');
    expect(byTestId('hotkey-close-position-confirm').hasAttribute('disabled')).toBe(true);
  });

  it('Shift+K opens the kill switch confirmation, which still asks', () => {
    expect(hasTestId('kill-switch-confirm')).toBe(false);
    press('K', { shift: true });
    expect(hasTestId('kill-switch-confirm')).toBe(true);
    expect(fake.calls.some((c) => c.channel === 'trading:trigger-kill-switch')).toBe(false);
  });

  it("F puts the cursor in the ticket's size", () => {
    press('f');
    expect(document.activeElement).toBe(inputByTestId('ticket-size'));
  });

  it('1 to 6 switch the chart timeframe', () => {
    const expected = ['1m', '5m', '15m', '1h', '4h', '1d'];
    expected.forEach((timeframe, index) => {
      press(String(index + 1));
      expect(useSettingsStore.getState().timeframe).toBe(timeframe);
    });
  });

  it('? lists every shortcut from the table', () => {
    press('?', { shift: true });
    const help = byTestId('hotkeys-help');
    expect(help.querySelectorAll('tr')).toHaveLength(hotkeyTable.length);
    for (const row of hotkeyTable) expect(help.textContent).toContain(row.does);
    expect(help.textContent).toContain('Shift+C');
    expect(help.textContent).toContain('Cancel all open orders');
  });
});
