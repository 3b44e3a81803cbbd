// Kill -9 drill for the paper account (ADR 0160): the app's paper venue runs with its account file
// in a child process; an independent KuCoin client trades against it — market entries, resting
// limits, cancels, several requests in flight — and the venue is SIGKILLed at a random moment, then
// started again on the same file. After every restart: each order whose answer the client had
// received is still there with its state, each acknowledged market order's fills are there, the
// position is exactly the acknowledged fills (plus at most what was in flight), and no id repeats.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { testRunDir } from '../../harness/engine.ts';
import { KcClient } from '../venue/kucoin-test-client.ts';

const RUNS = Number(process.env.BULWARK_PAPER_KILL_RUNS ?? 6);
const driver = join(import.meta.dirname, 'paper-venue-driver.ts');
const symbol = 'XBTUSDTM';
const credentials = {
  apiKey: '6a1f0c2b9e8d7c6b5a4f3e2d',
  apiSecret: '2b6f1e1c-5d0a-4a44-9a3e-7c1d2b3a4f5e',
  passphrase: 'drill-passphrase',
  keyVersion: '2',
};

interface InFlight {
  lots: number;
  requests: number;
  killed: boolean;
}

interface Acked {
  readonly orderId: string;
  readonly kind: 'market' | 'limit' | 'cancelled';
  /** Lots the order moves the position by (+ buy, − sell; 0 for resting and cancelled). */
  readonly lots: number;
}

function startDriver(file: string): Promise<{ child: ChildProcess; client: KcClient }> {
  const child = spawn(process.execPath, [driver, file, JSON.stringify(credentials)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the paper venue exited with ${String(code)} before it listened`));
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (text) => {
      const line = JSON.parse(text) as { restUrl: string };
      resolve({ child, client: new KcClient(line.restUrl, credentials) });
    });
  });
}

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGKILL');
  });

/** One trading worker: entries, resting bids and their cancels, until the venue dies. */
async function trade(
  client: KcClient,
  worker: number,
  acked: Acked[],
  inFlight: InFlight,
  rand: () => number,
): Promise<void> {
  for (let n = 0; !inFlight.killed; n += 1) {
    const clientOid = `w${String(worker)}-${String(Date.now())}-${String(n)}`;
    const market = rand() < 0.5;
    // Entries both ways keep the position small, so margin never runs out during the drill.
    const side = rand() < 0.5 ? 'buy' : 'sell';
    const order = market
      ? { clientOid, side, symbol, type: 'market', size: 1, leverage: 3, marginMode: 'ISOLATED' }
      : {
          clientOid,
          side: 'buy',
          symbol,
          type: 'limit',
          price: '1000',
          size: 1,
          leverage: 3,
          marginMode: 'ISOLATED',
        };
    if (market) inFlight.lots += 1;
    inFlight.requests += 1;
    try {
      const placed = await client.data<{ orderId: string }>('POST', '/api/v1/orders', order);
      acked.push({
        orderId: placed.orderId,
        kind: market ? 'market' : 'limit',
        lots: market ? (side === 'buy' ? 1 : -1) : 0,
      });
      // Every resting bid is cancelled again (the venue allows 100 active orders, as KuCoin does).
      if (!market) {
        await client.data('DELETE', `/api/v1/orders/${placed.orderId}`);
        acked.push({ orderId: placed.orderId, kind: 'cancelled', lots: 0 });
      }
    } catch {
      // Killed under this request (the loop ends), or refused (a rate limit): go on.
    } finally {
      if (market) inFlight.lots -= 1;
      inFlight.requests -= 1;
    }
  }
}

/** A read that waits out the venue's rate limit (KuCoin's 429000) instead of failing on it. */
async function read<T>(client: KcClient, path: string, params?: Record<string, string>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const res = await client.send('GET', path, params);
    if (res.json.code === '200000') return res.json.data as T;
    if (res.json.code !== '429000' || attempt > 50)
      throw new Error(`GET ${path} → HTTP ${String(res.status)} ${res.text}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('paper account kill -9 drill', () => {
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child !== undefined) await killed(child);
  });

  it(`loses nothing a client was told across ${String(RUNS)} SIGKILLs`, { timeout: 240_000 }, async () => {
    const file = join(mkdtempSync(join(testRunDir(), 'paper-kill9-')), 'account.sqlite');
    let seed = 20_261_203;
    const rand = (): number => (seed = (seed * 1_664_525 + 1_013_904_223) >>> 0) / 4_294_967_296;
    const acked: Acked[] = [];
    // The position as last read after a restart: the floor the next run builds on.
    let verifiedLots = 0;
    let diedInFlight = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const started = await startDriver(file);
      child = started.child;
      const inFlight: InFlight = { lots: 0, requests: 0, killed: false };
      const ackedBefore = acked.length;
      const workers = [0, 1, 2].map((worker) => trade(started.client, worker, acked, inFlight, rand));
      await new Promise((resolve) => setTimeout(resolve, 300 + rand() * 900));
      // No await between this read and the SIGKILL: exactly these requests were unanswered.
      const inFlightAtKill = inFlight.lots;
      diedInFlight += inFlight.requests;
      inFlight.killed = true;
      await killed(started.child);
      await Promise.all(workers);
      const thisRun = acked.slice(ackedBefore).filter((a) => a.kind === 'market');
      expect(thisRun.length, `entries acknowledged in run ${String(run)}`).toBeGreaterThan(0);
      const ackedLots = thisRun.reduce((sum, a) => sum + a.lots, 0);

      const restarted = await startDriver(file);
      child = restarted.child;
      const client = restarted.client;
      const cancelled = new Set(acked.filter((a) => a.kind === 'cancelled').map((a) => a.orderId));
      for (const { orderId, kind } of acked.slice(ackedBefore).filter((a) => a.kind !== 'cancelled')) {
        const order = await read<{
          id: string;
          status: string;
          isActive: boolean;
          cancelExist: boolean;
          dealSize: number;
        }>(client, `/api/v1/orders/${orderId}`);
        expect(order.id, `order ${orderId} acknowledged before kill ${String(run)}`).toBe(orderId);
        if (kind === 'market') expect(order).toMatchObject({ status: 'done', dealSize: 1 });
        if (cancelled.has(orderId)) expect(order).toMatchObject({ isActive: false, cancelExist: true });
      }
      for (const { orderId } of thisRun.slice(-10)) {
        const fills = await read<{ items: unknown[] }>(client, '/api/v1/fills', { orderId });
        expect(fills.items.length, `fills of ${orderId}`).toBeGreaterThan(0);
      }
      const position = await read<{ currentQty: number }>(client, '/api/v1/position', { symbol });
      // Every acknowledged entry is in the position; an entry unanswered at the kill may or may
      // not have been written (the client was told nothing), and nothing beyond those.
      expect(
        Math.abs(position.currentQty - (verifiedLots + ackedLots)),
        `position after kill ${String(run)}`,
      ).toBeLessThanOrEqual(inFlightAtKill);
      verifiedLots = position.currentQty;
      await killed(restarted.child);
      child = undefined;
    }
    // The drill did what it claims: many acknowledged entries, and kills with requests in flight.
    expect(diedInFlight).toBeGreaterThan(0);
    expect(new Set(acked.filter((a) => a.kind !== 'cancelled').map((a) => a.orderId)).size).toBeGreaterThan(
      RUNS,
    );
  });
});
