/**
 * Metrics benchmark (plain Node 24: `node bench/metrics.bench.ts`). Prints one JSON object.
 * - recordOverheadNs: one histogram observation as the recorders make it (a series handle's
 *   `observe`, which reads the clock and writes the ring), minus the same loop calling an empty
 *   function, best of five rounds each, measured in the same run.
 * - orderPathOverheadPct: a trader's order round trip — `placeOrder` on the trading service (risk,
 *   journal, submit, acknowledgement) through the exchange client to the paper venue on loopback
 *   (in a worker thread, so its work is not timed) — with the app's metrics recorders attached
 *   (REST per request, trading per order event: src/main/wiring/metrics-recorders.ts) ÷ detached.
 *   One service and one client: the recorders are attached and detached between orders, on and
 *   off alternate (and swap which goes first every pair), medians of each.
 * - orderCodeOverheadPct: the same comparison for the REST order call alone with the HTTP hop
 *   answered in-process, so only our own code is timed and the recorder's share is not drowned by
 *   the loopback round trip's noise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { configSchema, type Config } from '../src/main/config/schema.ts';
import { createExchangeClient, type ExchangeClient } from '../src/main/exchange/index.ts';
import type { UndiciInit } from '../src/main/exchange/kucoin/http-pool.ts';
import { silentLogger } from '../src/main/observability/logger.ts';
import { createMetricsRegistry, type MetricsRegistry } from '../src/main/observability/metrics/registry.ts';
import { openJournal } from '../src/main/store/journal.ts';
import { systemClock } from '../src/main/time/clock.ts';
import { tradingClientFrom } from '../src/main/trading/client-adapter.ts';
import { createTradingService, type TradingService } from '../src/main/trading/service.ts';
import { startVenue } from '../src/main/venue/index.ts';
import { recordRest, recordTrading } from '../src/main/wiring/metrics-recorders.ts';

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The app's registry, with the app's window and ring size, on the app's clock. */
function appRegistry(config: Config): MetricsRegistry {
  const { metricsWindowMs, histogramCapacity } = config.observability;
  return createMetricsRegistry({
    windowMs: metricsWindowMs,
    histogramCapacity,
    now: () => systemClock.now(),
  });
}

/**
 * ns per observation, the loop and call overhead subtracted (best of five rounds each); and, for
 * scale, one read of the clock the registry slides on (an observation reads it once).
 */
function recordOverheadNs(iterations: number): {
  recordOverheadNs: number;
  recordLoopNs: number;
  emptyLoopNs: number;
  clockReadNs: number;
} {
  const histogram = appRegistry(configSchema.parse({})).histogram('rest_request_ms', {
    route: 'POST /api/v1/orders',
  });
  const empty = { observe: (_value: number): void => undefined };
  const time = (target: { observe(value: number): void }): number => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i += 1) target.observe(i & 1023);
    return Number(process.hrtime.bigint() - started) / iterations;
  };
  const clock = {
    observe: (_value: number): void => {
      systemClock.now();
    },
  };
  const recorded: number[] = [];
  const baseline: number[] = [];
  const clockReads: number[] = [];
  for (let round5 = 0; round5 < 5; round5 += 1) {
    baseline.push(time(empty));
    recorded.push(time(histogram));
    clockReads.push(time(clock));
  }
  const recordLoopNs = Math.min(...recorded);
  const emptyLoopNs = Math.min(...baseline);
  return {
    recordOverheadNs: round(Math.max(0, recordLoopNs - emptyLoopNs), 1),
    recordLoopNs: round(recordLoopNs, 1),
    emptyLoopNs: round(emptyLoopNs, 1),
    clockReadNs: round(Math.max(0, Math.min(...clockReads) - emptyLoopNs), 1),
  };
}

/** Benchmark settings: limits lifted so neither our limiter nor the venue's ever makes an order wait. */
const benchConfig = configSchema.parse({
  venue: { futuresPoolWeightPer30s: 10_000_000, publicPoolWeightPer30s: 10_000_000 },
  exchange: { rateLimit: { futuresPoolWeight: 100_000_000, publicPoolWeight: 100_000_000 } },
  trading: { risk: { maxOrdersPerMinute: 100_000 } },
});

interface VenueHandle {
  readonly restUrl: string;
  readonly credentials: { apiKey: string; apiSecret: string; passphrase: string; keyVersion: '2' | '3' };
  stop(): Promise<void>;
}

function startVenueWorker(): Promise<VenueHandle> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'venue' } });
  return new Promise((resolve) => {
    worker.once('message', (ready: { restUrl: string; credentials: VenueHandle['credentials'] }) => {
      resolve({
        ...ready,
        stop: async () => {
          worker.postMessage('stop');
          await new Promise((done) => worker.once('message', done));
          await worker.terminate();
        },
      });
    });
  });
}

async function venueWorkerMain(): Promise<void> {
  const venue = await startVenue({ config: benchConfig.venue, logger: silentLogger, port: 0, seed: 13 });
  venue.admin.setPrice('XBTUSDTM', '90000');
  parentPort?.on('message', () => {
    void venue.stop().then(() => parentPort?.postMessage('stopped'));
  });
  parentPort?.postMessage({ restUrl: venue.restUrl, credentials: venue.credentials });
}

function client(
  restUrl: string,
  credentials: VenueHandle['credentials'],
  fetchImpl?: (input: string, init: UndiciInit) => Promise<Response>,
): ExchangeClient {
  return createExchangeClient({
    config: benchConfig.exchange,
    endpoints: { futuresRestUrl: restUrl, generalRestUrl: restUrl },
    credentials,
    clock: systemClock,
    logger: silentLogger,
    mode: 'paper',
    ...(fetchImpl === undefined ? {} : { fetchImpl }),
  });
}

/** One order, timed. */
type TimedOrder = (i: number) => Promise<number>;

/**
 * The app's REST recorder, built once (its series handles cached, as after the app's first
 * requests) and handed back as the listener it subscribes, so it can be attached and detached
 * between orders without starting cold each time.
 */
function restRecorderListener(metrics: MetricsRegistry): Parameters<ExchangeClient['onRequestCompleted']>[0] {
  let subscribed: Parameters<ExchangeClient['onRequestCompleted']>[0] | undefined;
  recordRest(
    {
      onRequestCompleted: (listener) => {
        subscribed = listener;
        return () => undefined;
      },
    },
    metrics,
    () => systemClock.now(),
  );
  if (subscribed === undefined) throw new Error('recordRest subscribed no listener');
  return subscribed;
}

/**
 * Medians of orders with the recorders on and off, taken in turns (on first in even pairs, off
 * first in odd ones); the recorders are switched between orders, outside the timed window.
 */
async function pairedMedians(
  order: TimedOrder,
  attach: () => () => void,
  options: { pairs: number; warmUpPairs: number; between?: (i: number) => Promise<void> },
): Promise<{ onMs: number; offMs: number }> {
  const onMs: number[] = [];
  const offMs: number[] = [];
  const timed = async (on: boolean, i: number): Promise<number> => {
    const detach = on ? attach() : undefined;
    try {
      return await order(i);
    } finally {
      await options.between?.(i);
      detach?.();
    }
  };
  for (let pair = 0; pair < options.pairs + options.warmUpPairs; pair += 1) {
    const onFirst = pair % 2 === 0;
    const first = await timed(onFirst, pair * 2);
    const second = await timed(!onFirst, pair * 2 + 1);
    if (pair < options.warmUpPairs) continue;
    onMs.push(onFirst ? first : second);
    offMs.push(onFirst ? second : first);
  }
  return { onMs: quantile(onMs, 0.5), offMs: quantile(offMs, 0.5) };
}

async function startTrading(
  venue: VenueHandle,
): Promise<{ exchange: ExchangeClient; service: TradingService; stop(): Promise<void> }> {
  const exchange = client(venue.restUrl, venue.credentials);
  await exchange.start();
  const dir = mkdtempSync(join(tmpdir(), 'bw-bench-metrics-'));
  const journal = openJournal({ filePath: join(dir, 'journal.db'), now: () => Date.now() });
  const service = createTradingService({
    config: benchConfig,
    client: tradingClientFrom(exchange, { privateStreamGraceMs: 60_000, now: () => Date.now() }),
    journal,
    clock: systemClock,
    logger: silentLogger,
    alert: () => undefined,
    atr: { atr: () => undefined },
  });
  await service.start();
  return {
    exchange,
    service,
    async stop() {
      await service.cancelAll('XBTUSDTM');
      await service.stop();
      await exchange.stop();
      journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function orderPathFigures(pairs: number): Promise<Record<string, number>> {
  const venue = await startVenueWorker();
  const rig = await startTrading(venue);
  const metrics = appRegistry(benchConfig);
  // The recorders the app attaches (src/main/wiring/observability.ts), on this client and service.
  const rest = restRecorderListener(metrics);
  const trading = recordTrading(metrics);
  const attach = (): (() => void) => {
    const offRest = rig.exchange.onRequestCompleted(rest);
    const offTrading = rig.service.on(trading);
    return () => {
      offRest();
      offTrading();
    };
  };
  // Resting limit entries (never fill) with their stop: the ticket path without a position to manage.
  const order: TimedOrder = async (i) => {
    const started = performance.now();
    await rig.service.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: (87_000 + (i % 2_000) / 10).toFixed(1),
      sizeLots: 1,
      leverage: 5,
      stopPrice: '85000',
    });
    return performance.now() - started;
  };
  const between = async (i: number): Promise<void> => {
    // Let the order's stream updates land before the next order (and before the recorders switch).
    await sleep(2);
    if (i % 40 === 39) await rig.service.cancelAll('XBTUSDTM');
  };
  const { onMs, offMs } = await pairedMedians(order, attach, { pairs, warmUpPairs: 50, between });
  const recorded =
    metrics.snapshot().histograms.find((row) => row.name === 'order_submit_to_ack_ms')?.total ?? 0;
  await rig.stop();
  await venue.stop();
  if (recorded === 0)
    throw new Error(
      'the trading recorder saw no acknowledgement: the "on" orders were not measured with metrics',
    );
  return {
    orderPathOverheadPct: round((onMs / offMs - 1) * 100, 2),
    orderRoundTripWithMetricsMs: round(onMs),
    orderRoundTripWithoutMetricsMs: round(offMs),
    orderPairs: pairs,
  };
}

async function orderCodeFigures(pairs: number): Promise<Record<string, number>> {
  const canned = (input: string, init: UndiciInit): Promise<Response> => {
    const data = input.endsWith('/api/v1/timestamp')
      ? String(Date.now())
      : `{"orderId":"1","clientOid":"${(JSON.parse(init.body ?? '{}') as { clientOid?: string }).clientOid ?? ''}"}`;
    return Promise.resolve(
      new Response(`{"code":"200000","data":${data}}`, {
        status: 200,
        headers: {
          'gw-ratelimit-limit': '100000000',
          'gw-ratelimit-remaining': '99999999',
          'gw-ratelimit-reset': '29000',
        },
      }),
    );
  };
  const credentials = {
    apiKey: '67a1b2c3d4e5f60001abcdef',
    apiSecret: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    passphrase: 'bench',
    keyVersion: '3' as const,
  };
  const exchange = client('http://127.0.0.1:9', credentials, canned);
  await exchange.timeSync.sync();
  const metrics = appRegistry(benchConfig);
  const rest = restRecorderListener(metrics);
  const attach = (): (() => void) => exchange.onRequestCompleted(rest);
  const order: TimedOrder = async (i) => {
    const started = performance.now();
    await exchange.rest.placeOrder({
      symbol: 'XBTUSDTM',
      side: i % 2 === 0 ? 'buy' : 'sell',
      type: 'market',
      size: 1,
      leverage: 3,
    });
    return performance.now() - started;
  };
  const { onMs, offMs } = await pairedMedians(order, attach, { pairs, warmUpPairs: 2_000 });
  await exchange.stop();
  return {
    orderCodeOverheadPct: round((onMs / offMs - 1) * 100, 2),
    orderCodeWithMetricsUs: round(onMs * 1000, 1),
    orderCodeWithoutMetricsUs: round(offMs * 1000, 1),
  };
}

async function main(): Promise<void> {
  const record = recordOverheadNs(Number(process.env.BENCH_OBSERVATIONS ?? 5_000_000));
  const code = await orderCodeFigures(Number(process.env.BENCH_CODE_PAIRS ?? 10_000));
  const path = await orderPathFigures(Number(process.env.BENCH_ORDER_PAIRS ?? 500));
  process.stdout.write(
    `${JSON.stringify({ ...record, ...path, ...code, loadAverage1m: round(loadavg()[0] ?? 0, 2), cpus: cpus().length, node: process.version })}\n`,
  );
}

if (isMainThread) await main();
else if ((workerData as { role?: string } | null)?.role === 'venue') await venueWorkerMain();
