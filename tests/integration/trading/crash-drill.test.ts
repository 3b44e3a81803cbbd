// Crash-restart drill: the engine runs in a child process (crash-driver.ts) against a venue in
// this process; it is killed with SIGKILL at a random point of a scripted session, restarted, and
// after each restart we prove: no duplicate order, no lost order, every position protected within
// the configured seconds, trailing state resumed. Two markets (XBTUSDTM, ETHUSDTM), longs and shorts
// (a short's protective stop is an `up` stop above the mark). 20 runs, each a few seconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/main/store/journal.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, tempDir, venueFor } from './harness.ts';

const RUNS = Number(process.env.BULWARK_DRILL_RUNS ?? 20);
const symbols = ['XBTUSDTM', 'ETHUSDTM'] as const;
const startPrices = { XBTUSDTM: '90000', ETHUSDTM: '3000' } as const;
const driver = join(import.meta.dirname, 'crash-driver.ts');
const nakedAlertAfterS = 5; // drillConfig in crash-driver.ts

interface Line {
  type: string;
  [key: string]: unknown;
}

function run(
  mode: 'session' | 'verify',
  seed: number,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; lines: Line[]; seen: (type: string, timeoutMs: number) => Promise<Line> } {
  const child = spawn(process.execPath, [driver, mode, String(seed)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  const waiters: { type: string; resolve: (line: Line) => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    const line = JSON.parse(text) as Line;
    lines.push(line);
    for (const w of waiters.filter((x) => x.type === line.type)) w.resolve(line);
  });
  const seen = (type: string, timeoutMs: number) =>
    new Promise<Line>((resolve, reject) => {
      const found = lines.find((l) => l.type === type);
      if (found !== undefined) {
        resolve(found);
        return;
      }
      const timer = setTimeout(() => {
        reject(new Error(`no ${type} line within ${timeoutMs} ms: ${JSON.stringify(lines.slice(-5))}`));
      }, timeoutMs);
      waiters.push({
        type,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      child.once('exit', () => {
        if (!lines.some((l) => l.type === type)) {
          clearTimeout(timer);
          reject(new Error(`${mode} exited before ${type}: ${JSON.stringify(lines.slice(-5))}`));
        }
      });
    });
  return { child, lines, seen };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else
      child.once('exit', () => {
        resolve();
      });
  });

describe('crash-restart drill (kill -9 at random points)', () => {
  let venue: RunningVenue;
  let env: NodeJS.ProcessEnv;
  let journalPath: string;
  let userId: string;

  beforeAll(async () => {
    venue = await venueFor(configOf({}), 11);
    for (const symbol of symbols) venue.admin.setPrice(symbol, startPrices[symbol]);
    // A repeated clientOid is accepted (KuCoin's 300018 is old-doc behaviour): a blind resend would show as a duplicate.
    venue.admin.addFault({ kind: 'accept-duplicate-client-oid' });
    journalPath = join(tempDir('drill'), 'journal.db');
    userId = venue.keys[0]?.userId ?? '';
    env = {
      ...process.env,
      DRILL_REST_URL: venue.restUrl,
      DRILL_CREDENTIALS: JSON.stringify(venue.credentials),
      DRILL_JOURNAL: journalPath,
    };
  });

  afterAll(async () => {
    await venue.stop();
  });

  it(
    `survives ${RUNS} SIGKILLs with no duplicate, no lost order, protection and trailing restored`,
    { timeout: 600_000 },
    async () => {
      let rand = 12345;
      const next = () => (rand = (rand * 1664525 + 1013904223) >>> 0) / 4_294_967_296;
      let placingSteps = 0;
      let restartsWithOpenOrders = 0;
      const coverage = new Set<string>();
      for (let runNo = 1; runNo <= RUNS; runNo += 1) {
        const session = run('session', runNo, env);
        await session.seen('reconciled', 20_000);
        // Some answers are lost after the venue accepted the order: kills then land on ambiguous orders too.
        const drops = ['/api/v1/orders', '/api/v1/st-orders'].map((path) =>
          venue.admin.addFault({ kind: 'drop-response', method: 'POST', path, rate: 0.2 }),
        );
        const killAfterMs = 150 + Math.floor(next() * 1500);
        // Each run drifts one market up and the other down, so trailing moves longs and shorts alike.
        const drift = runNo % 2 === 0 ? 0.1 : -0.1;
        const nudge = setInterval(() => {
          symbols.forEach((symbol, i) => {
            const mark = venue.exchange.markPrice(symbol).value;
            const bias = i === 0 ? drift : -drift;
            venue.admin.setPrice(
              symbol,
              (mark * (1 + (next() - 0.5 + bias) * 0.004)).toFixed(i === 0 ? 1 : 2),
            );
          });
        }, 120);
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        session.child.kill('SIGKILL');
        await exited(session.child);
        clearInterval(nudge);
        for (const id of drops) venue.admin.removeFault(id);
        placingSteps += session.lines.filter((l) => l.type === 'placing').length;

        const before = openJournal({ filePath: journalPath, now: () => Date.now() });
        // Trailing belongs to a position of a side: after a flip the new position does not inherit it.
        const trailingBefore = new Set(
          before
            .loadTrailing()
            .map((t) => `${t.symbol}:${(t.state as { positionSide?: string }).positionSide ?? ''}`),
        );
        before.close();

        // 20 restarts in under a minute spend far more of the user's 30 s futures quota (docs/reference/kucoin-futures.md#rate-limits) than
        // real restarts would; with two markets the pool ran dry near run 9 and the restarted client
        // rightly waited ~5 s for the window. The quota is not what this drill proves, so each restart
        // gets a fresh window (the session before it still runs under the real quota).
        venue.admin.resetRateLimits();
        // Twice in the drill, while the engine is down, the trader flattens on the website and opens
        // new positions there, without stops: the restart must adopt and protect them in time. This
        // also makes sure both markets are seen on both sides.
        if (runNo === Math.floor(RUNS / 2) || runNo === RUNS)
          tradeOnTheWebsite(runNo === RUNS ? ['sell', 'buy'] : ['buy', 'sell']);
        const verify = run('verify', runNo, env);
        const reconciled = await verify.seen('reconciled', 40_000);
        const protectedLine = await verify.seen('protected', 20_000);
        await verify.seen('settled', 20_000);
        await exited(verify.child);
        checkRun(runNo, reconciled, protectedLine, trailingBefore, placingSteps);
        for (const p of protectedLine.positions as { symbol: string; side: string }[])
          coverage.add(`${p.symbol}:${p.side}`);
        if ((reconciled.report as { journalOpenOrders: number }).journalOpenOrders > 0)
          restartsWithOpenOrders += 1;
      }
      // The drill is only meaningful if kills caught orders in flight.
      expect(restartsWithOpenOrders).toBeGreaterThan(0);
      // ...and if restarts protected positions of both markets and both sides.
      expect([...coverage].sort()).toEqual([
        'ETHUSDTM:long',
        'ETHUSDTM:short',
        'XBTUSDTM:long',
        'XBTUSDTM:short',
      ]);
    },
  );

  function tradeOnTheWebsite(sides: readonly ['buy' | 'sell', 'buy' | 'sell']): void {
    for (const position of venue.exchange.positions(userId)) {
      venue.exchange.placeOrder(userId, {
        clientOid: `web-close-${Date.now()}-${position.symbol}`,
        symbol: position.symbol,
        side: position.currentQty > 0 ? 'sell' : 'buy',
        type: 'market',
        size: Math.abs(position.currentQty),
        leverage: 5,
        reduceOnly: true,
      });
    }
    symbols.forEach((symbol, i) => {
      venue.exchange.placeOrder(userId, {
        clientOid: `web-open-${Date.now()}-${symbol}`,
        symbol,
        side: sides[i] ?? 'buy',
        type: 'market',
        size: 2,
        leverage: 5,
      });
    });
  }

  function checkRun(
    runNo: number,
    reconciled: Line,
    protectedLine: Line,
    trailingBefore: Set<string>,
    placingSteps: number,
  ): void {
    const where = `run ${runNo}`;
    // Protected within the configured seconds of the restart (reconciliation included).
    expect(Number(protectedLine.ms), `${where}: ${JSON.stringify(reconciled)}`).toBeLessThanOrEqual(
      nakedAlertAfterS * 1000,
    );
    // At the exchange: every open position's reduce-only stops add up to exactly its size, and sit on
    // the losing side: a long's are sell `down` stops below the mark, a short's buy `up` stops above it.
    const journal = openJournal({ filePath: journalPath, now: () => Date.now() });
    // A stop attached to an entry still resting unfilled belongs to that entry, not to the position.
    const resting = (clientOid: string): boolean => {
      const parent = journal.getOrder(clientOid)?.parentClientOid;
      const entry = parent === undefined ? undefined : journal.getOrder(parent);
      return (
        entry?.type === 'limit' &&
        entry.filledLots === 0 &&
        !['FILLED', 'CANCELLED', 'REJECTED'].includes(entry.status)
      );
    };
    for (const position of venue.exchange.positions(userId)) {
      const stops = venue.exchange
        .listStopOrders(userId, { symbol: position.symbol, pageSize: '200' })
        .items.filter((s) => s.reduceOnly && !resting(s.clientOid));
      expect(
        stops.reduce((sum, s) => sum + s.size, 0),
        `${where}: stop cover of ${position.symbol} ${JSON.stringify({ position: { qty: position.currentQty, entry: position.avgEntryPrice }, stops: stops.map((s) => [s.clientOid, s.side, s.stop, s.stopPrice, s.size]), seen: protectedLine.positions, open: protectedLine.orders })}`,
      ).toBe(Math.abs(position.currentQty));
      const long = position.currentQty > 0;
      const mark = venue.exchange.markPrice(position.symbol).value;
      for (const stop of stops) {
        expect({ side: stop.side, stop: stop.stop }, `${where}: ${position.symbol} stop direction`).toEqual(
          long ? { side: 'sell', stop: 'down' } : { side: 'buy', stop: 'up' },
        );
        if (long)
          expect(Number(stop.stopPrice), `${where}: ${position.symbol} long stop below mark`).toBeLessThan(
            mark,
          );
        else
          expect(
            Number(stop.stopPrice),
            `${where}: ${position.symbol} short stop above mark`,
          ).toBeGreaterThan(mark);
      }
    }
    try {
      const exchangeOrders = [
        ...venue.exchange.recentDoneOrders(userId),
        ...venue.exchange.listOrders(userId, { status: 'active', pageSize: '1000' }).items,
        ...venue.exchange.listStopOrders(userId, { pageSize: '200' }).items,
      ];
      const ours = exchangeOrders.filter((o) => o.clientOid.startsWith('bw'));
      // No lost order: everything of ours at the exchange is in the journal, none left ambiguous.
      for (const order of ours)
        expect(journal.getOrder(order.clientOid), `${where}: ${order.clientOid} journaled`).toBeDefined();
      const ambiguous = journal
        .openOrders()
        .filter((o) => ['NEW', 'SUBMITTED', 'UNKNOWN', 'RECONCILING'].includes(o.status));
      expect(
        ambiguous.map((o) => `${o.clientOid}:${o.status}`),
        where,
      ).toEqual([]);
      // No duplicate: one exchange order per clientOid, and never more entries than entry intents.
      // Counted on the venue's own timeline: every order it accepted (done ones included), not a recent-orders page.
      const byOid = new Map<string, number>();
      for (const order of venue.admin.orderTimeline({ userId }).filter((o) => o.clientOid.startsWith('bw')))
        byOid.set(order.clientOid, (byOid.get(order.clientOid) ?? 0) + 1);
      expect(
        [...byOid.values()].filter((n) => n > 1),
        where,
      ).toEqual([]);
      const entries = ours.filter((o) => o.clientOid.startsWith('bwe'));
      expect(entries.length, where).toBeLessThanOrEqual(placingSteps);
      // Trailing resumed for every position that had it before the kill.
      const report = reconciled.report as { trailingResumed: number };
      const trailing = protectedLine.trailing as { symbol: string; side: string; trailing: unknown }[];
      for (const row of trailing)
        if (trailingBefore.has(`${row.symbol}:${row.side}`))
          expect(row.trailing, `${where}: trailing of ${row.symbol}`).not.toBeNull();
      if (trailing.some((row) => trailingBefore.has(`${row.symbol}:${row.side}`)))
        expect(report.trailingResumed, where).toBeGreaterThan(0);
    } finally {
      journal.close();
    }
  }
});
