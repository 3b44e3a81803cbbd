// Paper account restore benchmark (plain Node 24): prints one JSON object; as a `paper-*` bench its
// figures join the other paper figures under the key `paper` (scripts/bench.mjs).
//   restoreMs          — opening the paper account file of an account with 10 000 fills (and their
//                        orders, ledger rows and closed positions) and restoring it into a venue:
//                        median of 5 runs.
//   restoreFreshMs     — opening a venue with no saved account, the same way, in the same run
//                        (what a start costs without a saved account).
//   commitP99Us        — one committed venue call (a market order and its fill) while building the
//                        account: what the durability costs each call (WAL, synchronous FULL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { venueConfigSchema } from '../src/main/config/sections/venue.ts';
import { silentLogger } from '../src/main/observability/logger.ts';
import { feedSymbols } from '../src/main/venue/core/model/contracts.ts';
import { createVenueExchange } from '../src/main/venue/core/exchange.ts';
import { TEST_START_MS } from '../src/main/venue/core/testing.ts';
import { createManualPriceFeed } from '../src/main/venue/feeds/manual-feed.ts';
import { createManualVenueClock } from '../src/main/venue/feeds/venue-clock.ts';
import { openPaperAccountStore } from '../src/main/venue/persist/paper-account-store.ts';

const FILLS = 10_000;
const RUNS = 5;
const XBT = 'XBTUSDTM';
const config = venueConfigSchema.parse({
  historyWarmupMs: 0,
  bookDepthLevels: 10,
  bookSpreadTicks: 1,
  bookLevelStepTicks: 1,
  bookLevelSizeLots: 1000,
});
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p99 = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? Number.NaN;
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

function openVenue(filePath: string | undefined, atMs: number) {
  const feed = createManualPriceFeed(feedSymbols());
  feed.set(XBT, { markPrice: '90000', indexPrice: '90000', lastPrice: '90000' });
  const store =
    filePath === undefined ? undefined : openPaperAccountStore({ filePath, logger: silentLogger });
  const exchange = createVenueExchange({
    seed: 1,
    clock: createManualVenueClock(atMs),
    config,
    logger: silentLogger,
    priceFeed: feed,
    ...(store === undefined ? {} : { persistence: store }),
  });
  return {
    exchange,
    close: () => {
      exchange.close();
      store?.close();
    },
  };
}

/** An account with `FILLS` fills: market orders of one lot, alternately buying and selling. */
function build(filePath: string): number[] {
  const venue = openVenue(filePath, TEST_START_MS);
  venue.exchange.openAccount('u1', '1000000');
  const commitsUs: number[] = [];
  for (let i = 0; i < FILLS; i += 1) {
    const started = process.hrtime.bigint();
    venue.exchange.placeOrder('u1', {
      clientOid: `b${String(i)}`,
      side: i % 2 === 0 ? 'buy' : 'sell',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
      marginMode: 'ISOLATED',
    });
    commitsUs.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  const fills = venue.exchange.fills('u1', { pageSize: '1' }).totalNum;
  if (fills < FILLS) throw new Error(`built ${String(fills)} fills, wanted ${String(FILLS)}`);
  venue.close();
  return commitsUs;
}

function timedOpen(filePath: string | undefined): number {
  const started = performance.now();
  const venue = openVenue(filePath, TEST_START_MS + 1_000);
  const elapsed = performance.now() - started;
  if (filePath !== undefined && venue.exchange.fills('u1', { pageSize: '1' }).totalNum < FILLS)
    throw new Error('the restored account lost fills');
  venue.close();
  return elapsed;
}

const folder = mkdtempSync(join(tmpdir(), 'bulwark-restore-bench-'));
try {
  const file = join(folder, 'account.sqlite');
  const commitsUs = build(file);
  timedOpen(file); // warm the module and file caches once
  const restores: number[] = [];
  const fresh: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    restores.push(timedOpen(file));
    fresh.push(timedOpen(undefined));
  }
  const restoreMs = median(restores);
  const restoreFreshMs = median(fresh);
  console.log(
    JSON.stringify({
      restoreMs: round(restoreMs),
      restoreFreshMs: round(restoreFreshMs),
      restoreFills: FILLS,
      commitP99Us: round(p99(commitsUs)),
    }),
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
