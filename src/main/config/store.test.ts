import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/errors.ts';
import { silentLogger } from '../observability/logger.ts';
import { defaultConfig } from './schema.ts';
import { createConfigStore } from './store.ts';

function tempStore(content?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-config-'));
  const filePath = join(dir, 'settings.json');
  if (content !== undefined) writeFileSync(filePath, content);
  return { dir, filePath, store: createConfigStore({ filePath, logger: silentLogger }) };
}

describe('config store', () => {
  it('no file: every default, no problem', () => {
    const { store } = tempStore();
    expect(store.load()).toEqual({ config: defaultConfig(), problems: [] });
  });

  it.each(['{ not json', '', '[1,2]', 'null', '"text"', '\u0000\u0001binary'])(
    'a corrupt file (%j) leaves the app on defaults with a clear error and keeps the text aside',
    (content) => {
      const { dir, store } = tempStore(content);
      const { config, problems } = store.load();
      expect(config).toEqual(defaultConfig());
      expect(problems).toHaveLength(1);
      expect(problems[0]).toBeInstanceOf(ConfigError);
      expect(problems[0]?.message).toMatch(/could not be read.*runs on its defaults/);
      const backups = readdirSync(dir).filter((name) => name.includes('.corrupt-'));
      expect(backups).toHaveLength(1);
      expect(readFileSync(join(dir, backups[0]!), 'utf8')).toBe(content);
    },
  );

  it('an invalid value is dropped and named; the other overrides survive', () => {
    const { store } = tempStore(JSON.stringify({ app: { heartbeatIntervalMs: -5, eventThrottleMs: 120 } }));
    const { config, problems } = store.load();
    expect(config.app.heartbeatIntervalMs).toBe(defaultConfig().app.heartbeatIntervalMs);
    expect(config.app.eventThrottleMs).toBe(120);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.details).toMatchObject({ field: 'app.heartbeatIntervalMs', value: -5 });
    expect(problems[0]?.message).toContain('app.heartbeatIntervalMs');
    expect(problems[0]?.message).toContain('-5');
  });

  it('a misspelt setting is reported by name, not silently ignored', () => {
    const { store } = tempStore(JSON.stringify({ app: { heartbeatIntervalMS: 500 } }));
    const { problems } = store.load();
    expect(problems[0]?.details).toMatchObject({ field: 'app.heartbeatIntervalMS' });
    expect(problems[0]?.message).toMatch(/no such setting/);
  });

  it('update: an invalid value throws ConfigError and the config in force and the file stay as they were', () => {
    const { store, filePath } = tempStore();
    store.load();
    store.update({ app: { eventThrottleMs: 200 } });
    const before = readFileSync(filePath, 'utf8');
    expect(() => store.update({ app: { heartbeatIntervalMs: 10 } })).toThrow(ConfigError);
    try {
      store.update({ app: { heartbeatIntervalMs: 10 } });
    } catch (error) {
      expect((error as ConfigError).details).toMatchObject({ field: 'app.heartbeatIntervalMs', value: 10 });
      expect((error as ConfigError).message).toMatch(/>=\s*250/);
    }
    expect(store.current().app.eventThrottleMs).toBe(200);
    expect(store.current().app.heartbeatIntervalMs).toBe(1000);
    expect(readFileSync(filePath, 'utf8')).toBe(before);
  });

  it('update persists only the overrides, atomically, and a fresh store reads them back', () => {
    const { store, filePath, dir } = tempStore();
    store.load();
    store.update({ app: { logMaxSizeBytes: 1_048_576 } });
    expect(JSON.parse(readFileSync(filePath, 'utf8'))).toEqual({ app: { logMaxSizeBytes: 1_048_576 } });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const again = createConfigStore({ filePath, logger: silentLogger });
    expect(again.load().config.app.logMaxSizeBytes).toBe(1_048_576);
    expect(existsSync(filePath)).toBe(true);
  });
});
