// `trading:trailing-updated` (ADR 0510): set, stop moved by hand, cleared, and resumed after a
// restart all reach the renderer. Moves and activation need mark prices and a venue: see
// tests/integration/trading/trailing-events.test.ts.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.ts';
import { silentLogger } from '../../observability/logger.ts';
import { openJournal, type Journal } from '../../store/journal.ts';
import type { TradingDeps, TradingEvent } from '../deps.ts';
import type { ProtectionWatchdog } from '../protection/watchdog.ts';
import type { AtrSource } from './atr-source.ts';
import { createTrailingManager } from './trailing-manager.ts';

const symbol = 'XBTUSDTM';

function managerOver(journal: Journal, events: TradingEvent[]) {
  let now = 1_000;
  // Only the journal, the clock and emit are touched by set/load/stopMoved/forget.
  const deps = {
    journal,
    now: () => (now += 1),
    emit: (event: TradingEvent) => events.push(event),
    config: configSchema.parse({}).trading,
    logger: silentLogger,
    contracts: new Map(),
  } as unknown as TradingDeps;
  return createTrailingManager(deps, {} as ProtectionWatchdog, { atr: () => undefined } satisfies AtrSource);
}

function trailingEvents(events: TradingEvent[]) {
  return events.flatMap((event) => (event.name === 'trading:trailing-updated' ? [event.payload] : []));
}

describe('trailing manager events', () => {
  it('publishes set, a hand-moved stop and the clear, each with the whole state', () => {
    const journal = openJournal({ filePath: ':memory:', now: () => 1 });
    const events: TradingEvent[] = [];
    const manager = managerOver(journal, events);
    manager.set(symbol, 'long', '89000', { mode: 'price', distance: '500', activationPrice: '91000' });
    manager.stopMoved(symbol, '89200');
    manager.set(symbol, 'long', '0', null);
    const published = trailingEvents(events);
    expect(published.map((e) => e.change)).toEqual(['set', 'stop-moved', 'cleared']);
    expect(published[0]?.trailing).toMatchObject({
      symbol,
      activated: false,
      stopPrice: '89000',
      spec: { activationPrice: '91000' },
    });
    expect(published[1]?.trailing?.stopPrice).toBe('89200');
    expect(published[2]?.trailing).toBeNull();
    expect(manager.list()).toEqual([]);
    journal.close();
  });

  it('clearing a symbol without trailing publishes nothing', () => {
    const journal = openJournal({ filePath: ':memory:', now: () => 1 });
    const events: TradingEvent[] = [];
    const manager = managerOver(journal, events);
    manager.forget(symbol);
    manager.set(symbol, 'long', '0', null);
    expect(trailingEvents(events)).toEqual([]);
    journal.close();
  });

  it('publishes each persisted state once as resumed after a restart, and lists them', () => {
    const journal = openJournal({ filePath: ':memory:', now: () => 1 });
    const first = managerOver(journal, []);
    first.set(symbol, 'long', '89000', { mode: 'percent', distance: '1' });
    first.set('ETHUSDTM', 'short', '3100', { mode: 'price', distance: '20' });
    const events: TradingEvent[] = [];
    const restarted = managerOver(journal, events);
    expect(restarted.list()).toEqual([]);
    expect(restarted.load()).toBe(2);
    const published = trailingEvents(events);
    expect(published.map((e) => [e.change, e.symbol])).toEqual([
      ['resumed', symbol],
      ['resumed', 'ETHUSDTM'],
    ]);
    expect(restarted.list().map((s) => [s.symbol, s.stopPrice])).toEqual([
      ['ETHUSDTM', '3100'],
      [symbol, '89000'],
    ]);
    journal.close();
  });
});
