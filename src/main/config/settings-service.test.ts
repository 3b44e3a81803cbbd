import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/errors.ts';
import { silentLogger } from '../observability/logger.ts';
import { openJournal } from '../store/journal.ts';
import { editableSettings } from './editable-settings.ts';
import { describeRange, createSettingsService } from './settings-service.ts';
import { journalSettingChanges } from './settings-journal.ts';
import { settingSchema } from './setting-schema.ts';
import { createConfigStore } from './store.ts';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-settings-'));
  const filePath = join(dir, 'settings.json');
  const store = createConfigStore({ filePath, logger: silentLogger });
  store.load();
  const journal = openJournal({ filePath: ':memory:', now: () => 1_000 });
  const stop = journalSettingChanges(store, journal, silentLogger);
  const service = createSettingsService({ store });
  const journaled = () =>
    journal.queryEvents({ kind: 'setting-change', limit: 100 }).map((event) => event.data);
  return { filePath, store, service, journaled, stop };
}

function refusal(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('settings service', () => {
  it('start at login applies now; the market data source is a choice that applies at restart, and a wrong one is refused', () => {
    const { service, store } = setup();
    const saved = service.update({ 'app.startAtLogin': true, 'venue.marketData.source': 'simulated' });
    expect(saved.changes.map((change) => [change.path, change.applies])).toEqual([
      ['app.startAtLogin', 'now'],
      ['venue.marketData.source', 'restart'],
    ]);
    expect(saved.restartNeeded).toBe(true);
    expect(store.current().app.startAtLogin).toBe(true);
    const refused = refusal(() => service.update({ 'venue.marketData.source': 'kucoin' }));
    expect(refused.message).toContain('one of auto, live, simulated');
    expect(store.current().venue.marketData.source).toBe('simulated');
  });

  it('every editable path exists in the configuration schema', () => {
    expect(editableSettings.filter(({ path }) => settingSchema(path) === undefined)).toEqual([]);
  });

  it("says ranges in a trader's words", () => {
    expect(describeRange({ kind: 'integer', minimum: 1, maximum: 125 })).toBe('a whole number from 1 to 125');
    expect(describeRange({ kind: 'number', minimum: 0, maximum: 100, exclusiveMinimum: true })).toBe(
      'a number above 0 and at most 100',
    );
    expect(describeRange({ kind: 'integer', minimum: 0, exclusiveMinimum: true })).toBe(
      'a whole number above 0',
    );
    expect(describeRange({ kind: 'choice', choices: ['sms', 'email'] })).toBe('one of sms, email');
  });

  it('refuses every bad field of a patch at once, writes no file and journals nothing', () => {
    const { filePath, service, store, journaled } = setup();
    const error = refusal(() =>
      service.update({
        'trading.risk.maxRiskPerTradePct': 0,
        'trading.state.dailyLossLimitUsdt': '-5',
        'trading.protection.closeOnStopFailure': 'yes',
        'trading.risk.priceBandPct': 3,
      }),
    );
    expect(error.code).toBe('settings-invalid');
    const issues = error.details.issues as { path: string; allowed: string }[];
    expect(issues.map((issue) => issue.path)).toEqual([
      'trading.risk.maxRiskPerTradePct',
      'trading.state.dailyLossLimitUsdt',
      'trading.protection.closeOnStopFailure',
    ]);
    expect(issues[0]?.allowed).toBe('a number above 0 and at most 100');
    expect(error.message).toMatch(/maxRiskPerTradePct" = 0 is not allowed.*2 more fields refused/);
    expect(existsSync(filePath)).toBe(false);
    expect(store.current().trading.risk.priceBandPct).toBe(5);
    expect(journaled()).toEqual([]);
  });

  it('refuses a missing value rather than falling back to the default', () => {
    const { service } = setup();
    expect(refusal(() => service.update({ 'trading.risk.userMaxLeverage': null })).message).toMatch(
      /a value is required/,
    );
  });

  it('saves a valid patch, answers and journals each change old → new with when it applies', () => {
    const { filePath, service, journaled } = setup();
    const result = service.update({
      'trading.risk.maxRiskPerTradePct': 1.5,
      'venue.startingBalanceUsdt': '2500',
    });
    expect(result.changes).toEqual([
      { path: 'venue.startingBalanceUsdt', oldValue: '10000', newValue: '2500', applies: 'restart' },
      { path: 'trading.risk.maxRiskPerTradePct', oldValue: 2, newValue: 1.5, applies: 'now' },
    ]);
    expect(result.restartNeeded).toBe(true);
    expect(JSON.parse(readFileSync(filePath, 'utf8'))).toEqual({
      trading: { risk: { maxRiskPerTradePct: 1.5 } },
      venue: { startingBalanceUsdt: '2500' },
    });
    expect(journaled()).toEqual(
      expect.arrayContaining([
        { path: 'trading.risk.maxRiskPerTradePct', oldValue: 2, newValue: 1.5, applies: 'now' },
        { path: 'venue.startingBalanceUsdt', oldValue: '10000', newValue: '2500', applies: 'restart' },
      ]),
    );
    expect(
      result.view.fields.find((field) => field.path === 'trading.risk.maxRiskPerTradePct'),
    ).toMatchObject({ value: 1.5, defaultValue: 2 });
  });

  it('a value equal to the one in force changes nothing and journals nothing', () => {
    const { filePath, service, journaled } = setup();
    expect(service.update({ 'trading.risk.userMaxLeverage': 20 }).changes).toEqual([]);
    expect(existsSync(filePath)).toBe(false);
    expect(journaled()).toEqual([]);
  });

  it('journals changes made through the file by other pages (alert channels) too', () => {
    const { store, journaled } = setup();
    store.update({ alerts: { channels: { desktop: { enabled: false } } } });
    expect(journaled()).toEqual([
      { path: 'alerts.channels.desktop.enabled', oldValue: true, newValue: false, applies: 'now' },
    ]);
  });

  it('per-contract limits are saved whole: a contract left out is removed, and journaled so', () => {
    const { service, store, journaled } = setup();
    const both = {
      ETHUSDTM: { maxPositionLots: 500, maxPositionNotionalUsdt: '20000' },
      XBTUSDTM: { maxPositionLots: 50, maxPositionNotionalUsdt: '10000' },
    };
    service.update({ 'trading.risk.perContractLimits': both });
    const result = service.update({ 'trading.risk.perContractLimits': { ETHUSDTM: both.ETHUSDTM } });
    expect(store.current().trading.risk.perContractLimits).toEqual({ ETHUSDTM: both.ETHUSDTM });
    expect(result.changes).toEqual([
      {
        path: 'trading.risk.perContractLimits.XBTUSDTM',
        oldValue: both.XBTUSDTM,
        newValue: undefined,
        applies: 'now',
      },
    ]);
    expect(journaled()[0]).toEqual({
      path: 'trading.risk.perContractLimits.XBTUSDTM',
      oldValue: both.XBTUSDTM,
      newValue: null,
      applies: 'now',
    });
  });

  it('a bad value inside the per-contract table is named with where it is', () => {
    const { service } = setup();
    const error = refusal(() =>
      service.update({
        'trading.risk.perContractLimits': { ETHUSDTM: { maxPositionLots: -1, maxPositionNotionalUsdt: '1' } },
      }),
    );
    expect(error.message).toMatch(/perContractLimits.*at ETHUSDTM\.maxPositionLots/);
  });
});
