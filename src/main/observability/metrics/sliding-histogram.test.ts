import { describe, expect, it } from 'vitest';
import { SlidingHistogram } from './sliding-histogram.ts';
import { createMetricsRegistry } from './registry.ts';

describe('sliding histogram', () => {
  it('p50 / p95 / p99 by nearest rank over the samples in the window', () => {
    const histogram = new SlidingHistogram(128);
    for (let value = 1; value <= 100; value += 1) histogram.observe(value, 1_000);
    expect(histogram.summary(1_000, 60_000)).toEqual({
      count: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
      total: 100,
    });
  });

  it('samples older than the window drop out; the ring keeps the newest when full', () => {
    const histogram = new SlidingHistogram(4);
    histogram.observe(1_000, 0);
    for (let i = 0; i < 3; i += 1) histogram.observe(10 + i, 50_000);
    expect(histogram.summary(70_000, 30_000)).toMatchObject({ count: 3, max: 12, total: 4 });
    for (let i = 0; i < 5; i += 1) histogram.observe(i, 71_000);
    expect(histogram.summary(71_000, 30_000)).toMatchObject({ count: 4, p50: 2, max: 4, total: 9 });
    expect(histogram.summary(500_000, 30_000)).toMatchObject({ count: 0, p99: 0, total: 9 });
  });
});

describe('metrics registry', () => {
  it('one series per name and labels; counters add, gauges are read at snapshot time', () => {
    let now = 0;
    const registry = createMetricsRegistry({ windowMs: 60_000, histogramCapacity: 64, now: () => now });
    registry.counter('rest_calls_total', { pool: 'Futures' }).inc();
    registry.counter('rest_calls_total', { pool: 'Futures' }).inc(2);
    registry.counter('rest_calls_total', { pool: 'Public' }).inc();
    registry.histogram('rest_request_ms', { route: 'POST /api/v1/orders' }).observe(12);
    registry.gaugeFrom('rate_limit_headroom_ratio', () => [
      { labels: { pool: 'Futures' }, value: now / 100 },
    ]);
    now = 50;
    const snapshot = registry.snapshot();
    expect(snapshot.counters.map((c) => [c.labels.pool, c.value])).toEqual([
      ['Futures', 3],
      ['Public', 1],
    ]);
    expect(snapshot.histograms[0]).toMatchObject({
      name: 'rest_request_ms',
      labels: { route: 'POST /api/v1/orders' },
      count: 1,
      p99: 12,
    });
    expect(snapshot.gauges).toEqual([
      expect.objectContaining({ name: 'rate_limit_headroom_ratio', value: 0.5 }),
    ]);
  });
});
