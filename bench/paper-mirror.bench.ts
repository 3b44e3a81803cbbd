// Paper-on-live-data benchmark (plain Node 24: `node bench/paper-mirror.bench.ts`); prints one JSON
// object (reported under `paper.mirror` by scripts/bench.mjs, beside the other `paper` figures):
//   mirrorTickLagP95Ms — upstream tick → paper venue push → engine: a loopback stand-in of KuCoin
//                        moves its mark; our KuCoin client mirrors it (ADR 0180); the paper venue
//                        pushes it on its next price step (`venue.marketData.priceStepMs`, 100 ms by
//                        default); the engine's own client receives the `/contract/instrument` push.
//                        p95 over every tick, app defaults.
//   mirrorTickLagP50Ms — the same, median.
//   mirrorTickLagP95MsAt1sStep — the same at the simulated market's 1 s step (`venue.priceStepMs`).
//   lagRatio1sStepToDefault — the two p95s as a ratio, measured in one run.
// Ticks come every 40–120 ms with rising prices; a push of mark m answers every tick ≤ m not yet
// seen, so ticks the venue coalesces into one step count with their full wait.
import { configSchema, type Config } from '../src/main/config/schema.ts';
import { createExchangeClient } from '../src/main/exchange/kucoin/client.ts';
import { silentLogger } from '../src/main/observability/logger.ts';
import { systemClock } from '../src/main/time/clock.ts';
import { createVenueClock } from '../src/main/venue/core/index.ts';
import { startVenue } from '../src/main/venue/index.ts';
import { openMirroredMarket } from '../src/main/venue/mirror/mirror-market.ts';

const SYMBOL = 'XBTUSDTM';
const DRIVE_MS = 8_000;
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (value: number): number => Math.round(value * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function lagsAt(priceStepMs: number): Promise<number[]> {
  const base: Config = configSchema.parse({
    venue: { marketData: { historyMinutes: 0, symbols: [SYMBOL] } },
  });
  // The paper venue steps as the app runs it on live data (src/main/wiring/services.ts).
  const config: Config = { ...base, venue: { ...base.venue, priceStepMs } };
  const upstream = await startVenue({ config: config.venue, logger: silentLogger, port: 0, seed: 9 });
  const mirror = await openMirroredMarket({
    marketData: { ...config.venue.marketData, source: 'live', upstreamRestUrl: upstream.restUrl },
    exchange: config.exchange,
    bookDepthLevels: config.venue.bookDepthLevels,
    clock: systemClock,
    logger: silentLogger,
    credentials: upstream.credentials,
  });
  const paper = await startVenue({
    config: config.venue,
    logger: silentLogger,
    port: 0,
    upstream: mirror,
    venueClock: createVenueClock({ timeScale: 1, wall: systemClock }),
  });
  const engineClient = createExchangeClient({
    config: config.exchange,
    endpoints: { futuresRestUrl: paper.restUrl, generalRestUrl: paper.restUrl },
    clock: systemClock,
    logger: silentLogger,
    mode: 'paper',
  });
  await engineClient.start();
  const pending: { price: number; sentAt: number }[] = [];
  const lags: number[] = [];
  engineClient.publicStream.onMessage((message) => {
    if (message.subject !== 'mark.index.price') return;
    const mark = Number((message.data as { markPrice?: unknown }).markPrice);
    const now = performance.now();
    while (pending.length > 0 && (pending[0]?.price ?? Infinity) <= mark)
      lags.push(now - (pending.shift()?.sentAt ?? now));
  });
  await engineClient.publicStream.subscribe(`/contract/instrument:${SYMBOL}`);
  let price = Math.round(upstream.exchange.markPrice(SYMBOL).value) + 1_000;
  const until = performance.now() + DRIVE_MS;
  while (performance.now() < until) {
    price += 1;
    pending.push({ price, sentAt: performance.now() });
    upstream.admin.setPrice(SYMBOL, String(price));
    await sleep(40 + Math.random() * 80);
  }
  await sleep(priceStepMs * 2 + 500);
  await engineClient.stop();
  await paper.stop();
  await mirror.close();
  await upstream.stop();
  return lags.sort((a, b) => a - b);
}

const defaults = configSchema.parse({}).venue;
const atDefault = await lagsAt(defaults.marketData.priceStepMs);
const atSecond = await lagsAt(defaults.priceStepMs);
const p95Default = percentile(atDefault, 95);
const p95Second = percentile(atSecond, 95);
console.log(
  JSON.stringify({
    mirrorTickLagP95Ms: round(p95Default),
    mirrorTickLagP50Ms: round(percentile(atDefault, 50)),
    mirrorTickLagP95MsAt1sStep: round(p95Second),
    lagRatio1sStepToDefault: round(p95Second / p95Default),
    ticks: atDefault.length,
  }),
);
