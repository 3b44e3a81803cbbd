import { describe, expect, it } from 'vitest';
import type { HealthStatus } from '../../../shared/ipc/channels/health.ts';
import { observabilityConfigSchema } from '../../config/sections/observability.ts';
import { healthChecks } from './checks.ts';
import { createHealthMonitor } from './monitor.ts';
import type { HealthSources } from './sources.ts';

const thresholds = observabilityConfigSchema.parse({}).health;

function healthy(now: number): HealthSources {
  const stream = { state: 'open' as const, lastMessageAt: now - 100, topics: 2 };
  return {
    now,
    mode: 'paper',
    credentials: 'keychain',
    privateDownSince: undefined,
    tradingDataStale: undefined,
    exchange: {
      breaker: 'closed',
      generalBreaker: 'closed',
      limiter: [
        {
          pool: 'Futures',
          limit: 2000,
          used: 10,
          remaining: 1990,
          queued: 0,
          inFlightWeight: 0,
          resetInMs: 10_000,
          pausedForMs: 0,
        },
      ],
      clock: { state: 'healthy', offsetMs: 3, rttMs: 2, uncertaintyMs: 1, maxUncertaintyMs: 1250 },
      streams: { public: 'open', private: 'open' },
    },
    streams: { public: stream, private: stream },
    rest: { lastOkAt: now - 500, consecutiveFailures: 0, lastFailure: undefined },
    keychain: { ok: true, at: now },
    journal: { ok: true, at: now },
    channels: [{ channel: 'telegram', enabled: true, last: { at: now - 1000, outcome: 'sent' } }],
  };
}

const readingsOf = (sources: HealthSources) => healthChecks.flatMap((check) => check(sources, thresholds));

describe('health checks', () => {
  it('all well: every check green', () => {
    expect(readingsOf(healthy(1_000_000)).filter((r) => r.level !== 'green')).toEqual([]);
  });

  it.each([
    [
      'the futures breaker open',
      (s: HealthSources): HealthSources => ({ ...s, exchange: { ...s.exchange, breaker: 'open' } }),
      'red',
      "KuCoin's futures API is unreachable",
    ],
    [
      'the general breaker open',
      (s: HealthSources): HealthSources => ({ ...s, exchange: { ...s.exchange, generalBreaker: 'open' } }),
      'amber',
      "KuCoin's account API is unreachable",
    ],
    [
      'the key refused on REST',
      (s: HealthSources): HealthSources => ({
        ...s,
        rest: {
          lastOkAt: s.now - 5_000,
          consecutiveFailures: 1,
          lastFailure: {
            at: s.now - 10,
            code: 'key-refused-key',
            errorClass: 'AuthError',
            route: 'GET /api/v1/positions',
          },
        },
      }),
      'red',
      'KuCoin refused the API key (key-refused-key)',
    ],
    [
      'the clock uncertain',
      (s: HealthSources): HealthSources => ({
        ...s,
        exchange: { ...s.exchange, clock: { ...s.exchange.clock, state: 'uncertain', uncertaintyMs: 3000 } },
      }),
      'red',
      'The clock cannot be trusted (±3000 ms, allowed ±1250 ms)',
    ],
    [
      'the private stream down 20 s',
      (s: HealthSources): HealthSources => ({
        ...s,
        privateDownSince: s.now - 20_000,
        exchange: { ...s.exchange, streams: { public: 'open', private: 'reconnecting' } },
        streams: { ...s.streams, private: { ...s.streams.private, state: 'reconnecting' } },
      }),
      'red',
      'The order update stream has been down for 20 s',
    ],
    [
      'market data silent 30 s',
      (s: HealthSources): HealthSources => ({
        ...s,
        streams: { ...s.streams, public: { ...s.streams.public, lastMessageAt: s.now - 30_000 } },
      }),
      'amber',
      'No market data for 30 s',
    ],
    [
      'a pool nearly spent',
      (s: HealthSources): HealthSources => ({
        ...s,
        exchange: {
          ...s.exchange,
          limiter: [
            {
              pool: 'Futures',
              limit: 2000,
              used: 1900,
              remaining: 100,
              queued: 3,
              inFlightWeight: 0,
              resetInMs: 12_000,
              pausedForMs: 0,
            },
          ],
        },
      }),
      'amber',
      'Only 100 of 2000 Futures request weight left',
    ],
    [
      'the keychain not answering',
      (s: HealthSources): HealthSources => ({
        ...s,
        keychain: { ok: false, at: s.now, problem: 'the Secret Service is locked' },
      }),
      'amber',
      'The OS keychain does not answer (the Secret Service is locked)',
    ],
    [
      'the journal not writable',
      (s: HealthSources): HealthSources => ({
        ...s,
        journal: { ok: false, at: s.now, problem: 'disk I/O error' },
      }),
      'red',
      'The journal cannot be written (disk I/O error)',
    ],
    [
      'a channel failing',
      (s: HealthSources): HealthSources => ({
        ...s,
        channels: [
          {
            channel: 'telegram',
            enabled: true,
            last: {
              at: s.now,
              outcome: 'failed',
              reason: 'Telegram refused the bot token (401 Unauthorized).',
            },
          },
        ],
      }),
      'amber',
      'telegram alerts are failing: Telegram refused the bot token (401 Unauthorized).',
    ],
  ])('%s', (_label, fault, level, reason) => {
    const readings = readingsOf(fault(healthy(1_000_000))).filter((r) => r.level !== 'green');
    expect(readings).toEqual([
      expect.objectContaining({ level, reason: expect.stringContaining(reason) as string }),
    ]);
  });
});

describe('health monitor', () => {
  it('publishes changes only, and raises red once after it has held long enough, then the recovery', () => {
    let sources = healthy(0);
    const changes: HealthStatus[] = [];
    const red: HealthStatus[] = [];
    const recovered: HealthStatus[] = [];
    const monitor = createHealthMonitor({
      sources: () => sources,
      thresholds: () => thresholds,
      onChange: (s) => changes.push(s),
      onRed: (s) => red.push(s),
      onRecovered: (s) => recovered.push(s),
    });
    monitor.evaluate();
    monitor.evaluate();
    expect(changes.map((s) => s.level)).toEqual(['green']);
    sources = { ...healthy(1_000), exchange: { ...healthy(1_000).exchange, breaker: 'open' } };
    expect(monitor.evaluate()).toMatchObject({
      level: 'red',
      since: 1_000,
      reasons: [expect.stringContaining('unreachable')],
    });
    expect(red).toHaveLength(0);
    sources = { ...sources, now: 1_000 + thresholds.redAlertAfterMs };
    monitor.evaluate();
    monitor.evaluate();
    expect(red).toHaveLength(1);
    expect(changes.map((s) => s.level)).toEqual(['green', 'red']);
    sources = healthy(20_000);
    expect(monitor.evaluate().level).toBe('green');
    expect(recovered).toHaveLength(1);
  });

  it('a check that throws turns amber instead of breaking the status', () => {
    const monitor = createHealthMonitor({
      sources: () => healthy(0),
      thresholds: () => thresholds,
      checks: [
        () => {
          throw new Error('boom');
        },
      ],
      onChange: () => undefined,
      onRed: () => undefined,
      onRecovered: () => undefined,
    });
    expect(monitor.evaluate()).toMatchObject({
      level: 'amber',
      reasons: ['A health check failed to run: boom'],
    });
  });
});
