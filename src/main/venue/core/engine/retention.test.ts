import { describe, expect, it } from 'vitest';
import { venueConfigSchema } from '../../../config/sections/venue.ts';
import { createTestVenue } from '../testing.ts';
import type { TestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';

/** Places `count` market orders of 1 lot, alternating buy and sell so the position stays small. */
function trade(venue: TestVenue, count: number, prefix = 't'): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const side = i % 2 === 0 ? 'buy' : 'sell';
    const body = { clientOid: `${prefix}${i}`, side, symbol: XBT, leverage: 5, type: 'market', size: 1 };
    ids.push(venue.exchange.placeOrder('u', body).orderId);
  }
  return ids;
}

/** Every order the account still remembers, counted through KuCoin's own list endpoints. */
function remembered(venue: TestVenue): number {
  const total = (status: string): number =>
    venue.exchange.listOrders('u', { status, pageSize: '1' }).totalNum;
  return total('done') + total('active') + venue.exchange.listStopOrders('u', { pageSize: '1' }).totalNum;
}

function codeOf(act: () => unknown): string | undefined {
  try {
    act();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('order and fill retention (ADR 0130)', () => {
  it('defaults: a week of venue time and 10 000 done orders per account', () => {
    const config = venueConfigSchema.parse({});
    expect(config.orderHistoryRetentionMs).toBe(7 * 24 * 3_600_000);
    expect(config.doneOrdersPerAccountMax).toBe(10_000);
  });

  it('keeps the newest done orders up to the cap; older ones answer 404000; open orders stay', () => {
    const venue = createTestVenue({ doneOrdersPerAccountMax: 40 });
    venue.exchange.openAccount('u', '100000');
    const resting = venue.exchange.placeOrder('u', {
      clientOid: 'rest',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'limit',
      price: '1000',
      size: 1,
    });
    const ids = trade(venue, 300);
    expect(venue.exchange.listOrders('u', { status: 'done', pageSize: '1' }).totalNum).toBe(40);
    expect(remembered(venue)).toBe(41);
    expect(codeOf(() => venue.exchange.order('u', ids[0]!))).toBe('404000');
    expect(codeOf(() => venue.exchange.orderByClientOid('u', 't0'))).toBe('404000');
    expect(venue.exchange.order('u', ids.at(-1)!).status).toBe('done');
    expect(venue.exchange.recentDoneOrders('u')).toHaveLength(40);
    // The open order's clientOid is never forgotten, so it still cannot be reused.
    expect(venue.exchange.order('u', resting.orderId).status).toBe('open');
    expect(
      codeOf(() =>
        venue.exchange.placeOrder('u', {
          clientOid: 'rest',
          side: 'buy',
          symbol: XBT,
          leverage: 5,
          type: 'limit',
          price: '1000',
          size: 1,
        }),
      ),
    ).toBe('300018');
    // Canceling a forgotten order is refused like canceling a done one.
    expect(codeOf(() => venue.exchange.cancelOrder('u', ids[0]!))).toBe('100004');
  });

  it('forgets done orders and fills once they are older than the retention, as venue time passes', () => {
    const venue = createTestVenue({ orderHistoryRetentionMs: 3_600_000, priceStepMs: 60_000 });
    venue.exchange.openAccount('u', '100000');
    venue.exchange.placeOrder('u', {
      clientOid: 'rest',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'limit',
      price: '1000',
      size: 1,
    });
    const ids = trade(venue, 4);
    expect(venue.exchange.fills('u', {}).totalNum).toBeGreaterThanOrEqual(4);
    venue.clock.advance(3_600_000 - 60_000);
    venue.exchange.advanceTo(venue.clock.now());
    expect(venue.exchange.order('u', ids[0]!).status).toBe('done');
    venue.clock.advance(120_000);
    venue.exchange.advanceTo(venue.clock.now());
    expect(venue.exchange.listOrders('u', { status: 'done' }).totalNum).toBe(0);
    expect(venue.exchange.fills('u', {}).totalNum).toBe(0);
    expect(venue.exchange.listOrders('u', { status: 'active' }).totalNum).toBe(1);
    // Newer business is kept while the old is gone.
    const fresh = trade(venue, 2, 'n');
    expect(venue.exchange.order('u', fresh[0]!).status).toBe('done');
    expect(venue.exchange.fills('u', {}).totalNum).toBeGreaterThanOrEqual(2);
  });

  it('stays bounded over a long session: 5 000 orders, never more than the cap remembered', () => {
    const venue = createTestVenue({ doneOrdersPerAccountMax: 100 });
    venue.exchange.openAccount('u', '1000000');
    for (let round = 0; round < 50; round += 1) {
      trade(venue, 100, `r${round}-`);
      expect(remembered(venue)).toBeLessThanOrEqual(100);
    }
    expect(venue.exchange.listOrders('u', { status: 'done', pageSize: '1' }).totalNum).toBe(100);
  });
});
