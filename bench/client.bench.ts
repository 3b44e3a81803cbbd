/**
 * Exchange-client benchmark (plain Node 24: `node bench/client.bench.ts`). Prints one JSON object.
 * Every ratio is measured side by side in one run against the paper venue on loopback.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Agent, fetch as undiciFetch, request as undiciRequest } from 'undici';
import { WebSocketServer } from 'ws';
import { configSchema } from '../src/main/config/schema.ts';
import { exchangeConfigSchema, type ExchangeConfigInput } from '../src/main/config/sections/exchange.ts';
import { createExchangeClient, type ExchangeClient } from '../src/main/exchange/index.ts';
import type { UndiciInit } from '../src/main/exchange/kucoin/http-pool.ts';
import { createRequestSigner } from '../src/main/exchange/kucoin/signer.ts';
import { KucoinStream } from '../src/main/exchange/kucoin/ws/kucoin-stream.ts';
import { silentLogger } from '../src/main/observability/logger.ts';
import { systemClock } from '../src/main/time/clock.ts';
import { startVenue } from '../src/main/venue/index.ts';

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/** The rate-limit headers of every answer, recorded by a wrapping fetch. */
interface TransportProbe {
  headers: { path: string; at: number; remaining: number; resetMs: number; limit: number }[];
}

function probingFetch(probe: TransportProbe) {
  return async (input: string, init: UndiciInit): Promise<Response> => {
    const response = await undiciFetch(input, init);
    const text = await response.text();
    const remaining = response.headers.get('gw-ratelimit-remaining');
    if (remaining !== null) {
      probe.headers.push({
        path: new URL(input).pathname,
        at: Date.now(),
        remaining: Number(remaining),
        resetMs: Number(response.headers.get('gw-ratelimit-reset')),
        limit: Number(response.headers.get('gw-ratelimit-limit')),
      });
    }
    return new Response(text, { status: response.status, headers: Object.fromEntries(response.headers) });
  };
}

/** The venue in a worker thread, so its work never lands on the client's event loop being measured. */
interface VenueHandle {
  readonly restUrl: string;
  readonly credentials: { apiKey: string; apiSecret: string; passphrase: string; keyVersion: '2' | '3' };
  resetRateLimits(): Promise<void>;
  stop(): Promise<void>;
}

function startVenueWorker(venueOverrides: Record<string, unknown>): Promise<VenueHandle> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'venue', venueOverrides } });
  const replies: ((value: unknown) => void)[] = [];
  worker.on('message', (message: unknown) => replies.shift()?.(message));
  const ask = (command: string): Promise<unknown> =>
    new Promise((resolve) => {
      replies.push(resolve);
      worker.postMessage(command);
    });
  return new Promise((resolve) => {
    replies.push((ready) => {
      const info = ready as { restUrl: string; credentials: VenueHandle['credentials'] };
      resolve({
        ...info,
        resetRateLimits: async () => {
          await ask('reset-rate-limits');
        },
        stop: async () => {
          await ask('stop');
          await worker.terminate();
        },
      });
    });
  });
}

async function venueWorkerMain(venueOverrides: Record<string, unknown>): Promise<void> {
  const config = configSchema.parse({ venue: venueOverrides });
  const venue = await startVenue({ config: config.venue, logger: silentLogger, port: 0, seed: 11 });
  parentPort?.on('message', (command: string) => {
    if (command === 'reset-rate-limits') venue.admin.resetRateLimits();
    if (command === 'stop') {
      void venue.stop().then(() => parentPort?.postMessage('stopped'));
      return;
    }
    parentPort?.postMessage('ok');
  });
  parentPort?.postMessage({ restUrl: venue.restUrl, credentials: venue.credentials });
}

async function rig(
  venueOverrides: Record<string, unknown>,
  exchange: ExchangeConfigInput,
  probe: TransportProbe,
): Promise<{ venue: VenueHandle; client: ExchangeClient }> {
  const venue = await startVenueWorker(venueOverrides);
  const client = createExchangeClient({
    config: exchangeConfigSchema.parse(exchange),
    endpoints: { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl },
    credentials: venue.credentials,
    clock: systemClock,
    logger: silentLogger,
    mode: 'paper',
    fetchImpl: probingFetch(probe),
  });
  await client.timeSync.sync();
  return { venue, client };
}

/** Full client order round trip vs a bare signed undici fetch (and undici.request) to the same venue endpoint. */
async function orderFigures(count: number) {
  const venue = await startVenueWorker({
    futuresPoolWeightPer30s: 10_000_000,
    publicPoolWeightPer30s: 10_000_000,
  });
  const makeClient = (httpClient: 'request' | 'fetch') =>
    createExchangeClient({
      config: exchangeConfigSchema.parse({
        rest: { httpClient },
        rateLimit: { futuresPoolWeight: 10_000_000, publicPoolWeight: 10_000_000 },
      }),
      endpoints: { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl },
      credentials: venue.credentials,
      clock: systemClock,
      logger: silentLogger,
      mode: 'paper',
    });
  // The default client (transport → undici.request on the Agent) and the same client on undici's fetch.
  const client = makeClient('request');
  const fetchClient = makeClient('fetch');
  await client.timeSync.sync();
  await fetchClient.timeSync.sync();
  const signer = createRequestSigner({ ...venue.credentials });
  const agent = new Agent({ connections: 8, pipelining: 1 });
  const bare = async (side: 'buy' | 'sell', viaRequest: boolean): Promise<number> => {
    const body = JSON.stringify({
      clientOid: crypto.randomUUID().replaceAll('-', ''),
      side,
      symbol: 'XBTUSDTM',
      leverage: 3,
      type: 'market',
      size: 1,
    });
    const started = performance.now();
    const headers = {
      'Content-Type': 'application/json',
      ...signer.sign({
        timestampMs: client.timeSync.serverNow(),
        method: 'POST',
        path: '/api/v1/orders',
        rawQuery: '',
        body,
      }),
    };
    if (viaRequest) {
      const response = await undiciRequest(`${venue.restUrl}/api/v1/orders`, {
        method: 'POST',
        headers,
        body,
        dispatcher: agent,
      });
      JSON.parse(await response.body.text());
    } else {
      const response = await undiciFetch(`${venue.restUrl}/api/v1/orders`, {
        method: 'POST',
        headers,
        body,
        dispatcher: agent,
      });
      JSON.parse(await response.text());
    }
    return performance.now() - started;
  };
  const viaClient = async (side: 'buy' | 'sell', which = client): Promise<number> => {
    const started = performance.now();
    await which.rest.placeOrder({ symbol: 'XBTUSDTM', side, type: 'market', size: 1, leverage: 3 });
    return performance.now() - started;
  };
  const clientMs: number[] = [];
  const fetchClientMs: number[] = [];
  const fetchMs: number[] = [];
  const requestMs: number[] = [];
  for (let i = 0; i < count + 200; i += 1) {
    // Rotate who goes first so no variant always follows a burst on the venue.
    const runs = [
      () => viaClient('buy'),
      () => bare('sell', false),
      () => bare('buy', true),
      () => viaClient('sell', fetchClient),
    ];
    const order = [0, 1, 2, 3].map((k) => (k + i) % 4);
    const results: number[] = [0, 0, 0, 0];
    for (const k of order) results[k] = await (runs[k] ?? (() => Promise.resolve(0)))();
    if (i < 200) continue; // warm-up: JIT, pools, caches
    clientMs.push(results[0] ?? 0);
    fetchMs.push(results[1] ?? 0);
    requestMs.push(results[2] ?? 0);
    fetchClientMs.push(results[3] ?? 0);
  }
  await agent.close();
  await client.stop();
  await fetchClient.stop();
  await venue.stop();
  return {
    orderRoundTripRatio: round(quantile(clientMs, 0.5) / quantile(fetchMs, 0.5)),
    orderRoundTripRatioOnUndiciFetch: round(quantile(fetchClientMs, 0.5) / quantile(fetchMs, 0.5)),
    undiciOverFetchRatio: round(quantile(requestMs, 0.5) / quantile(fetchMs, 0.5)),
    orderRoundTripMedianMs: round(quantile(clientMs, 0.5)),
    bareFetchMedianMs: round(quantile(fetchMs, 0.5)),
    bareUndiciRequestMedianMs: round(quantile(requestMs, 0.5)),
  };
}

/**
 * Client-side cost per order with the HTTP transport taken out entirely: undici's fetch is
 * replaced by a canned KuCoin answer (echoing the clientOid), so what is timed is our code —
 * order body, clock gate, limiter, breaker, signing, serialisation, pool hand-off, parsing and echo check.
 */
async function overheadFigures(count: number) {
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
  const client = createExchangeClient({
    config: exchangeConfigSchema.parse({
      rateLimit: { futuresPoolWeight: 100_000_000, publicPoolWeight: 100_000_000 },
    }),
    endpoints: { futuresRestUrl: 'http://127.0.0.1:9', generalRestUrl: 'http://127.0.0.1:9' },
    credentials: {
      apiKey: '67a1b2c3d4e5f60001abcdef',
      apiSecret: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      passphrase: 'bench',
      keyVersion: '3',
    },
    clock: systemClock,
    logger: silentLogger,
    mode: 'paper',
    fetchImpl: canned,
  });
  await client.timeSync.sync();
  const samplesUs: number[] = [];
  for (let i = 0; i < count + 2_000; i += 1) {
    const started = performance.now();
    await client.rest.placeOrder({
      symbol: 'XBTUSDTM',
      side: i % 2 === 0 ? 'buy' : 'sell',
      type: 'market',
      size: 1,
      leverage: 3,
    });
    if (i >= 2_000) samplesUs.push((performance.now() - started) * 1_000);
  }
  await client.stop();
  return {
    orderOverheadP50Us: round(quantile(samplesUs, 0.5), 1),
    orderOverheadP90Us: round(quantile(samplesUs, 0.9), 1),
    orderOverheadP99Us: round(quantile(samplesUs, 0.99), 1),
  };
}

/** Keeps the Futures pool saturated for several windows; utilization per full window from the venue's headers. */
async function limiterFigures() {
  const windowMs = 2_000;
  const limit = 400;
  const probe: TransportProbe = { headers: [] };
  const { venue, client } = await rig(
    { rateLimitWindowMs: windowMs, futuresPoolWeightPer30s: limit, publicPoolWeightPer30s: 100_000 },
    {
      rateLimit: {
        poolWindowMs: windowMs,
        futuresPoolWeight: limit,
        queueCapacity: 5_000,
        protectiveQueueSlots: 500,
        windowResetGuardMs: 30,
      },
      rest: { getRetryMaxAttempts: 0 },
    },
    probe,
  );
  await venue.resetRateLimits();
  const started = Date.now();
  let rateLimited = 0;
  const jobs: Promise<void>[] = [];
  // 4 windows' worth of weight: position reads (2), cancels (1, protective) and account reads (5).
  for (let i = 0; i < 600; i += 1) {
    const call =
      i % 3 === 0
        ? client.rest.cancelOrderByClientOid(`bench-${i}`, 'XBTUSDTM')
        : i % 3 === 1
          ? client.rest.getPosition('XBTUSDTM')
          : client.rest.getAccountOverview();
    jobs.push(
      call.then(
        () => undefined,
        (error: unknown) => {
          if ((error as { code?: string }).code === 'exchange-rate-limit') rateLimited += 1;
        },
      ),
    );
  }
  await Promise.all(jobs);
  // One venue window = a run of answers whose reset countdown keeps falling; a jump up starts the next.
  const answers = probe.headers
    .filter((x) => x.at >= started && x.path !== '/api/v1/timestamp' && x.limit === limit)
    .sort((a, b) => a.at - b.at);
  const windows: number[] = [];
  let previousReset = Infinity;
  for (const answer of answers) {
    if (answer.resetMs > previousReset + 200 || windows.length === 0) windows.push(answer.remaining);
    windows[windows.length - 1] = Math.min(windows.at(-1) ?? limit, answer.remaining);
    previousReset = answer.resetMs;
  }
  if (process.env.BENCH_DEBUG !== undefined)
    process.stderr.write(
      `windows ${JSON.stringify(windows)} answers ${answers.length} resets ${answers
        .filter((_, i) => i % 40 === 0)
        .map((a) => a.resetMs)
        .join(',')}\n`,
    );
  const full = windows.slice(0, -1).map((remaining) => (limit - remaining) / limit);
  await client.stop();
  await venue.stop();
  return {
    limiterUtilization: round(full.reduce((a, b) => a + b, 0) / Math.max(1, full.length)),
    limiter429: rateLimited,
    limiterWindowsMeasured: full.length,
  };
}

/** A KuCoin-speaking WS server (in a worker) blasts tickerV2 frames at one subscriber. */
async function wsBlasterMain(messages: number): Promise<void> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  const frame = JSON.stringify({
    topic: '/contractMarket/tickerV2:XBTUSDTM',
    type: 'message',
    subject: 'tickerV2',
    sn: 1,
    data: {
      symbol: 'XBTUSDTM',
      sequence: 1,
      bestBidSize: 5,
      bestBidPrice: '90000.1',
      bestAskPrice: '90000.2',
      bestAskSize: 7,
      ts: 1731916985789000000,
    },
  });
  wss.on('connection', (socket, request) => {
    const connectId = new URL(request.url ?? '/', 'ws://x').searchParams.get('connectId') ?? '';
    socket.send(JSON.stringify({ id: connectId, type: 'welcome' }));
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as { id: string; type: string };
      if (message.type === 'ping') socket.send(JSON.stringify({ id: message.id, type: 'pong' }));
      if (message.type !== 'subscribe') return;
      socket.send(JSON.stringify({ id: message.id, type: 'ack' }));
      for (let i = 0; i < messages; i += 1) socket.send(frame);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  parentPort?.on('message', () => {
    wss.close();
    http.closeAllConnections();
    http.close(() => parentPort?.postMessage('stopped'));
  });
  parentPort?.postMessage(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
}

async function wsIngest(messages: number) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'ws-blaster', messages } });
  const endpoint = await new Promise<string>((resolve) => worker.once('message', resolve));
  const stream = new KucoinStream({
    kind: 'public',
    config: exchangeConfigSchema.parse({}).ws,
    mode: 'paper',
    clock: systemClock,
    logger: silentLogger,
    fetchToken: () =>
      Promise.resolve({
        token: 't',
        instanceServers: [{ endpoint, pingInterval: 18_000, pingTimeout: 10_000 }],
      }),
  });
  let received = 0;
  let firstAt = 0;
  const done = new Promise<number>((resolve) => {
    stream.onMessage(() => {
      if (received === 0) firstAt = performance.now();
      received += 1;
      if (received === messages) resolve(performance.now() - firstAt);
    });
  });
  stream.start();
  await stream.subscribe('/contractMarket/tickerV2:XBTUSDTM');
  const elapsedMs = await done;
  stream.stop();
  const stopped = new Promise((resolve) => worker.once('message', resolve));
  worker.postMessage('stop');
  await stopped;
  await worker.terminate();
  return { wsIngestMsgsPerSec: Math.round((messages - 1) / (elapsedMs / 1_000)) };
}

async function main(): Promise<void> {
  const overhead = await overheadFigures(Number(process.env.BENCH_OVERHEAD_ORDERS ?? 20_000));
  const orders = await orderFigures(Number(process.env.BENCH_ORDERS ?? 1_500));
  const limiter = await limiterFigures();
  const ws = await wsIngest(300_000);
  process.stdout.write(
    `${JSON.stringify({ ...overhead, ...orders, ...limiter, ...ws, loadAverage1m: round(loadavg()[0] ?? 0, 2), cpus: cpus().length, node: process.version })}\n`,
  );
}

const role = (workerData as { role?: string } | null)?.role;
if (isMainThread) await main();
else if (role === 'venue')
  await venueWorkerMain((workerData as { venueOverrides: Record<string, unknown> }).venueOverrides);
else if (role === 'ws-blaster') await wsBlasterMain((workerData as { messages: number }).messages);
