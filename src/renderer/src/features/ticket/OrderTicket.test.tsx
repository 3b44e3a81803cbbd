import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import {
  byTestId,
  click,
  hasTestId,
  inputByTestId,
  render,
  typeInto,
  type Rendered,
} from '../../test/render.test-helper.tsx';
import { connectionStore } from '../../stores/connection.store.ts';
import { resetTicketStore } from '../../stores/ticket.store.ts';
import { OrderTicket } from './OrderTicket.tsx';
import { previewDebounceMs } from './usePreview.ts';
import type { RiskPreview, TicketContext } from './ticket.types.ts';

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
  denial: {
    ruleId: 'risk-per-trade',
    message: 'Loss at stop 332.00 USDT is more than 1% of equity (100.00 USDT).',
    numbers: { lossAtStop: '332.00', limit: '100.00' },
  },
};

async function settlePreview(): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(previewDebounceMs + 1);
  });
}

describe('OrderTicket', () => {
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
    });
    installFakeBulwark(fake);
    resetTicketStore();
    rendered = render(<OrderTicket context={context} />);
    typeInto(inputByTestId('ticket-size'), '3');
    typeInto(inputByTestId('ticket-price'), '90000');
  });

  afterEach(() => {
    rendered.unmount();
    removeFakeBulwark();
    vi.useRealTimers();
  });

  it('without a stop: no preview is asked and the entry cannot be submitted', async () => {
    await settlePreview();
    expect(fake.calls.filter((c) => c.channel === 'trading:preview-order')).toHaveLength(0);
    expect(byTestId('ticket-submit').hasAttribute('disabled')).toBe(true);
    expect(byTestId('ticket-blocker').textContent).toMatch(/needs a protective stop/);
  });

  it('with a stop: previews once after typing pauses, shows the numbers, then places the order', async () => {
    typeInto(inputByTestId('ticket-stop'), '8900');
    typeInto(inputByTestId('ticket-stop'), '89000');
    await settlePreview();
    const previews = fake.calls.filter((c) => c.channel === 'trading:preview-order');
    expect(previews).toHaveLength(1);
    expect(previews[0]?.request).toMatchObject({ stopPrice: '89000', sizeLots: 3, price: '90000' });
    expect(byTestId('preview-loss-at-stop').textContent).toBe('3.32 USDT');
    expect(byTestId('preview-liquidation').textContent).toBe('81450.0');
    click(byTestId('ticket-submit'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(fake.calls.at(-1)?.channel).toBe('trading:place-order');
    expect(byTestId('ticket-placed').textContent).toContain('bw-1');
  });

  it('an optional take-profit is previewed and sent, with its profit and reward : risk', async () => {
    nextPreview = { ...allowed, profitAtTakeProfit: '5.10', rewardToRisk: '1.53' };
    typeInto(inputByTestId('ticket-stop'), '89000');
    typeInto(inputByTestId('ticket-take-profit'), '92000');
    await settlePreview();
    const previews = fake.calls.filter((c) => c.channel === 'trading:preview-order');
    expect(previews.at(-1)?.request).toMatchObject({ stopPrice: '89000', takeProfitPrice: '92000' });
    expect(byTestId('preview-profit-at-tp').textContent).toBe('5.10 USDT');
    expect(byTestId('preview-reward-risk').textContent).toBe('1.53 : 1');
    click(byTestId('ticket-submit'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(fake.calls.at(-1)).toMatchObject({
      channel: 'trading:place-order',
      request: { takeProfitPrice: '92000' },
    });
  });

  it('a take-profit on the wrong side shows why under the field and blocks submit; the typing is kept', async () => {
    typeInto(inputByTestId('ticket-stop'), '89000');
    typeInto(inputByTestId('ticket-take-profit'), '89500');
    await settlePreview();
    expect(rendered.container.textContent).toContain("A long's take-profit must be above the entry (90000).");
    expect(byTestId('ticket-submit').hasAttribute('disabled')).toBe(true);
    expect(fake.calls.filter((c) => c.channel === 'trading:preview-order')).toHaveLength(0);
    rendered.unmount();
    rendered = render(<OrderTicket context={context} />);
    expect(inputByTestId('ticket-take-profit').value).toBe('89500');
  });

  it('a denied preview shows the rule, the message and its numbers, and blocks submit', async () => {
    nextPreview = denied;
    typeInto(inputByTestId('ticket-stop'), '89000');
    await settlePreview();
    expect(byTestId('preview-denial').textContent).toContain('risk-per-trade');
    expect(byTestId('preview-denial').textContent).toContain('332.00');
    expect(byTestId('ticket-submit').hasAttribute('disabled')).toBe(true);
    expect(hasTestId('ticket-placed')).toBe(false);
  });

  it('while the next preview is computed, the old numbers are dimmed and not readable as current', async () => {
    typeInto(inputByTestId('ticket-stop'), '89000');
    await settlePreview();
    typeInto(inputByTestId('ticket-size'), '4');
    expect(hasTestId('preview-loss-at-stop')).toBe(false);
    expect(document.querySelector('[data-stale="true"]')).not.toBeNull();
    expect(byTestId('ticket-submit').hasAttribute('disabled')).toBe(true);
    await settlePreview();
    expect(hasTestId('preview-loss-at-stop')).toBe(true);
  });

  it('sizes from "risk X USDT at this stop" using the preview loss per lot', async () => {
    typeInto(inputByTestId('ticket-stop'), '89000');
    await settlePreview();
    typeInto(inputByTestId('ticket-risk-usdt'), '10');
    click(byTestId('ticket-size-from-risk'));
    // 3.32 USDT for 3 lots → 1.10666667 per lot → floor(10 / 1.10666667) = 9 lots
    expect(inputByTestId('ticket-size').value).toBe('9');
  });

  it('in live mode nothing is sent until the trader confirms the order and what it risks', async () => {
    connectionStore.setState({ mode: 'live' });
    try {
      typeInto(inputByTestId('ticket-stop'), '89000');
      await settlePreview();
      click(byTestId('ticket-submit'));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(fake.calls.filter((c) => c.channel === 'trading:place-order')).toHaveLength(0);
      const summary = byTestId('ticket-live-summary').textContent;
      expect(summary).toContain('3 lots of XBTUSDTM limit 90000');
      expect(summary).toContain('Stop at 89000');
      expect(summary).toContain('Loss at the stop 3.32 USDT');
      click(byTestId('ticket-live-confirm-confirm'));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(fake.calls.filter((c) => c.channel === 'trading:place-order')).toHaveLength(1);
      expect(byTestId('ticket-placed').textContent).toContain('bw-1');
    } finally {
      connectionStore.setState({ mode: undefined });
    }
  });

  it('a stop typed in % is previewed and sent as the price it works out to', async () => {
    const percent = byTestId('ticket-stop-mode').querySelector<HTMLElement>('input[value="percent"]');
    if (percent === null) throw new Error('the stop mode switch has no % option');
    click(percent);
    typeInto(inputByTestId('ticket-stop-pct'), '2');
    await settlePreview();
    expect(byTestId('ticket-stop-from-pct').textContent).toBe('= stop at 88200');
    const previews = fake.calls.filter((c) => c.channel === 'trading:preview-order');
    expect(previews.at(-1)?.request).toMatchObject({ stopPrice: '88200', price: '90000' });
  });
});
