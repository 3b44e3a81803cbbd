/**
 * Paper venue throughput (plain Node 24: `node bench/venue.bench.ts`). Prints one JSON object:
 * - restReqPerSec: signed private GETs per second over loopback, keep-alive, 8 concurrent connections
 *   (goal ≥ 3000). Each request takes the full path: parse, auth (docs/reference/kucoin-futures.md#auth-errors), pool charge, core, envelope.
 * - wsMsgsPerSec: messages per second one subscribed WS client receives while the exchange core
 *   moves prices (goal ≥ 50 000): core events → gateway fan-out → socket → client parse. The core's
 *   price step (book diff, candles) dominates this path.
 * - wsFanoutMsgsPerSec: the same client, fed tickerV2 events straight into the gateway
 *   (`admin.publish`): the push capacity of the WS layer itself.
 * The venue runs in a worker thread, the client on the main thread, as a real client would be a
 * separate process. Because the 2-core machine is shared, each figure also comes as a rate per
 * CPU-second of the venue thread (`…PerVenueCpuSec`, from process.threadCpuUsage), which load
 * from other processes barely moves. Bounded in count and time; stops by itself.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import WebSocket from 'ws';

const REST_REQUESTS = 20_000;
const REST_CONCURRENCY = 8;
const REST_MAX_MS = 10_000;
const WS_DRIVE_MS = 4_000;

interface VenueInfo {
  restUrl: string;
  credentials: { apiKey: string; apiSecret: string; passphrase: string };
  basePrice: number;
}

/** Worker side: the venue, and a price driver the main thread switches on. */
async function venueWorker(): Promise<void> {
  const { defaultConfig } = await import('../src/main/config/schema.ts');
  const { silentLogger } = await import('../src/main/observability/logger.ts');
  const { startVenue } = await import('../src/main/venue/index.ts');
  const config = {
    ...defaultConfig().venue,
    futuresPoolWeightPer30s: 100_000_000,
    publicPoolWeightPer30s: 100_000_000,
  };
  const venue = await startVenue({ port: 0, seed: 7, config, logger: silentLogger });
  const port = parentPort;
  if (port === null) return;
  const basePrice = Number(venue.exchange.ticker('XBTUSDTM').price);
  port.postMessage({ restUrl: venue.restUrl, credentials: venue.credentials, basePrice } satisfies VenueInfo);
  port.on('message', (message: { cmd: 'drive' | 'fanout' | 'stop' | 'cpu'; ms?: number }) => {
    if (message.cmd === 'fanout') {
      fanout(venue, message.ms ?? 0, (sent) => {
        port.postMessage({ driven: sent });
      });
      return;
    }
    if (message.cmd === 'cpu') {
      const used = process.threadCpuUsage();
      port.postMessage({ cpuMs: (used.user + used.system) / 1000 });
      return;
    }
    if (message.cmd === 'stop') {
      void venue.stop().then(() => {
        port.close();
      });
      return;
    }
    const until = performance.now() + (message.ms ?? 0);
    let step = 0;
    // Drive in slices and yield, so the socket drains while prices move.
    const slice = (): void => {
      for (let i = 0; i < 50; i += 1) {
        step += 1;
        venue.exchange.setPrice('XBTUSDTM', (basePrice + ((step % 200) - 100) * 0.5).toFixed(1));
      }
      if (performance.now() < until) setImmediate(slice);
      else port.postMessage({ driven: step });
    };
    slice();
  });
}

/** Publishes realistic tickerV2 events into the gateway for `ms`, in slices that let the socket drain. */
function fanout(
  venue: { admin: { publish(event: never): void } },
  ms: number,
  done: (sent: number) => void,
): void {
  const until = performance.now() + ms;
  let sent = 0;
  const slice = (): void => {
    for (let i = 0; i < 200; i += 1) {
      sent += 1;
      const event = {
        topic: '/contractMarket/tickerV2:XBTUSDTM',
        subject: 'tickerV2',
        data: {
          symbol: 'XBTUSDTM',
          sequence: sent,
          bestBidSize: 12,
          bestBidPrice: '86364.1',
          bestAskPrice: '86364.2',
          bestAskSize: 7,
          ts: Date.now() * 1_000_000,
        },
      };
      venue.admin.publish(event as never);
    }
    if (performance.now() < until) setImmediate(slice);
    else done(sent);
  };
  slice();
}

const sign = (secret: string, msg: string): string =>
  createHmac('sha256', secret).update(msg).digest('base64');

/** The v2/v3 passphrase header never changes; KuCoin's SDK signs it once in its constructor too. */
const signedPassphrases = new Map<string, string>();

function signedGet(info: VenueInfo, agent: Agent, path: string): Promise<number> {
  const { apiKey, apiSecret, passphrase } = info.credentials;
  const ts = String(Date.now());
  let signedPassphrase = signedPassphrases.get(apiKey);
  if (signedPassphrase === undefined) {
    signedPassphrase = sign(apiSecret, passphrase);
    signedPassphrases.set(apiKey, signedPassphrase);
  }
  const headers = {
    'KC-API-KEY': apiKey,
    'KC-API-SIGN': sign(apiSecret, `${ts}GET${path}`),
    'KC-API-TIMESTAMP': ts,
    'KC-API-PASSPHRASE': signedPassphrase,
    'KC-API-KEY-VERSION': '3',
  };
  return new Promise((resolve, reject) => {
    const req = request(`${info.restUrl}${path}`, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve(res.statusCode === 200 && Buffer.concat(chunks).includes('"200000"') ? 1 : 0);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function measureRest(
  info: VenueInfo,
): Promise<{ restReqPerSec: number; restOk: number; restRequests: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: REST_CONCURRENCY });
  const paths = [
    '/api/v1/position?symbol=XBTUSDTM',
    '/api/v1/account-overview?currency=USDT',
    '/api/v1/orders?status=active&symbol=XBTUSDTM',
  ];
  for (let i = 0; i < 300; i += 1) await signedGet(info, agent, paths[i % paths.length]!); // warm-up
  let sent = 0;
  let ok = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (sent < REST_REQUESTS && performance.now() - started < REST_MAX_MS) {
      sent += 1;
      const answered = await signedGet(info, agent, paths[sent % paths.length]!);
      ok += answered; // read `ok` after the await: `ok += await …` would lose concurrent updates
    }
  };
  await Promise.all(Array.from({ length: REST_CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { restReqPerSec: Math.round(ok / seconds), restOk: ok, restRequests: sent };
}

async function subscribedSocket(info: VenueInfo, onMessage: () => void): Promise<WebSocket> {
  const bullet = await fetch(`${info.restUrl}/api/v1/bullet-public`, { method: 'POST' });
  const { data } = (await bullet.json()) as {
    data: { token: string; instanceServers: { endpoint: string }[] };
  };
  const socket = new WebSocket(`${data.instanceServers[0]!.endpoint}?token=${data.token}&connectId=bench`);
  const topics = [
    '/contractMarket/tickerV2:XBTUSDTM',
    '/contractMarket/level2:XBTUSDTM',
    '/contract/instrument:XBTUSDTM',
    '/contractMarket/execution:XBTUSDTM',
  ];
  let acks = 0;
  await new Promise<void>((resolve) => {
    socket.on('message', (raw: Buffer) => {
      // Count data frames without parsing them: the figure is the venue's push rate, not the client's parser.
      if (raw.includes('"type":"message"')) {
        onMessage();
        return;
      }
      const frame = JSON.parse(raw.toString('utf8')) as { type: string };
      if (frame.type === 'welcome')
        for (const [i, topic] of topics.entries())
          socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', topic, response: true }));
      else if (frame.type === 'ack' && ++acks === topics.length) resolve();
    });
  });
  return socket;
}

async function measureWs(
  info: VenueInfo,
  worker: Worker,
  cmd: 'drive' | 'fanout',
): Promise<{ perSec: number; messages: number }> {
  let received = 0;
  const socket = await subscribedSocket(info, () => {
    received += 1;
  });
  received = 0;
  const started = performance.now();
  const driven = new Promise((resolve) => worker.once('message', resolve));
  worker.postMessage({ cmd, ms: WS_DRIVE_MS });
  await driven;
  // Count what the venue had already pushed when it stopped driving; frames still queued are in flight.
  let last = -1;
  while (last !== received) {
    last = received;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  socket.close();
  return { perSec: Math.round(received / seconds), messages: received };
}

/** CPU milliseconds the venue thread has used so far. */
async function venueCpuMs(worker: Worker): Promise<number> {
  const answer = new Promise<{ cpuMs: number }>((resolve) => worker.once('message', resolve));
  worker.postMessage({ cmd: 'cpu' });
  return (await answer).cpuMs;
}

async function main(): Promise<void> {
  const worker = new Worker(new URL(import.meta.url));
  const info = await new Promise<VenueInfo>((resolve) => worker.once('message', resolve));
  try {
    const cpu0 = await venueCpuMs(worker);
    const rest = await measureRest(info);
    const cpu1 = await venueCpuMs(worker);
    const ws = await measureWs(info, worker, 'drive');
    const cpu2 = await venueCpuMs(worker);
    const fan = await measureWs(info, worker, 'fanout');
    const cpu3 = await venueCpuMs(worker);
    const perCpuSec = (n: number, ms: number): number => Math.round(n / (ms / 1000));
    const load1m = (await import('node:os')).loadavg()[0];
    const figures = {
      ...rest,
      wsMsgsPerSec: ws.perSec,
      wsMessages: ws.messages,
      wsFanoutMsgsPerSec: fan.perSec,
      restReqPerVenueCpuSec: perCpuSec(rest.restOk, cpu1 - cpu0),
      wsMsgsPerVenueCpuSec: perCpuSec(ws.messages, cpu2 - cpu1),
      wsFanoutMsgsPerVenueCpuSec: perCpuSec(fan.messages, cpu3 - cpu2),
      load1m,
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    worker.postMessage({ cmd: 'stop' });
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}

if (isMainThread) await main();
else await venueWorker();
