// The paper account survives a restart of the app (ADR 0160): the engine stops, starts again in
// the same user-data folder, finds the same position, the same exchange-side stop and the same
// balance at the paper venue, and reconciles against them as it would against KuCoin — it adopts
// the stop rather than placing a second one, and the fills before the restart are still there.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';

const symbol = 'XBTUSDTM';
const sender = { url: 'app://bulwark/index.html', isMainFrame: true };
const paperTrader = 'paper-trader';

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}
interface PositionView {
  symbol: string;
  side: string;
  sizeLots: number;
  avgEntryPrice: string | null;
  protection: { status: string };
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 800; i += 1) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function venueOf(test: TestEngine): RunningVenue {
  const venue = test.engine.services.venue;
  if (venue === undefined) throw new Error('paper mode runs a venue');
  return venue;
}

/** The account as the exchange holds it: what a restart must keep. */
function atVenue(venue: RunningVenue) {
  const exchange = venue.exchange;
  return {
    balance: exchange.accountOverview(paperTrader, 'USDT').marginBalance,
    positions: exchange
      .positions(paperTrader)
      .map((p) => ({ symbol: p.symbol, qty: p.currentQty, cost: p.currentCost })),
    stops: exchange
      .listStopOrders(paperTrader, {})
      .items.map((o) => ({ id: o.id, stopPrice: o.stopPrice, size: o.size })),
    fills: exchange.fills(paperTrader, {}).items.map((f) => f.tradeId),
  };
}

describe('the paper account across a restart of the app', () => {
  const running: TestEngine[] = [];
  afterEach(async () => {
    for (const test of running.splice(0)) await test.stop();
  });

  async function start(
    userData?: string,
  ): Promise<{ test: TestEngine; ask: (channel: string, request: unknown) => Promise<Answer> }> {
    const test = await startTestEngine({
      label: 'paper-restart',
      ...(userData === undefined ? {} : { userData }),
    });
    running.push(test);
    const router = test.engine.createRouter(['app://bulwark']);
    const ask = async (channel: string, request: unknown): Promise<Answer> =>
      router.handle(channel, request, sender);
    await until(
      'trading to reconcile',
      async () => ((await ask('trading:get-state', undefined)).value as { state: string }).state === 'ACTIVE',
    );
    return { test, ask };
  }

  it(
    'keeps the position, its stop, the balance and the fills, and the engine adopts the stop',
    { timeout: 60_000 },
    async () => {
      const first = await start();
      const venue = venueOf(first.test);
      venue.admin.setPrice(symbol, '90000');
      const ticket = { symbol, side: 'buy', type: 'market', sizeLots: 10, leverage: 5, stopPrice: '81000' };
      await until(
        'the entry to be allowed',
        async () =>
          ((await first.ask('trading:preview-order', ticket)).value as { verdict: string }).verdict ===
          'allow',
      );
      expect(await first.ask('trading:place-order', ticket)).toMatchObject({ ok: true });
      await until('the position to be protected', async () => {
        const positions = (await first.ask('trading:list-positions', undefined)).value as PositionView[];
        return positions.length === 1 && positions[0]?.protection.status === 'PROTECTED';
      });
      const before = atVenue(venue);
      expect(before.positions).toEqual([{ symbol, qty: 10, cost: expect.any(Number) as unknown }]);
      expect(before.stops).toHaveLength(1);
      expect(before.fills.length).toBeGreaterThan(0);
      const userData = first.test.userData;
      await running.splice(0)[0]?.stop();

      const second = await start(userData);
      const after = atVenue(venueOf(second.test));
      expect(after.positions).toEqual(before.positions);
      expect(after.fills).toEqual(expect.arrayContaining(before.fills));
      expect(after.balance).toBe(before.balance);
      const positions = await until('the restored position to be protected', async () => {
        const list = (await second.ask('trading:list-positions', undefined)).value as PositionView[];
        return list.length === 1 && list[0]?.protection.status === 'PROTECTED' && list;
      });
      expect(positions[0]).toMatchObject({ symbol, side: 'long', sizeLots: 10 });
      // Adopted, not doubled: the one stop from before the restart still guards the position.
      expect(atVenue(venueOf(second.test)).stops).toEqual(before.stops);

      expect(await second.ask('trading:close-position', { symbol })).toMatchObject({ ok: true });
      await until('the position to close at the venue', () =>
        Promise.resolve(atVenue(venueOf(second.test)).positions.length === 0),
      );
    },
  );

  it(
    'a fresh user-data folder opens a fresh account at the starting balance',
    { timeout: 30_000 },
    async () => {
      const { test } = await start();
      const state = atVenue(venueOf(test));
      expect(state).toMatchObject({ positions: [], stops: [], fills: [] });
      expect(state.balance).toBe(10_000);
    },
  );
});

describe('Reset paper account', () => {
  it(
    'is refused while a position is open, then opens a fresh account that a restart keeps',
    { timeout: 60_000 },
    async () => {
      const first = await startTestEngine({ label: 'paper-reset' });
      const router = first.engine.createRouter(['app://bulwark']);
      const ask = async (channel: string, request: unknown): Promise<Answer> =>
        router.handle(channel, request, sender);
      try {
        await until(
          'trading to reconcile',
          async () =>
            ((await ask('trading:get-state', undefined)).value as { state: string }).state === 'ACTIVE',
        );
        const venue = venueOf(first);
        venue.admin.setPrice(symbol, '90000');
        const ticket = { symbol, side: 'sell', type: 'market', sizeLots: 5, leverage: 5, stopPrice: '99000' };
        await until(
          'the entry to be allowed',
          async () =>
            ((await ask('trading:preview-order', ticket)).value as { verdict: string }).verdict === 'allow',
        );
        expect(await ask('trading:place-order', ticket)).toMatchObject({ ok: true });
        await until('the short to be protected', () => Promise.resolve(atVenue(venue).stops.length === 1));

        expect(await ask('paper:reset-account', { startingBalanceUsdt: 'lots' })).toMatchObject({
          ok: false,
        });
        const refused = await ask('paper:reset-account', { startingBalanceUsdt: '2500' });
        expect(refused).toMatchObject({ ok: false, error: { code: 'paper-account-not-flat' } });
        expect(refused.error?.message).toMatch(/position in XBTUSDTM.*kill switch/);
        // Nothing was lost by the refusal: the short and its stop are still at the venue.
        expect(atVenue(venue)).toMatchObject({
          positions: [{ symbol, qty: -5 }],
          stops: [expect.anything() as unknown],
        });

        expect(await ask('trading:trigger-kill-switch', { flatten: true })).toMatchObject({ ok: true });
        await until('flat at the venue', () =>
          Promise.resolve(atVenue(venue).positions.length === 0 && atVenue(venue).stops.length === 0),
        );
        expect(await ask('trading:resume-trading', { acknowledge: true })).toMatchObject({ ok: true });
        expect(await ask('paper:reset-account', { startingBalanceUsdt: '2500' })).toMatchObject({
          ok: true,
          value: { balanceUsdt: '2500' },
        });
        expect(atVenue(venue)).toMatchObject({ balance: 2500, positions: [], stops: [], fills: [] });
      } finally {
        await first.stop();
      }
      const second = await startTestEngine({ label: 'paper-reset', userData: first.userData });
      try {
        expect(atVenue(venueOf(second))).toMatchObject({
          balance: 2500,
          positions: [],
          stops: [],
          fills: [],
        });
      } finally {
        await second.stop();
      }
    },
  );
});
