/**
 * Paper venue throughput (plain Node 24: `node bench/venue.bench.ts`). Prints one JSON object:
 * - restReqPerSec: signed private GETs per second over loopback, keep-alive, 8 concurrent connections
 *   (goal ≥ 3000). Every request goes through the full path: parse, §1.5 auth, pool charge, core, envelope.
 * - wsMsgsPerSec: messages per second one subscribed WS client receives while the exchange core
 *   moves prices (goal ≥ 50 000): core events → gateway fan-out → socket → client parse.
 * Bounded in count and time; stops by itself.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import WebSocket from 'ws';
import { defaultConfig } from '../src/main/config/schema.ts';
import { silentLogger } from '../src/main/observability/logger.ts';
import { startVenue } from '../src/main/venue/index.ts';
import type { RunningVenue } from '../src/main/venue/index.ts';

const REST_REQUESTS = 20_000;
const REST_CONCURRENCY = 8;
const REST_MAX_MS = 10_000;
const WS_MAX_MS = 5_000;
const WS_MAX_MESSAGES = 400_000;

const sign = (secret: string, msg: string): string => createHmac('sha256', secret).update(msg).digest('base64');

function signedGet(venue: RunningVenue, agent: Agent, path: string): Promise<number> {
  const { apiKey, apiSecret, passphrase } = venue.credentials;
  const ts = String(Date.now());
  const headers = {
    'KC-API-KEY': apiKey, 'KC-API-SIGN': sign(apiSecret, `${ts}GET${path}`), 'KC-API-TIMESTAMP': ts,
    'KC-API-PASSPHRASE': sign(apiSecret, passphrase), 'KC-API-KEY-VERSION': '3',
  };
  return new Promise((resolve, reject) => {
    const req = request(`${venue.restUrl}${path}`, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ok = res.statusCode === 200 && Buffer.concat(chunks).includes('"200000"');
        resolve(ok ? 1 : 0);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function measureRest(venue: RunningVenue): Promise<{ restReqPerSec: number; restOk: number; restRequests: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: REST_CONCURRENCY });
  const paths = ['/api/v1/position?symbol=XBTUSDTM', '/api/v1/account-overview?currency=USDT', '/api/v1/orders?status=active&symbol=XBTUSDTM'];
  for (let i = 0; i < 200; i += 1) await signedGet(venue, agent, paths[i % paths.length]!); // warm-up
  let sent = 0;
  let ok = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (sent < REST_REQUESTS && performance.now() - started < REST_MAX_MS) {
      sent += 1;
      ok += await signedGet(venue, agent, paths[sent % paths.length]!);
    }
  };
  await Promise.all(Array.from({ length: REST_CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { restReqPerSec: Math.round(ok / seconds), restOk: ok, restRequests: sent };
}

async function measureWs(venue: RunningVenue): Promise<{ wsMsgsPerSec: number; wsMessages: number }> {
  const bullet = await fetch(`${venue.restUrl}/api/v1/bullet-public`, { method: 'POST' });
  const { data } = (await bullet.json()) as { data: { token: string; instanceServers: { endpoint: string }[] } };
  const socket = new WebSocket(`${data.instanceServers[0]!.endpoint}?token=${data.token}&connectId=bench`);
  let received = 0;
  let acks = 0;
  const topics = ['/contractMarket/tickerV2:XBTUSDTM', '/contractMarket/level2:XBTUSDTM', '/contract/instrument:XBTUSDTM', '/contractMarket/execution:XBTUSDTM'];
  await new Promise<void>((resolve) => {
    socket.on('message', (raw: Buffer) => {
      const frame = JSON.parse(raw.toString('utf8')) as { type: string };
      if (frame.type === 'welcome') for (const [i, topic] of topics.entries()) socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', topic, response: true }));
      else if (frame.type === 'ack' && ++acks === topics.length) resolve();
      else if (frame.type === 'message') received += 1;
    });
  });
  const base = Number(((await (await fetch(`${venue.restUrl}/api/v1/ticker?symbol=XBTUSDTM`)).json()) as { data: { price: string } }).data.price);
  received = 0;
  const started = performance.now();
  let step = 0;
  // Drive the core in slices, yielding to the event loop so the socket drains and the client reads.
  while (performance.now() - started < WS_MAX_MS && received < WS_MAX_MESSAGES) {
    for (let i = 0; i < 50; i += 1) {
      step += 1;
      venue.exchange.setPrice('XBTUSDTM', (base + ((step % 200) - 100) * 0.5).toFixed(1));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // let in-flight frames arrive
  const seconds = (performance.now() - started) / 1000;
  socket.close();
  return { wsMsgsPerSec: Math.round(received / seconds), wsMessages: received };
}

async function main(): Promise<void> {
  const config = { ...defaultConfig().venue, futuresPoolWeightPer30s: 100_000_000, publicPoolWeightPer30s: 100_000_000 };
  const venue = await startVenue({ port: 0, seed: 7, config, logger: silentLogger });
  try {
    const rest = await measureRest(venue);
    const ws = await measureWs(venue);
    process.stdout.write(`${JSON.stringify({ ...rest, ...ws, node: process.version })}\n`);
  } finally {
    await venue.stop();
  }
}

await main();
