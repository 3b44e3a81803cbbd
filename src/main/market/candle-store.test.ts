import { describe, expect, it } from 'vitest';
import { CandleSeries } from './candle-store.ts';
import { SingleFlight } from './single-flight.ts';
import { TtlCache } from './ttl-cache.ts';

const bar = (openTimeMs: number, close = 1) => ({ openTimeMs, open: 1, high: 2, low: 0.5, close, volume: 3 });

describe('candle series', () => {
  it('merges pages and pushes: replaces the forming bar, appends new ones, keeps order', () => {
    const series = new CandleSeries(3);
    series.merge([bar(120), bar(60)]);
    expect(series.merge([bar(120, 2), bar(180)]).map((b) => b.openTimeMs)).toEqual([120, 180]);
    expect(series.merge([bar(180)])).toEqual([]);
    series.merge([bar(240)]);
    expect(series.latest(10).map((b) => [b.openTimeMs, b.close])).toEqual([
      [120, 2],
      [180, 1],
      [240, 1],
    ]);
    expect(series.lastOpenTimeMs()).toBe(240);
  });
});

describe('single flight and TTL cache', () => {
  it('shares one in-flight call per key', async () => {
    const flights = new SingleFlight();
    let calls = 0;
    const task = async () => {
      calls += 1;
      await Promise.resolve();
      return calls;
    };
    const [a, b] = await Promise.all([flights.run('k', task), flights.run('k', task)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await flights.run('k', task)).toBe(2);
  });

  it('expires entries by the injected clock', () => {
    let now = 0;
    const cache = new TtlCache<string>(1_000, { now: () => now });
    cache.set('a', 'x');
    now = 999;
    expect(cache.get('a')).toBe('x');
    now = 1_000;
    expect(cache.get('a')).toBeUndefined();
  });
});
