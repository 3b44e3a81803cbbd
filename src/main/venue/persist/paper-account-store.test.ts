import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VenueConfig } from '../../config/sections/venue.ts';
import { venueConfigSchema } from '../../config/sections/venue.ts';
import { silentLogger } from '../../observability/logger.ts';
import { feedSymbols } from '../core/model/contracts.ts';
import { createVenueExchange } from '../core/exchange.ts';
import type { VenueExchange } from '../core/exchange-api.ts';
import { TEST_START_MS } from '../core/testing.ts';
import { createManualPriceFeed } from '../feeds/manual-feed.ts';
import type { ManualPriceFeed } from '../feeds/manual-feed.ts';
import { createManualVenueClock } from '../feeds/venue-clock.ts';
import { openPaperAccountStore } from './paper-account-store.ts';
import type { PaperAccountStore } from './paper-account-store.ts';

const XBT = 'XBTUSDTM';
const config: VenueConfig = venueConfigSchema.parse({
  historyWarmupMs: 0,
  bookDepthLevels: 10,
  bookSpreadTicks: 1,
  bookLevelStepTicks: 1,
  bookLevelSizeLots: 100,
});

interface Session {
  exchange: VenueExchange;
  feed: ManualPriceFeed;
  store: PaperAccountStore;
}

/** One app session on `file` at venue time `atMs`, the market at `price`. */
function open(file: string, atMs: number, price = '86300'): Session {
  const clock = createManualVenueClock(atMs);
  const feed = createManualPriceFeed(feedSymbols());
  feed.set(XBT, { markPrice: price, indexPrice: price, lastPrice: price });
  const store = openPaperAccountStore({ filePath: file, logger: silentLogger });
  const exchange = createVenueExchange({
    seed: 1,
    clock,
    config,
    logger: silentLogger,
    priceFeed: feed,
    persistence: store,
  });
  return { exchange, feed, store };
}

function close(session: Session): void {
  session.exchange.close();
  session.store.close();
}

function fileIn(): string {
  return join(mkdtempSync(join(tmpdir(), 'paper-acct-')), 'paper-account.sqlite');
}

/** The account as a client sees it: balance, positions, open and stop orders, fills. */
function picture(exchange: VenueExchange) {
  const overview = exchange.accountOverview('u1', 'USDT');
  return {
    balance: overview.marginBalance,
    positions: exchange
      .positions('u1')
      .map((p) => ({ symbol: p.symbol, qty: p.currentQty, cost: p.currentCost })),
    open: exchange.listOrders('u1', { status: 'active' }).items.map((o) => o.id),
    stops: exchange.listStopOrders('u1', {}).items.map((o) => ({ id: o.id, stopPrice: o.stopPrice })),
    fills: exchange.fills('u1', {}).items.map((f) => f.tradeId),
  };
}

function trade(exchange: VenueExchange): { stopId: string } {
  exchange.openAccount('u1', '10000');
  exchange.placeOrder('u1', {
    clientOid: 'entry',
    side: 'buy',
    symbol: XBT,
    leverage: 5,
    type: 'market',
    size: 3,
    marginMode: 'ISOLATED',
  });
  exchange.placeOrder('u1', {
    clientOid: 'bid',
    side: 'buy',
    symbol: XBT,
    leverage: 5,
    type: 'limit',
    price: '80000',
    size: 1,
  });
  const stop = exchange.placeOrder('u1', {
    clientOid: 'stop',
    side: 'sell',
    symbol: XBT,
    leverage: 5,
    type: 'market',
    size: 3,
    reduceOnly: true,
    stop: 'down',
    stopPrice: '85000',
    stopPriceType: 'MP',
  });
  return { stopId: stop.orderId };
}

describe('paper account store: the account survives a restart', () => {
  it('keeps balance, positions, open and stop orders and fills to the last fill', () => {
    const file = fileIn();
    const first = open(file, TEST_START_MS);
    trade(first.exchange);
    const before = picture(first.exchange);
    expect(before.positions).toHaveLength(1);
    expect(before.fills.length).toBeGreaterThan(0);
    close(first);
    const second = open(file, TEST_START_MS + 1_000);
    expect(picture(second.exchange)).toEqual(before);
    // The restored venue goes on with new ids: nothing it issues repeats an id from before.
    const next = second.exchange.placeOrder('u1', {
      clientOid: 'after',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'limit',
      price: '80001',
      size: 1,
    });
    expect([...before.open, ...before.stops.map((s) => s.id)]).not.toContain(next.orderId);
    expect(second.exchange.orderByClientOid('u1', 'bid').status).toBe('open');
    close(second);
  });

  it('fills a stop that a candle of the closed time crossed, at the stop, on restore', () => {
    const file = fileIn();
    const first = open(file, TEST_START_MS);
    const { stopId } = trade(first.exchange);
    close(first);
    // Closed for ten minutes while the market fell through the stop.
    const second = open(file, TEST_START_MS + 600_000, '84000');
    expect(second.exchange.positions('u1')).toEqual([]);
    expect(second.exchange.order('u1', stopId).status).toBe('done');
    expect(second.exchange.listStopOrders('u1', {}).items).toEqual([]);
    const exit = second.exchange.fills('u1', {}).items.find((f) => f.orderId === stopId);
    // The manual feed jumps straight to 84000: the market gapped through the stop, so it fills there.
    expect(Number(exit?.price)).toBeLessThanOrEqual(85_000);
    close(second);
  });

  it('settles the funding times of the closed time at their rates', () => {
    const file = fileIn();
    const first = open(file, TEST_START_MS + 60_000);
    trade(first.exchange);
    const balance = first.exchange.ledger('u1').funding;
    close(first);
    const second = open(file, TEST_START_MS + 2 * config.fundingIntervalMs + 120_000);
    const payments = second.exchange.fundingPayments('u1', {}).dataList;
    expect(payments.map((p) => p.timePoint)).toEqual(
      [TEST_START_MS + 2 * config.fundingIntervalMs, TEST_START_MS + config.fundingIntervalMs].sort(
        (a, b) => b - a,
      ),
    );
    expect(second.exchange.ledger('u1').funding).not.toBe(balance);
    close(second);
  });

  it('a reset is refused while a position is open, and once flat it starts afresh on disk too', () => {
    const file = fileIn();
    const first = open(file, TEST_START_MS);
    trade(first.exchange);
    expect(() => {
      first.exchange.resetAccount('u1', '2500');
    }).toThrow(/position in XBTUSDTM.*before a reset/);
    expect(first.exchange.positions('u1')).toHaveLength(1);
    first.exchange.cancelAll('u1');
    first.exchange.cancelStopOrders('u1');
    first.exchange.placeOrder('u1', {
      clientOid: 'flat',
      side: 'sell',
      symbol: XBT,
      type: 'market',
      size: 3,
      reduceOnly: true,
    });
    first.exchange.resetAccount('u1', '2500');
    close(first);
    const second = open(file, TEST_START_MS + 1_000);
    expect(picture(second.exchange)).toEqual({
      balance: 2500,
      positions: [],
      open: [],
      stops: [],
      fills: [],
    });
    close(second);
  });

  it('refuses a damaged file with a message saying what to do', () => {
    const file = fileIn();
    writeFileSync(file, 'not a database at all, just text that is long enough to be read as a header');
    expect(() => openPaperAccountStore({ filePath: file, logger: silentLogger })).toThrow(/Move it aside/);
  });
});
