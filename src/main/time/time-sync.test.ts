import { describe, expect, it } from 'vitest';
import { TimeSyncError } from '../../shared/errors.ts';
import { exchangeConfigSchema } from '../config/sections/exchange.ts';
import { silentLogger } from '../observability/logger.ts';
import { estimateOffset, median, sampleOffset } from './offset-math.ts';
import { createTimeSync } from './time-sync.ts';

describe('offset math', () => {
  it('offset = server − midpoint of the round trip', () => {
    expect(sampleOffset({ sentAt: 1_000, receivedAt: 1_100, serverTime: 4_050 })).toBe(3_000);
  });

  it('takes the median, robust to one slow sample', () => {
    const samples = [
      { sentAt: 0, receivedAt: 10, serverTime: 1_005 },
      { sentAt: 100, receivedAt: 110, serverTime: 1_105 },
      { sentAt: 200, receivedAt: 1_200, serverTime: 1_250 },
      { sentAt: 1_300, receivedAt: 1_310, serverTime: 2_305 },
      { sentAt: 1_400, receivedAt: 1_412, serverTime: 2_406 },
    ];
    const estimate = estimateOffset(samples);
    expect(estimate.offsetMs).toBe(1_000);
    expect(estimate.rttMs).toBe(10);
    expect(estimate.uncertaintyMs).toBe(5);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});

/** A scripted exchange clock: `skewMs` ahead of ours, answering after `rttMs` of our manual clock. */
function fakeExchange(skewMs: number, rttMs: number) {
  let now = 1_000_000;
  let calls = 0;
  const clock = { now: () => now };
  const fetchServerTime = async () => {
    calls += 1;
    await Promise.resolve();
    now += rttMs / 2;
    const server = now + skewMs;
    now += rttMs / 2;
    return server;
  };
  return {
    clock,
    fetchServerTime,
    advance: (ms: number) => {
      now += ms;
    },
    calls: () => calls,
  };
}

const config = exchangeConfigSchema.parse({
  timeSync: { samplesPerSync: 5, maxUncertaintyShareOfWindow: 0.1, localClockDriftPpm: 1_000 },
}).timeSync;

describe('time sync', () => {
  it.each([3_000, -3_000, 60_000, -60_000])(
    'recovers a %i ms skew and signs in exchange time',
    async (skew) => {
      const exchange = fakeExchange(skew, 20);
      const sync = createTimeSync({
        config,
        clock: exchange.clock,
        logger: silentLogger,
        fetchServerTime: exchange.fetchServerTime,
      });
      const status = await sync.sync();
      expect(status.offsetMs).toBe(skew);
      expect(status.rttMs).toBe(20);
      expect(status.state).toBe('healthy');
      expect(sync.serverNow()).toBe(exchange.clock.now() + skew);
      expect(exchange.calls()).toBe(5);
      sync.stop();
    },
  );

  it('blocks order entry until synced and when uncertainty exceeds the share of the 5 s window', async () => {
    const exchange = fakeExchange(0, 1_200);
    const sync = createTimeSync({
      config,
      clock: exchange.clock,
      logger: silentLogger,
      fetchServerTime: exchange.fetchServerTime,
    });
    expect(() => {
      sync.assertOrderEntryAllowed();
    }).toThrow(TimeSyncError);
    await sync.sync();
    expect(sync.status().state).toBe('uncertain');
    expect(() => {
      sync.assertOrderEntryAllowed();
    }).toThrow(/exceeds 500 ms/);
    sync.stop();
  });

  it('lets uncertainty grow with time since the last sync (drift)', async () => {
    const exchange = fakeExchange(0, 20);
    const sync = createTimeSync({
      config,
      clock: exchange.clock,
      logger: silentLogger,
      fetchServerTime: exchange.fetchServerTime,
    });
    await sync.sync();
    expect(sync.status().state).toBe('healthy');
    exchange.advance(600_000);
    expect(sync.status().state).toBe('uncertain');
    sync.stop();
  });

  it('is single-flight: concurrent callers share one sync', async () => {
    const exchange = fakeExchange(0, 2);
    const sync = createTimeSync({
      config,
      clock: exchange.clock,
      logger: silentLogger,
      fetchServerTime: exchange.fetchServerTime,
    });
    const [a, b] = await Promise.all([sync.sync(), sync.sync()]);
    expect(a).toEqual(b);
    expect(exchange.calls()).toBe(5);
    sync.stop();
  });

  it('fails with TimeSyncError when every sample fails, and nothing runs after stop()', async () => {
    const sync = createTimeSync({
      config,
      clock: { now: () => 0 },
      logger: silentLogger,
      fetchServerTime: () => Promise.reject(new Error('down')),
    });
    await expect(sync.sync()).rejects.toBeInstanceOf(TimeSyncError);
    expect(sync.status().lastError).toContain('down');
    sync.stop();
    await expect(sync.sync()).rejects.toMatchObject({ code: 'time-sync-stopped' });
  });
});
