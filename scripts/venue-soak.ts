// A soak of the paper venue alone under REST latency faults, with its log kept (ADR 0142): the venue
// runs as its own process (src/main/venue/cli.ts, log in --log), several traders place, cancel (by id,
// by clientOid, all), replace stops and read positions through a keep-alive undici pool, some requests
// given up on mid-flight as an impatient client does, while a watchdog asks the admin API for health.
// Exits 1 as soon as the venue stops answering (and stops the venue), 0 after the run.
// Usage: node scripts/venue-soak.ts [--seconds 60] [--latency-ms 30] [--jitter-ms 10] [--traders 8]
//        [--log /tmp/venue-soak.log] [--seed 42]
// Traffic goes to 127.0.0.1 only, and every loop is bounded by --seconds.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { runSoak } from '../tests/harness/venue-soak.ts';
import type { SoakInit } from '../tests/harness/venue-soak.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    'latency-ms': { type: 'string', default: '30' },
    'jitter-ms': { type: 'string', default: '10' },
    traders: { type: 'string', default: '8' },
    log: { type: 'string', default: '/tmp/venue-soak.log' },
    seed: { type: 'string', default: '42' },
    /** Also drop this share (0…1) of cancel answers after the cancel is done (drop-response). */
    'drop-cancels': { type: 'string', default: '0' },
  },
});

const child = spawn(
  process.execPath,
  [
    new URL('../src/main/venue/cli.ts', import.meta.url).pathname,
    '--port',
    '0',
    '--seed',
    values.seed,
    '--log-file',
    values.log,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const line = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout }).once('line', resolve);
  child.once('exit', (code) => {
    reject(new Error(`venue exited with ${String(code)} before printing its credentials`));
  });
});
const first = JSON.parse(line) as { rest: string; apiKey: string; apiSecret: string; passphrase: string };
const agent = new Agent({ connections: 16, keepAliveTimeout: 4_000, pipelining: 1 });
const send = async (url: string, init: SoakInit): Promise<{ status: number; text: string }> => {
  const res = await request(url, { ...init, dispatcher: agent });
  return { status: res.statusCode, text: await res.body.text() };
};
const traders = [first];
for (let i = 1; i < Number(values.traders); i += 1) {
  const res = await send(`${first.rest}/__venue/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"keyVersion":"2"}',
    signal: AbortSignal.timeout(5_000),
  });
  traders.push((JSON.parse(res.text) as { data: typeof first }).data);
}
if (Number(values['drop-cancels']) > 0) {
  await send(`${first.rest}/__venue/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'drop-response',
      method: 'DELETE',
      path: '/api/**',
      rate: Number(values['drop-cancels']),
    }),
    signal: AbortSignal.timeout(5_000),
  });
}
const result = await runSoak({
  restUrl: first.rest,
  traders,
  durationMs: Number(values.seconds) * 1000,
  latencyMs: Number(values['latency-ms']),
  jitterMs: Number(values['jitter-ms']),
  seed: Number(values.seed),
  send,
});
// Open descriptors of the venue process at the end (Linux): a leak of sockets shows here first.
const venueFds = existsSync(`/proc/${String(child.pid)}/fd`)
  ? readdirSync(`/proc/${String(child.pid)}/fd`).length
  : null;
process.stdout.write(`${JSON.stringify({ ...result, venueFds, log: values.log })}\n`);
child.kill('SIGTERM');
await agent.destroy();
process.exit(result.stalled ? 1 : 0);
