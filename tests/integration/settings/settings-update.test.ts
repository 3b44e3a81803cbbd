// Settings → the real engine: a patch is checked with the schema the engine runs on. A refused
// value names the field and what is allowed and leaves the settings file, the config in force and
// the journal untouched; a valid one is saved, journaled old → new, and the very next risk
// preview against the paper venue obeys it without a restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';
import type { IpcRouter } from '../../../src/main/ipc/router.ts';

const symbol = 'XBTUSDTM';
const sender = { url: 'app://bulwark/index.html', isMainFrame: true };
const ticket = { symbol, side: 'buy', type: 'market', sizeLots: '1', leverage: 5, stopPrice: '88000' };

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; details: Record<string, unknown> };
}

describe('settings:update against the running engine', () => {
  let test: TestEngine;
  let router: IpcRouter;
  const ask = async (channel: string, request: unknown): Promise<Answer> =>
    await router.handle(channel, request, sender);
  const settingsFile = (): string => readFileSync(join(test.userData, 'settings.json'), 'utf8');
  const settingJournal = async (): Promise<Record<string, unknown>[]> => {
    const answer = await ask('trading:query-journal', { kind: 'setting-change' });
    return (answer.value as { data: Record<string, unknown> }[]).map((entry) => entry.data);
  };
  const preview = async (): Promise<{ verdict: string; denial?: { ruleId: string; message: string } }> =>
    (await ask('trading:preview-order', ticket)).value as {
      verdict: string;
      denial?: { ruleId: string; message: string };
    };

  beforeAll(async () => {
    test = await startTestEngine({ label: 'settings-update' });
    router = test.engine.createRouter(['app://bulwark']);
    const venue = test.engine.services.venue;
    if (venue === undefined) throw new Error('paper mode runs a venue');
    venue.admin.setPrice(symbol, '90000');
    await until(
      async () =>
        (await ask('trading:get-state', undefined)).value !== undefined &&
        ((await ask('trading:get-state', undefined)).value as { state: string }).state === 'ACTIVE',
      'trading to reconcile',
    );
    await until(
      async () => (await preview()).verdict === 'allow',
      'the ticket to be allowed on default limits',
    );
  });

  afterAll(async () => {
    await test.stop();
  });

  it('lists every editable setting with its value, default, range and when it applies', async () => {
    const answer = await ask('settings:get', undefined);
    expect(answer.ok).toBe(true);
    const fields = (
      answer.value as {
        fields: { path: string; value: unknown; applies: string; range: Record<string, unknown> }[];
      }
    ).fields;
    expect(fields.find((field) => field.path === 'trading.risk.userMaxLeverage')).toMatchObject({
      value: 20,
      applies: 'now',
      range: { kind: 'integer', minimum: 1, maximum: 125 },
    });
    expect(fields.find((field) => field.path === 'exchange.breaker.breakerCooldownMs')).toMatchObject({
      applies: 'restart',
    });
    expect(fields.some((field) => field.path === 'venue.restPort')).toBe(false);
  });

  it('refuses an out-of-range value naming the field and the range, and saves nothing', async () => {
    const before = settingsFile();
    const answer = await ask('settings:update', {
      changes: { 'trading.risk.userMaxLeverage': 500, 'trading.risk.maxRiskPerTradePct': 1 },
    });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('settings-invalid');
    expect(answer.error?.message).toMatch(/trading\.risk\.userMaxLeverage.*500.*from 1 to 125/);
    expect(answer.error?.details.issues).toEqual([
      expect.objectContaining({
        path: 'trading.risk.userMaxLeverage',
        value: 500,
        allowed: 'a whole number from 1 to 125',
      }),
    ]);
    // All or none: the valid half of the patch was not saved either.
    expect(settingsFile()).toBe(before);
    expect(test.engine.config.current().trading.risk.maxRiskPerTradePct).toBe(2);
    expect(await settingJournal()).toEqual([]);
    expect((await preview()).verdict).toBe('allow');
  });

  it('refuses a setting the Settings pages may not change', async () => {
    const answer = await ask('settings:update', { changes: { 'venue.restPort': 1 } });
    expect(answer.ok).toBe(false);
    expect(answer.error?.message).toMatch(/venue\.restPort.*cannot be changed from Settings/);
  });

  it('saves a valid limit atomically, journals old → new, and the next preview obeys it', async () => {
    const pushed: unknown[] = [];
    const off = test.engine.events.subscribe((event, payload) => {
      if (event === 'settings:changed') pushed.push(payload);
    });
    const answer = await ask('settings:update', { changes: { 'trading.risk.userMaxLeverage': 3 } });
    expect(answer).toMatchObject({
      ok: true,
      value: {
        restartNeeded: false,
        changes: [{ path: 'trading.risk.userMaxLeverage', oldValue: 20, newValue: 3, applies: 'now' }],
      },
    });
    expect(JSON.parse(settingsFile())).toMatchObject({ trading: { risk: { userMaxLeverage: 3 } } });
    expect(await settingJournal()).toEqual([
      { path: 'trading.risk.userMaxLeverage', oldValue: 20, newValue: 3, applies: 'now' },
    ]);
    const denied = await preview();
    expect(denied).toMatchObject({ verdict: 'deny', denial: { ruleId: 'leverage' } });
    expect(denied.denial?.message).toMatch(/your cap 3×/);
    await until(() => Promise.resolve(pushed.length > 0), 'the renderer to be told');
    off();
    expect(pushed).toEqual([
      { changes: [{ path: 'trading.risk.userMaxLeverage', oldValue: 20, newValue: 3, applies: 'now' }] },
    ]);
  });

  it('a lower risk per trade is obeyed by the next preview', async () => {
    const answer = await ask('settings:update', {
      changes: { 'trading.risk.userMaxLeverage': 20, 'trading.risk.maxRiskPerTradePct': 0.01 },
    });
    expect(answer.ok).toBe(true);
    const denied = await preview();
    expect(denied).toMatchObject({ verdict: 'deny', denial: { ruleId: 'risk-per-trade' } });
  });

  it('a per-contract size limit governs the next preview of that contract only', async () => {
    expect(
      (
        await ask('settings:update', {
          changes: {
            'trading.risk.maxRiskPerTradePct': 2,
            'trading.risk.perContractLimits': {
              XBTUSDTM: { maxPositionLots: 1, maxPositionNotionalUsdt: '50000' },
            },
          },
        })
      ).ok,
    ).toBe(true);
    expect(await preview()).toMatchObject({ verdict: 'allow' });
    const twoLots = (await ask('trading:preview-order', { ...ticket, sizeLots: '2' })).value;
    expect(twoLots).toMatchObject({ verdict: 'deny', denial: { ruleId: 'position-limit' } });
    expect((await ask('settings:update', { changes: { 'trading.risk.perContractLimits': {} } })).ok).toBe(
      true,
    );
    expect((await ask('trading:preview-order', { ...ticket, sizeLots: '2' })).value).toMatchObject({
      verdict: 'allow',
    });
  });

  it('says when a saved value needs a restart', async () => {
    const answer = await ask('settings:update', {
      changes: { 'exchange.breaker.breakerCooldownMs': 30_000 },
    });
    expect(answer).toMatchObject({
      ok: true,
      value: {
        restartNeeded: true,
        changes: [
          {
            path: 'exchange.breaker.breakerCooldownMs',
            oldValue: 60_000,
            newValue: 30_000,
            applies: 'restart',
          },
        ],
      },
    });
  });
});
