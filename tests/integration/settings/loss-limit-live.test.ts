// A daily loss limit lowered in Settings below what the day has already lost moves trading to
// REDUCING at the engine's next pass — no restart — and the next preview of an entry is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';
import type { IpcRouter } from '../../../src/main/ipc/router.ts';

const symbol = 'XBTUSDTM';
const sender = { url: 'app://bulwark/index.html', isMainFrame: true };

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}
interface StateView {
  state: string;
  activeTriggers: string[];
  dailyRealisedPnl: string;
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 600; i += 1) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a loss limit saved in Settings governs the running engine', () => {
  let test: TestEngine;
  let router: IpcRouter;
  const ask = async (channel: string, request: unknown): Promise<Answer> =>
    await router.handle(channel, request, sender);
  const state = async (): Promise<StateView> =>
    (await ask('trading:get-state', undefined)).value as StateView;

  beforeAll(async () => {
    test = await startTestEngine({ label: 'settings-loss-limit' });
    router = test.engine.createRouter(['app://bulwark']);
    await until('trading to reconcile', async () => (await state()).state === 'ACTIVE');
  });

  afterAll(async () => {
    await test.stop();
  });

  it("lowering the daily loss limit below today's realised loss moves trading to REDUCING and refuses the next entry", async () => {
    const venue = test.engine.services.venue;
    if (venue === undefined) throw new Error('paper mode runs a venue');
    venue.admin.setPrice(symbol, '90000');
    const ticket = { symbol, side: 'buy', type: 'market', sizeLots: 10, leverage: 5, stopPrice: '88000' };
    await until(
      'the entry to be allowed',
      async () =>
        ((await ask('trading:preview-order', ticket)).value as { verdict: string }).verdict === 'allow',
    );
    expect((await ask('trading:place-order', ticket)).ok).toBe(true);
    await until(
      'the position to open',
      async () => ((await ask('trading:list-positions', undefined)).value as unknown[]).length === 1,
    );
    venue.admin.setPrice(symbol, '89500');
    expect((await ask('trading:close-position', { symbol })).ok).toBe(true);
    const lost = await until('a realised loss today', async () => {
      const s = await state();
      return Number(s.dailyRealisedPnl) < 0 && s;
    });
    expect(lost.activeTriggers).not.toContain('daily-loss');

    const limit = (Math.abs(Number(lost.dailyRealisedPnl)) / 2).toFixed(2);
    const saved = await ask('settings:update', { changes: { 'trading.state.dailyLossLimitUsdt': limit } });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        restartNeeded: false,
        changes: [
          { path: 'trading.state.dailyLossLimitUsdt', oldValue: '500', newValue: limit, applies: 'now' },
        ],
      },
    });
    const reducing = await until('REDUCING on the daily loss', async () => {
      const s = await state();
      return s.activeTriggers.includes('daily-loss') && s;
    });
    expect(reducing.state).toBe('REDUCING');
    const preview = (await ask('trading:preview-order', ticket)).value as {
      verdict: string;
      denial?: { ruleId: string };
    };
    expect(preview).toMatchObject({ verdict: 'deny', denial: { ruleId: 'trading-state' } });
  });
});
