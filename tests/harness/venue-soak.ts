// The venue soak workload (ADR 0142), shared by scripts/venue-soak.ts and the regression test: traders
// place, cancel and replace orders under injected REST latency, some requests abandoned mid-flight,
// while a watchdog asks the admin API for health. Bounded by `durationMs`; 127.0.0.1 only.
import WebSocket from 'ws';
import { seededRandom } from '../../src/main/venue/server/faults.ts';
import { kcSign } from '../integration/venue/kucoin-test-client.ts';

/** One HTTP exchange as the soak's client makes it. */
export interface SoakInit {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly signal: AbortSignal;
}

/** What a soak needs. */
export interface SoakOptions {
  /** `http://127.0.0.1:PORT` of a running venue whose admin API is on. */
  readonly restUrl: string;
  /** One trader per key (version 2). */
  readonly traders: readonly {
    readonly apiKey: string;
    readonly apiSecret: string;
    readonly passphrase: string;
  }[];
  readonly durationMs: number;
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly seed: number;
  /** Sends one request (keep-alive pool of the caller's choice). */
  readonly send: (url: string, init: SoakInit) => Promise<{ status: number; text: string }>;
  /** How long the admin API may take to answer before the venue counts as stalled (default 3 s). */
  readonly healthTimeoutMs?: number;
}

/** What the soak saw. */
export interface SoakResult {
  readonly requests: number;
  readonly answered: number;
  /** KuCoin codes of the answers (`200000`, `300018`, …). */
  readonly codes: Record<string, number>;
  /** Requests that failed at the transport (aborted by us, or the socket closed), by message. */
  readonly transportErrors: Record<string, number>;
  readonly stalled: boolean;
  readonly stalledAfterMs: number | null;
}

interface Trader {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly passphrase: string;
  n: number;
}

function signed(trader: Trader, method: string, path: string, body: string): Record<string, string> {
  const ts = String(Date.now());
  return {
    'KC-API-KEY': trader.apiKey,
    'KC-API-SIGN': kcSign(trader.apiSecret, ts + method + path + body),
    'KC-API-TIMESTAMP': ts,
    'KC-API-PASSPHRASE': kcSign(trader.apiSecret, trader.passphrase),
    'KC-API-KEY-VERSION': '2',
    'content-type': 'application/json',
  };
}

/** Prices a round's orders around `mark`: stops a few ticks away so they trigger while the round runs. */
function near(mark: number, bps: number): string {
  return (Math.round(mark * (1 + bps / 10_000) * 10) / 10).toFixed(1);
}

/**
 * One trader's round, as a protective client trades: enter, protect, replace the stop (place the new
 * one, cancel the old), an entry with attached TP/SL, a closeOrder stop, cancels in every way, reads.
 */
function roundOf(
  trader: Trader,
  mark: number,
): { method: 'GET' | 'POST' | 'DELETE'; path: string; body?: unknown }[] {
  const id = `${trader.apiKey.slice(0, 6)}-${(trader.n += 1)}`;
  const base = { symbol: 'XBTUSDTM', leverage: 5, marginMode: 'ISOLATED' };
  const stop = (clientOid: string, bps: number, extra: Record<string, unknown> = {}) => ({
    ...base,
    clientOid,
    side: 'sell',
    type: 'market',
    size: 1,
    stop: 'down',
    stopPrice: near(mark, bps),
    stopPriceType: 'TP',
    reduceOnly: true,
    ...extra,
  });
  return [
    {
      method: 'POST',
      path: '/api/v1/orders',
      body: { ...base, clientOid: `e${id}`, side: 'buy', type: 'market', size: 2 },
    },
    { method: 'POST', path: '/api/v1/orders', body: stop(`s${id}`, -3) },
    {
      method: 'POST',
      path: '/api/v1/orders',
      body: { ...base, clientOid: `l${id}`, side: 'buy', type: 'limit', price: near(mark, -2), size: 1 },
    },
    { method: 'POST', path: '/api/v1/orders', body: stop(`t${id}`, -2) },
    { method: 'DELETE', path: `/api/v1/orders/client-order/s${id}?symbol=XBTUSDTM` },
    {
      method: 'POST',
      path: '/api/v1/st-orders',
      body: {
        ...base,
        clientOid: `p${id}`,
        side: 'buy',
        type: 'market',
        size: 1,
        triggerStopDownPrice: near(mark, -2),
        triggerStopUpPrice: near(mark, 2),
        stopPriceType: 'TP',
      },
    },
    { method: 'POST', path: '/api/v1/orders', body: stop(`c${id}`, -1, { closeOrder: true }) },
    { method: 'DELETE', path: `/api/v1/orders/client-order/l${id}?symbol=XBTUSDTM` },
    { method: 'GET', path: '/api/v1/position?symbol=XBTUSDTM' },
    { method: 'GET', path: '/api/v1/orders?status=active&symbol=XBTUSDTM' },
    { method: 'GET', path: '/api/v1/stopOrders?symbol=XBTUSDTM' },
    {
      method: 'POST',
      path: '/api/v1/orders',
      body: { ...base, clientOid: `x${id}`, side: 'sell', type: 'market', size: 4, reduceOnly: true },
    },
    { method: 'DELETE', path: '/api/v1/stopOrders?symbol=XBTUSDTM' },
    { method: 'DELETE', path: '/api/v3/orders?symbol=XBTUSDTM' },
  ];
}

async function markOf(options: SoakOptions): Promise<number> {
  try {
    const res = await options.send(`${options.restUrl}/api/v1/mark-price/XBTUSDTM/current`, {
      method: 'GET',
      headers: {},
      signal: AbortSignal.timeout(5_000),
    });
    const value = (JSON.parse(res.text) as { data?: { value?: number } }).data?.value;
    return typeof value === 'number' ? value : 86_000;
  } catch {
    return 86_000;
  }
}

async function watchdog(options: SoakOptions, until: number, started: number): Promise<number | null> {
  const timeoutMs = options.healthTimeoutMs ?? 3_000;
  while (Date.now() < until) {
    try {
      const res = await options.send(`${options.restUrl}/__venue/health`, {
        method: 'GET',
        headers: {},
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (res.status !== 200) return Date.now() - started;
    } catch {
      return Date.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

async function admin(
  options: SoakOptions,
  method: 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<void> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const res = await options.send(`${options.restUrl}/__venue/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(text === undefined ? {} : { body: text }),
    signal: AbortSignal.timeout(options.healthTimeoutMs ?? 3_000),
  });
  if (res.status !== 200) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${res.text}`);
}

/**
 * Keeps one private push connection per trader open as a trading client does (bullet-private through
 * the latency, subscribe to orders and positions), dropping and reopening it now and then.
 */
async function pushStream(
  options: SoakOptions,
  trader: Trader,
  random: () => number,
  until: () => number,
): Promise<void> {
  while (Date.now() < until()) {
    try {
      const path = '/api/v1/bullet-private';
      const res = await options.send(`${options.restUrl}${path}`, {
        method: 'POST',
        headers: signed(trader, 'POST', path, ''),
        signal: AbortSignal.timeout(5_000),
      });
      const bullet = (
        JSON.parse(res.text) as { data?: { token: string; instanceServers: { endpoint: string }[] } }
      ).data;
      if (bullet === undefined) continue;
      const socket = new WebSocket(
        `${bullet.instanceServers[0]?.endpoint ?? ''}?token=${bullet.token}&connectId=soak${trader.n}`,
      );
      socket.on('error', () => undefined);
      socket.on('open', () => {
        for (const topic of [
          '/contractMarket/tradeOrders',
          '/contract/positionAll',
          '/contractMarket/advancedOrders',
        ])
          socket.send(
            JSON.stringify({ id: topic, type: 'subscribe', topic, privateChannel: true, response: true }),
          );
      });
      const lifeMs = 500 + random() * 3_000;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, Math.min(lifeMs, until() - Date.now()))),
      );
      if (random() < 0.5) socket.terminate();
      else socket.close();
    } catch {
      // the watchdog judges the venue; a refused stream is retried
    }
  }
}

/** Runs the soak; resolves when the time is up or the venue stopped answering. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { restUrl } = options;
  await admin(options, 'POST', 'faults', {
    kind: 'latency',
    latencyMs: options.latencyMs,
    jitterMs: options.jitterMs,
    path: '/api/**',
  });
  const random = seededRandom(options.seed);
  const started = Date.now();
  const stats = {
    requests: 0,
    answered: 0,
    codes: {} as Record<string, number>,
    transportErrors: {} as Record<string, number>,
  };
  const stop = { at: started + options.durationMs };
  const traders: Trader[] = options.traders.map((key) => ({ ...key, n: 0 }));
  const trade = async (trader: Trader): Promise<void> => {
    while (Date.now() < stop.at) {
      for (const step of roundOf(trader, await markOf(options))) {
        if (Date.now() >= stop.at) return;
        const body = step.body === undefined ? '' : JSON.stringify(step.body);
        // One request in eight is given up on around the injected latency, as an impatient client does.
        const patienceMs =
          random() < 0.125 ? Math.max(1, Math.round(options.latencyMs * (0.5 + random()))) : 10_000;
        stats.requests += 1;
        try {
          const res = await options.send(`${restUrl}${step.path}`, {
            method: step.method,
            headers: signed(trader, step.method, step.path, body),
            ...(body === '' ? {} : { body }),
            signal: AbortSignal.timeout(patienceMs),
          });
          stats.answered += 1;
          const code = /"code":"(\d+)"/.exec(res.text)?.[1] ?? `HTTP ${String(res.status)}`;
          stats.codes[code] = (stats.codes[code] ?? 0) + 1;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          stats.transportErrors[message] = (stats.transportErrors[message] ?? 0) + 1;
        }
      }
    }
  };
  const watch = watchdog(options, stop.at, started).then((stalledAfterMs) => {
    if (stalledAfterMs !== null) stop.at = 0;
    return stalledAfterMs;
  });
  await Promise.all([
    ...traders.map(trade),
    ...traders.map((t) => pushStream(options, t, random, () => stop.at)),
  ]);
  const stalledAfterMs = await watch;
  if (stalledAfterMs === null) await admin(options, 'DELETE', 'faults');
  return { ...stats, stalled: stalledAfterMs !== null, stalledAfterMs };
}
