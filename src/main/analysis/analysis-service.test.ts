import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisSnapshot, VerdictChanged } from '../../shared/ipc/channels/analysis.ts';
import type { Candle } from '../../shared/ipc/channels/market.ts';
import { ValidationError } from '../../shared/errors.ts';
import { analysisConfigSchema, type AnalysisConfig } from '../config/sections/analysis.ts';
import { timeframeMs, type Timeframe } from '../market/timeframes.ts';
import { silentLogger } from '../observability/logger.ts';
import { createAnalysisService, type AnalysisService } from './analysis-service.ts';
import { createFakeMarket, type FakeMarket } from './fake-market.test-support.ts';
import { IndicatorSet } from './indicator-set.ts';

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const symbol = 'XBTUSDTM';

/** `count` bars ending with the one forming at NOW, drifting by `drift` per bar (with a zig-zag). */
function trend(timeframe: Timeframe, count: number, drift: number, start = 90_000): Candle[] {
  const barMs = timeframeMs(timeframe);
  const lastOpen = Math.floor(NOW / barMs) * barMs;
  let close = start;
  return Array.from({ length: count }, (_, i) => {
    const open = close;
    close = open + drift + (i % 2 === 0 ? 30 : -30);
    return {
      openTimeMs: lastOpen - (count - 1 - i) * barMs,
      open,
      high: Math.max(open, close) + 20,
      low: Math.min(open, close) - 20,
      close,
      volume: 1,
    };
  });
}

function seed(
  market: FakeMarket,
  counts: Partial<Record<Timeframe, number>>,
  drift = 40,
  name = symbol,
): void {
  for (const [timeframe, count] of Object.entries(counts) as [Timeframe, number][])
    market.bars.set(`${name}|${timeframe}`, trend(timeframe, count, drift));
}

function scratchAtr(bars: readonly Candle[], period: number): number | undefined {
  const set = new IndicatorSet(analysisConfigSchema.parse({}).indicators, [period]);
  for (const bar of bars) set.update(bar, false);
  return set.atr(period);
}

let market: FakeMarket;
let service: AnalysisService;
let published: AnalysisSnapshot[];
let changes: VerdictChanged[];
const flush = () => vi.advanceTimersByTimeAsync(0);

function startWith(config: AnalysisConfig = analysisConfigSchema.parse({})): void {
  service = createAnalysisService({ config, market, clock: { now: () => Date.now() }, logger: silentLogger });
  published = [];
  changes = [];
  service.onSnapshot((snapshot) => published.push(snapshot));
  service.onVerdictChanged((change) => changes.push(change));
  service.start();
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  market = createFakeMarket();
});
afterEach(() => {
  service.stop();
  vi.useRealTimers();
});

describe('analysis service', () => {
  it('gives every timeframe with enough history a signal, and says how much is missing for the others', async () => {
    seed(market, { '5m': 120, '15m': 120, '1h': 120, '4h': 12 });
    startWith();
    const first = service.select(symbol);
    expect(first.timeframes.map((t) => [t.timeframe, t.status])).toEqual([
      ['5m', 'loading'],
      ['15m', 'loading'],
      ['1h', 'loading'],
      ['4h', 'loading'],
    ]);
    expect(first.verdict).toBeNull();
    await flush();
    const snapshot = service.snapshot(symbol);
    expect(snapshot.timeframes.map((t) => t.status)).toEqual(['ready', 'ready', 'ready', 'short-history']);
    expect(snapshot.timeframes[3]).toMatchObject({
      status: 'short-history',
      needsBars: 34,
      hasBars: 12,
      message: 'not enough history (needs 34 bars of 4h, has 12)',
    });
    expect(snapshot.verdict).toMatchObject({ direction: 'up', coverage: 0.6 });
    expect(snapshot.entryWarnings.sell).toMatch(
      /^Entering short against the (1h|15m|5m) uptrend, verdict \+/,
    );
    expect(snapshot.entryWarnings.buy).toBeUndefined();
    expect(market.calls.watched.sort()).toEqual([
      'XBTUSDTM|15m',
      'XBTUSDTM|1h',
      'XBTUSDTM|4h',
      'XBTUSDTM|5m',
    ]);
    expect(published.at(-1)?.symbol).toBe(symbol);
    expect(() => service.snapshot('ETHUSDTM')).toThrow(ValidationError);
  });

  it('keeps current from pushes (forming bar replaced) and publishes at most every publishIntervalMs, the latest last', async () => {
    seed(market, { '5m': 60, '15m': 60, '1h': 60, '4h': 60 });
    startWith();
    service.select(symbol);
    await flush();
    const before = published.length;
    const bars = market.bars.get(`${symbol}|5m`) ?? [];
    const forming = bars.at(-1)!;
    for (let i = 1; i <= 10; i += 1)
      market.push(symbol, '5m', { ...forming, close: forming.close - 40 * i, low: forming.low - 40 * i });
    expect(published.length - before).toBeLessThanOrEqual(1);
    await vi.advanceTimersByTimeAsync(500);
    const last = published.at(-1)?.timeframes[0];
    expect(published.length - before).toBeLessThanOrEqual(2);
    if (last?.status !== 'ready') throw new Error('5m not ready');
    expect(last.atr).toBe(scratchAtr(market.bars.get(`${symbol}|5m`) ?? [], 14));
    expect(last.bars).toBe(60);
  });

  it('reloads on a hole in the stream, and corrects a closed bar from the exchange after closedBarRecheckDelayMs', async () => {
    seed(market, { '5m': 60, '15m': 60, '1h': 60, '4h': 60 });
    startWith();
    service.select(symbol);
    await flush();
    const key = `${symbol}|5m`;
    const series = market.bars.get(key) ?? [];
    const forming = series.at(-1)!;
    const next = { ...forming, openTimeMs: forming.openTimeMs + 300_000, open: forming.close };
    market.push(symbol, '5m', next);
    // The exchange's final values of the bar that closed differ from its last push (a missed trade).
    series[series.length - 2] = { ...forming, high: forming.high + 500 };
    await vi.advanceTimersByTimeAsync(3_000);
    expect(market.calls.closedBar).toEqual([`${key}|${forming.openTimeMs}`]);
    const corrected = service.snapshot(symbol).timeframes[0];
    expect(corrected?.status === 'ready' ? corrected.atr : undefined).toBe(scratchAtr(series, 14));
    const loadsBefore = market.calls.getCandles.filter((k) => k === key).length;
    market.push(symbol, '5m', { ...next, openTimeMs: next.openTimeMs + 3 * 300_000 });
    await flush();
    expect(market.calls.getCandles.filter((k) => k === key).length).toBe(loadsBefore + 1);
    const reloaded = service.snapshot(symbol).timeframes[0];
    expect(reloaded?.status === 'ready' ? reloaded.formingOpenTimeMs : undefined).toBe(
      next.openTimeMs + 3 * 300_000,
    );
  });

  it('follows contracts with a position and drops the old selection that has none', async () => {
    seed(market, { '5m': 40 });
    seed(market, { '5m': 40 }, 10, 'ETHUSDTM');
    market.positions = [
      { symbol: 'ETHUSDTM', isOpen: true, currentQty: -3 },
      { symbol: 'SOLUSDTM', isOpen: false, currentQty: 0 },
    ];
    startWith();
    service.select(symbol);
    await flush();
    expect(service.followed().sort()).toEqual(['ETHUSDTM', 'XBTUSDTM']);
    service.select('DOGEUSDTM');
    expect(service.followed().sort()).toEqual(['DOGEUSDTM', 'ETHUSDTM']);
    market.positions = [];
    await vi.advanceTimersByTimeAsync(10_000);
    expect(service.followed()).toEqual(['DOGEUSDTM']);
  });

  it('is the ATR source: a first ask starts following, the value appears once loaded; a new period is kept at once', async () => {
    seed(market, { '1m': 80, '5m': 60 }, 5, 'SOLUSDTM');
    startWith();
    await flush();
    expect(service.atr('SOLUSDTM', '1m', 14)).toBeUndefined();
    expect(service.followed()).toContain('SOLUSDTM');
    await flush();
    expect(service.atr('SOLUSDTM', '1m', 14)).toBe(scratchAtr(market.bars.get('SOLUSDTM|1m') ?? [], 14));
    expect(service.atr('SOLUSDTM', '5m', 7)).toBe(scratchAtr(market.bars.get('SOLUSDTM|5m') ?? [], 7));
    expect(service.snapshot('SOLUSDTM').timeframes.map((t) => t.timeframe)).toEqual([
      '5m',
      '15m',
      '1h',
      '4h',
    ]);
    expect(service.atr('SOLUSDTM', '1m', 1.5)).toBeUndefined();
    // Still followed while asked within atrDemandTtlMs, dropped after.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(service.followed()).toContain('SOLUSDTM');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(service.followed()).not.toContain('SOLUSDTM');
  });

  it('tells when the verdict flips sign, once, with the numbers', async () => {
    seed(market, { '5m': 60 }, 40);
    startWith(analysisConfigSchema.parse({ timeframes: ['5m'] }));
    service.select(symbol);
    await flush();
    expect(service.verdict(symbol)?.value).toBeGreaterThan(0.5);
    const series = market.bars.get(`${symbol}|5m`) ?? [];
    let bar = series.at(-1)!;
    for (let i = 1; i <= 12; i += 1) {
      bar = {
        openTimeMs: bar.openTimeMs + 300_000,
        open: bar.close,
        high: bar.close + 10,
        low: bar.close - 310,
        close: bar.close - 300,
        volume: 1,
      };
      market.push(symbol, '5m', bar);
    }
    const flips = changes.filter((change) => change.change === 'sign');
    expect(flips).toHaveLength(1);
    expect(flips[0]).toMatchObject({ symbol, direction: 'down', strongestTimeframe: '5m' });
    expect(flips[0]?.message).toMatch(
      /^XBTUSDTM verdict turned down: \u22120\.\d\d \(was \+0\.\d\d\), led by 5m, confidence \d\.\d\d$/,
    );
    expect(service.verdict(symbol)?.value).toBeLessThan(0);
  });

  it('says why a timeframe has no data and retries it on the next refresh', async () => {
    seed(market, { '5m': 60, '15m': 60, '1h': 60, '4h': 60 });
    market.failNext.set(`${symbol}|4h`, new Error('socket hang up'));
    startWith();
    service.select(symbol);
    await flush();
    expect(service.snapshot(symbol).timeframes[3]).toMatchObject({
      status: 'unavailable',
      message: 'candles unavailable (socket hang up); retrying every 10 s',
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(service.snapshot(symbol).timeframes[3]?.status).toBe('ready');
  });

  it('does nothing after stop', async () => {
    seed(market, { '5m': 60 });
    startWith();
    service.select(symbol);
    await flush();
    service.stop();
    const count = published.length;
    market.push(symbol, '5m', { ...(market.bars.get(`${symbol}|5m`) ?? []).at(-1)!, close: 1 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(published.length).toBe(count);
    expect(service.atr(symbol, '5m', 14)).toBeUndefined();
  });
});
