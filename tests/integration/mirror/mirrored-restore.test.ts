// A paper account restored on the mirrored real market (ADR 0160): the app was closed for an hour
// while the upstream (a second venue playing KuCoin's public API) fell through the account's stop
// and settled funding twice. On opening, the paper venue replays that hour on the upstream's real
// one-minute history and funding history: the stop triggered at its price and filled at the market there, the funding before it was
// paid at the upstream's own rates and times, nothing after it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import {
  createManualPriceFeed,
  createManualVenueClock,
  createVenueExchange,
  feedSymbols,
} from '../../../src/main/venue/core/index.ts';
import { startVenue, type RunningVenue } from '../../../src/main/venue/index.ts';
import type { MirroredMarket } from '../../../src/main/venue/mirror/mirror-market.ts';
import { openPaperAccountStore } from '../../../src/main/venue/persist/paper-account-store.ts';
import { mirrorConfig, mirrorOf, startManualUpstream, type ManualUpstream } from './stand-in.ts';

const XBT = 'XBTUSDTM';
const MINUTE = 60_000;
const GAP_MINUTES = 60;
// The app closed an hour ago; the upstream's clock runs from then to now while it is closed.
const closedAtMs = Math.floor(Date.now() / MINUTE) * MINUTE - GAP_MINUTES * MINUTE;
const config = mirrorConfig({
  venue: {
    historyWarmupMs: 30 * MINUTE,
    fundingIntervalMs: 20 * MINUTE,
    marketData: { historyMinutes: 120, staleAfterMs: 600_000 },
  },
});
const file = join(mkdtempSync(join(tmpdir(), 'mirrored-restore-')), 'account.sqlite');

let upstream: ManualUpstream | undefined;
let mirror: MirroredMarket | undefined;
let paper: RunningVenue | undefined;

afterAll(async () => {
  await paper?.stop();
  await mirror?.close();
  await upstream?.venue.stop();
});

/** The first session: a long of 10 lots at 50000 with its stop at 49000, saved when the app closed. */
function firstSession(): void {
  const feed = createManualPriceFeed(feedSymbols());
  feed.set(XBT, { markPrice: '50000', indexPrice: '50000', lastPrice: '50000' });
  const store = openPaperAccountStore({ filePath: file, logger: silentLogger });
  const exchange = createVenueExchange({
    seed: 3,
    clock: createManualVenueClock(closedAtMs),
    config: { ...config.venue, historyWarmupMs: 0 },
    logger: silentLogger,
    priceFeed: feed,
    persistence: store,
  });
  exchange.openAccount('trader', '100000');
  exchange.placeOrder('trader', {
    clientOid: 'entry',
    side: 'buy',
    symbol: XBT,
    type: 'market',
    size: 10,
    leverage: 5,
    marginMode: 'ISOLATED',
  });
  exchange.placeOrder('trader', {
    clientOid: 'stop',
    side: 'sell',
    symbol: XBT,
    type: 'market',
    size: 10,
    reduceOnly: true,
    stop: 'down',
    stopPrice: '49000',
    stopPriceType: 'MP',
  });
  exchange.close();
  store.close();
}

/** The closed hour at the upstream: flat at 50000, a dip to 48800 at minute 50, back to 50000. */
function closedHour(market: ManualUpstream): void {
  for (let minute = 1; minute <= GAP_MINUTES; minute += 1) {
    market.clock.advance(MINUTE);
    market.venue.admin.setPrice(XBT, minute >= 50 && minute <= 52 ? '48800' : '50000');
    market.venue.exchange.advanceTo(market.clock.now());
  }
}

describe('a paper account restored on the mirrored market', () => {
  it("settles the closed time on the upstream's real candles and funding", { timeout: 60_000 }, async () => {
    firstSession();
    upstream = await startManualUpstream(config, closedAtMs);
    upstream.venue.admin.setPrice(XBT, '50000');
    closedHour(upstream);
    const settled = upstream.venue.exchange.fundingHistory(XBT, closedAtMs + 1, closedAtMs + 50 * MINUTE);
    expect(settled.length).toBeGreaterThanOrEqual(2);

    mirror = await mirrorOf(config, upstream.venue, [XBT]);
    const store = openPaperAccountStore({ filePath: file, logger: silentLogger });
    paper = await startVenue({
      config: config.venue,
      logger: silentLogger,
      port: 0,
      upstream: mirror,
      venueClock: createManualVenueClock(upstream.clock.now()),
      persistence: store,
    });
    const exchange = paper.exchange;

    expect(exchange.positions('trader')).toEqual([]);
    const stop = exchange.orderByClientOid('trader', 'stop');
    expect(stop.status).toBe('done');
    const exit = exchange.fills('trader', {}).items.find((fill) => fill.orderId === stop.id);
    // A stop-market: triggered where the candle crossed 49000, filled at the market there.
    expect(Number(exit?.price)).toBeLessThanOrEqual(49_000);
    expect(Number(exit?.price)).toBeGreaterThanOrEqual(48_800);
    // Paid at the upstream's settlements before the stop (minute 50), at its rates, none after.
    const payments = exchange.fundingPayments('trader', {}).dataList;
    expect(payments.map((p) => p.timePoint).sort()).toEqual(settled.map((s) => s.timepoint).sort());
    for (const payment of payments)
      expect(payment.fundingRate).toBe(settled.find((s) => s.timepoint === payment.timePoint)?.fundingRate);
  });
});
