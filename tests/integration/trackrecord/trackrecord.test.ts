// The track record reads what the real engine journals while it trades on the paper venue over
// loopback: a long entered with a stop and closed by hand, and an entry the risk engine denied.
// The trade's prices and fees are checked against the venue's own fills, its net against the
// engine's own realised PnL, and the CSV is written under the user-data exports/ folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { add, dec, div, format, mul, sub, toNumber, trim, ZERO } from '../../../src/shared/domain/decimal.ts';
import type { TrackRecord, TrackRecordExport } from '../../../src/shared/ipc/channels/trackrecord.ts';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';

const symbol = 'XBTUSDTM';
const origin = 'app://bulwark';
const sender = { url: `${origin}/index.html`, isMainFrame: true };

async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('track record over the real engine and the paper venue', () => {
  let testEngine: TestEngine;

  beforeAll(async () => {
    testEngine = await startTestEngine({ label: 'trackrecord' });
  });
  afterAll(async () => {
    await testEngine.stop();
  });

  it('reads the trade, its stop, fees and the denial from the journal, and exports the CSV', async () => {
    const { engine } = testEngine;
    const venue = engine.services.venue;
    if (venue === undefined) throw new Error('paper mode runs a venue');
    const router = engine.createRouter([origin]);
    await until('trading ACTIVE and reconciled', async () => {
      const state = await router.handle('trading:get-state', undefined, sender);
      const view = state.ok ? (state.value as { state: string; reconciled: boolean }) : undefined;
      return view?.state === 'ACTIVE' && view.reconciled;
    });
    venue.admin.setPrice(symbol, '90000');
    const placed = await router.handle(
      'trading:place-order',
      { symbol, side: 'buy', type: 'market', sizeLots: 10, leverage: 5, stopPrice: '89000' },
      sender,
    );
    if (!placed.ok) {
      const state = await router.handle('trading:get-state', undefined, sender);
      throw new Error(`${placed.error.message} ${JSON.stringify(state)}`);
    }
    await until('the position protected', async () => {
      const positions = await router.handle('trading:list-positions', undefined, sender);
      return (
        positions.ok &&
        (positions.value as { symbol: string; protection: { status: string } }[]).some(
          (p) => p.symbol === symbol && p.protection.status === 'PROTECTED',
        )
      );
    });
    // A stop on the wrong side of a long is denied by the `stop-side` rule.
    const denied = await router.handle(
      'trading:place-order',
      { symbol, side: 'buy', type: 'market', sizeLots: 1, leverage: 5, stopPrice: '95000' },
      sender,
    );
    expect(denied).toMatchObject({ ok: false });
    venue.admin.setPrice(symbol, '90600');
    expect((await router.handle('trading:close-position', { symbol }, sender)).ok).toBe(true);
    const journal = engine.services.journal;
    const closed = await until('the close journaled', () =>
      journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((e) => e.data.event === 'closed'),
    );

    const answer = await router.handle('trackrecord:get-record', { mode: 'paper' }, sender);
    if (!answer.ok) throw new Error(answer.error.message);
    const record = answer.value as TrackRecord;
    expect(record.trades).toHaveLength(1);
    const trade = record.trades[0];
    if (trade === undefined) throw new Error('one trade');

    // The venue's own fills: entry and exit averages, fees, and the gross at the contract multiplier.
    const fills = (await engine.services.client.rest.listFills({ symbol, pageSize: 200 })).items;
    const multiplier = dec((await engine.services.client.rest.getContract(symbol)).multiplier);
    const sum = (side: 'buy' | 'sell') =>
      fills
        .filter((f) => f.side === side)
        .reduce(
          (acc, f) => ({ lots: acc.lots + f.size, value: add(acc.value, mul(dec(f.price), dec(f.size))) }),
          { lots: 0, value: ZERO },
        );
    const buys = sum('buy');
    const sells = sum('sell');
    const fees = fills.reduce((acc, f) => add(acc, dec(f.fee ?? '0')), ZERO);
    expect(buys.lots).toBe(10);
    expect(sells.lots).toBe(10);
    expect(trade).toMatchObject({
      symbol,
      side: 'long',
      maxLots: 10,
      stopPrice: '89000',
      entryPrice: format(trim(div(buys.value, dec(10), 8))),
      exitPrice: format(trim(div(sells.value, dec(10), 8))),
      feesUsdt: format(trim(fees)),
      grossPnlUsdt: format(trim(mul(sub(sells.value, buys.value), multiplier))),
    });
    // The engine's own realised PnL of the close (trade PnL net of fees, plus funding) is the trade's net.
    expect(Number(trade.netPnlUsdt)).toBeCloseTo(Number(closed.data.realisedPnl), 6);
    // 1R = |entry − 89000| × 10 × multiplier.
    const oneR = toNumber(mul(mul(sub(dec(trade.entryPrice), dec('89000')), dec(10)), multiplier));
    expect(trade.rMultiple).toBeCloseTo(Number(trade.netPnlUsdt) / oneR, 3);

    expect(record.summary).toMatchObject({ trades: 1, tradingDays: 1, openTrades: 0 });
    expect(record.startingEquityUsdt).not.toBeNull();
    expect(record.equityCurve).toHaveLength(2);
    expect(record.safety.riskDenials).toContainEqual({ ruleId: 'stop-side', count: 1 });
    expect(record.readiness.stage).toBe('unproven');
    expect(record.readiness.sentence).toMatch(/^Not yet: 1 of 7 days, 1 of 20 trades/);

    const exported = await router.handle('trackrecord:export-csv', { mode: 'paper' }, sender);
    if (!exported.ok) throw new Error(exported.error.message);
    const file = exported.value as TrackRecordExport;
    expect(file.filePath.startsWith(join(testEngine.userData, 'exports'))).toBe(true);
    expect(readFileSync(file.filePath, 'utf8')).toBe(file.csv);
    expect(file.csv).toContain(`${symbol},long,`);
    expect(file.csv).toContain('risk_denials:stop-side,1');

    // The live record is its own: no live journal here, so nothing in it.
    const live = await router.handle('trackrecord:get-record', { mode: 'live' }, sender);
    expect(live).toMatchObject({ ok: true, value: { mode: 'live', trades: [], summary: { trades: 0 } } });
    expect(existsSync(join(testEngine.userData, 'journal-live.sqlite'))).toBe(false);
  });

  it('refuses a request that names no mode, saying what was wrong', async () => {
    const router = testEngine.engine.createRouter([origin]);
    const answer = await router.handle('trackrecord:get-record', { mode: 'demo' }, sender);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/validation|invalid/i) as unknown },
    });
  });
});
