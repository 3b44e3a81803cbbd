import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { resetTicketStore, useTicketStore } from '../../stores/ticket.store.ts';
import {
  byTestId,
  click,
  inputByTestId,
  render,
  typeInto,
  type Rendered,
} from '../../test/render.test-helper.tsx';
import { OrderTicket } from './OrderTicket.tsx';
import type { RiskPreview, TicketContext } from './ticket.types.ts';
import { previewDebounceMs } from './usePreview.ts';

const contract = {
  tickSize: '0.1',
  maxLeverage: 75,
  maxOrderQtyLots: 1_000_000,
  multiplier: '0.001',
  takerFeeRate: '0.0006',
};
const context: TicketContext = { contract, referencePrice: '60000' };
const allowed: RiskPreview = {
  verdict: 'allow',
  notional: '450.00',
  marginNeeded: '45.00',
  fees: '0.54',
  availableMargin: '10000.00',
  equity: '10000.00',
  liquidationPrice: '81450.0',
  lossAtStop: '5.54',
  riskPctOfEquity: '0.06',
  referencePrice: '90000',
};

async function settlePreview(): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(previewDebounceMs + 1);
  });
}

/** Renders the ticket and lets main's answer to `settings:get` (the leverage cap) arrive. */
async function mount(): Promise<Rendered> {
  const mounted = render(<OrderTicket context={context} />);
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
  return mounted;
}

function lastPreviewRequest(fake: FakeBulwark): unknown {
  return fake.calls.filter((c) => c.channel === 'trading:preview-order').at(-1)?.request;
}

describe('the ticket keeps what the trader typed', () => {
  let fake: FakeBulwark;
  let rendered: Rendered | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    fake = createFakeBulwark({
      'trading:preview-order': () => ({ ok: true, value: allowed }),
      'settings:get': () => ({
        ok: true,
        value: {
          fields: [
            {
              path: 'trading.risk.userMaxLeverage',
              value: 20,
              defaultValue: 20,
              applies: 'now',
              range: { kind: 'integer', minimum: 1, maximum: 125 },
            },
          ],
        },
      }),
    });
    installFakeBulwark(fake);
    resetTicketStore();
  });

  afterEach(() => {
    rendered?.unmount();
    rendered = undefined;
    removeFakeBulwark();
    vi.useRealTimers();
  });

  it('side, type, size, price, stop, leverage and trailing survive an unmount and a remount', async () => {
    rendered = await mount();
    click(byTestId('ticket-side').querySelector<HTMLElement>('input[value="sell"]') ?? document.body);
    typeInto(inputByTestId('ticket-size'), '7');
    typeInto(inputByTestId('ticket-price'), '90000');
    typeInto(inputByTestId('ticket-stop'), '91000');
    typeInto(inputByTestId('ticket-leverage'), '12');
    click(inputByTestId('ticket-trailing'));
    typeInto(inputByTestId('ticket-trailing-distance'), '0.5');
    rendered.unmount();
    rendered = await mount();
    expect(byTestId('ticket-side').querySelector<HTMLInputElement>('input[value="sell"]')?.checked).toBe(
      true,
    );
    expect(inputByTestId('ticket-size').value).toBe('7');
    expect(inputByTestId('ticket-price').value).toBe('90000');
    expect(inputByTestId('ticket-stop').value).toBe('91000');
    expect(inputByTestId('ticket-leverage').value).toBe('12');
    expect(inputByTestId('ticket-trailing').checked).toBe(true);
    expect(inputByTestId('ticket-trailing-distance').value).toBe('0.5');
  });

  it('a size in USDT becomes whole lots at the limit price, rounded down, and that is what is previewed', async () => {
    rendered = await mount();
    typeInto(inputByTestId('ticket-price'), '90000');
    typeInto(inputByTestId('ticket-stop'), '89000');
    click(byTestId('ticket-size-mode').querySelector<HTMLElement>('input[value="usdt"]') ?? document.body);
    typeInto(inputByTestId('ticket-size-usdt'), '500');
    // 1 lot = 0.001 BTC × 90000 = 90 USDT → 500 USDT buys 5 lots (450 USDT), never 6
    expect(byTestId('ticket-size-lots').textContent).toBe('= 5 lots (450.00 USDT)');
    await settlePreview();
    expect(lastPreviewRequest(fake)).toMatchObject({ sizeLots: 5, price: '90000' });
  });

  it('a market order in USDT converts at the mark price; less than one lot sends nothing', async () => {
    rendered = await mount();
    click(byTestId('ticket-type').querySelector<HTMLElement>('input[value="market"]') ?? document.body);
    typeInto(inputByTestId('ticket-stop'), '59000');
    click(byTestId('ticket-size-mode').querySelector<HTMLElement>('input[value="usdt"]') ?? document.body);
    typeInto(inputByTestId('ticket-size-usdt'), '500');
    // 1 lot = 0.001 × 60000 = 60 USDT → 8 lots (480 USDT)
    expect(byTestId('ticket-size-lots').textContent).toBe('= 8 lots (480.00 USDT)');
    typeInto(inputByTestId('ticket-size-usdt'), '50');
    expect(byTestId('ticket-size-lots').textContent).toContain('less than one lot (60.00 USDT)');
    await settlePreview();
    expect(fake.calls.filter((c) => c.channel === 'trading:preview-order')).toHaveLength(0);
    expect(byTestId('ticket-submit').hasAttribute('disabled')).toBe(true);
  });

  it("the leverage slider stops at the lower of the contract's maximum and the trader's cap", async () => {
    rendered = await mount();
    const slider = byTestId('ticket-leverage-slider').querySelector('[role="slider"]');
    expect(slider?.getAttribute('aria-valuemax')).toBe('20');
    typeInto(inputByTestId('ticket-leverage'), '25');
    expect(byTestId('order-ticket').textContent).toContain('Leverage is a whole number from 1 to 20.');
  });

  it('a book or chart click sets the limit price and the stop', async () => {
    rendered = await mount();
    click(byTestId('ticket-type').querySelector<HTMLElement>('input[value="market"]') ?? document.body);
    act(() => {
      useTicketStore.getState().setLimitPrice('90100.5');
      useTicketStore.getState().setStopPrice('89900');
    });
    expect(inputByTestId('ticket-price').value).toBe('90100.5');
    expect(inputByTestId('ticket-price').disabled).toBe(false);
    expect(inputByTestId('ticket-stop').value).toBe('89900');
  });
});
