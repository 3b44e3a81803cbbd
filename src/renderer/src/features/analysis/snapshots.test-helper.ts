import type { AnalysisSnapshot } from '../../../../shared/ipc/channels/analysis.ts';

/** A ready timeframe whose trend, momentum and MACD components all lean with `signal`. */
function readyTimeframe(timeframe: '5m' | '15m' | '1h', signal: number, weight: number) {
  return {
    timeframe,
    weight,
    status: 'ready' as const,
    signal,
    direction: signal > 0.1 ? ('up' as const) : signal < -0.1 ? ('down' as const) : ('flat' as const),
    components: [
      {
        id: 'trend' as const,
        label: 'EMA 9/21 trend',
        score: signal,
        weight: 0.5,
        values: { 'EMA 9': 90_100.123456, 'EMA 21': 90_200.5, 'ATR 14': 120.25 },
      },
      {
        id: 'momentum' as const,
        label: 'RSI 14',
        score: signal / 2,
        weight: 0.25,
        values: { 'RSI 14': 41.23456 },
      },
      {
        id: 'macd' as const,
        label: 'MACD 12/26/9 histogram',
        score: signal,
        weight: 0.25,
        values: { MACD: -12.5, signal: -8, histogram: -4.5, 'ATR 14': 120.25 },
      },
    ],
    atr: 120.25,
    atrPeriodBars: 14,
    bars: 300,
    formingOpenTimeMs: 1_767_600_000_000,
  };
}

/** A snapshot of XBTUSDTM: 5m/15m/1h ready, 4h short of history, verdict −0.62 with a long-entry warning. */
export function snapshotOf(overrides: Partial<AnalysisSnapshot> = {}): AnalysisSnapshot {
  return {
    symbol: 'XBTUSDTM',
    at: 1_767_600_001_000,
    timeframes: [
      readyTimeframe('5m', 0.05, 1),
      readyTimeframe('15m', -0.4, 2),
      readyTimeframe('1h', -0.8, 3),
      {
        timeframe: '4h',
        weight: 4,
        status: 'short-history',
        needsBars: 34,
        hasBars: 12,
        message: 'not enough history (needs 34 bars of 4h, has 12)',
      },
    ],
    verdict: {
      value: -0.62,
      direction: 'down',
      confidence: 0.8,
      coverage: 0.6,
      agreement: 0.95,
      strongestTimeframe: '1h',
    },
    entryWarnings: { buy: 'Entering long against the 1h downtrend, verdict \u22120.62' },
    ...overrides,
  };
}
