// Analysis benchmark (plain Node 24): prints one JSON object.
//   indicatorUpdateP99Us — one tick: every indicator (EMA 9/21, RSI 14, MACD 12/26/9, ATR 14) on all
//                          four timeframes (5m, 15m, 1h, 4h) updated with the tick's forming bars;
//                          p99 over 50 000 ticks; goal ≤ 20 µs.
//   verdictP99Us         — the snapshot after a tick: four signals with their components, the
//                          weighted verdict and the entry warnings; p99 over 50 000 ticks.
//   recomputeP50Us       — what a tick would cost if the four timeframes were recomputed from their
//                          300 bars of history instead; `incrementalSpeedup` = recompute / incremental (p50s).
import { analysisConfigSchema } from '../src/main/config/sections/analysis.ts';
import { IndicatorSet } from '../src/main/analysis/indicator-set.ts';
import { SymbolAnalysis } from '../src/main/analysis/symbol-analysis.ts';
import { timeframeMs, type Timeframe } from '../src/main/market/timeframes.ts';
import type { Candle } from '../src/shared/ipc/channels/market.ts';

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;
const config = analysisConfigSchema.parse({});
const timeframes: Timeframe[] = ['5m', '15m', '1h', '4h'];
const START_MS = Date.UTC(2026, 0, 1);

let state = 7;
const random = (): number => {
  state = (state * 48_271) % 2_147_483_647;
  return state / 2_147_483_647;
};

function history(timeframe: Timeframe, count: number): Candle[] {
  const barMs = timeframeMs(timeframe);
  let close = 90_000;
  return Array.from({ length: count }, (_, i) => {
    const open = close;
    close = open * (1 + (random() - 0.5) * 0.01);
    return {
      openTimeMs: START_MS + i * barMs,
      open,
      high: Math.max(open, close) * 1.001,
      low: Math.min(open, close) * 0.999,
      close,
      volume: 1,
    };
  });
}

/** A contract with 300 bars on each timeframe, ready as after its history load. */
function loadedAnalysis(): { analysis: SymbolAnalysis; forming: Map<Timeframe, Candle> } {
  const analysis = new SymbolAnalysis('XBTUSDTM', config);
  const forming = new Map<Timeframe, Candle>();
  for (const timeframe of timeframes) {
    const followed = analysis.timeframes.get(timeframe);
    if (followed === undefined) throw new Error(`no ${timeframe}`);
    const bars = history(timeframe, 300);
    followed.tracker.load(bars);
    followed.load = { kind: 'loaded' };
    const last = bars.at(-1);
    if (last !== undefined) forming.set(timeframe, last);
  }
  return { analysis, forming };
}

/** The forming bars after one trade at `price`; a bar rolls when the tick's time passes its end. */
function tick(forming: Map<Timeframe, Candle>, price: number, atMs: number): Candle[] {
  const out: Candle[] = [];
  for (const timeframe of timeframes) {
    const bar = forming.get(timeframe);
    if (bar === undefined) continue;
    const barMs = timeframeMs(timeframe);
    const next =
      atMs >= bar.openTimeMs + barMs
        ? {
            openTimeMs: bar.openTimeMs + barMs,
            open: bar.close,
            high: Math.max(bar.close, price),
            low: Math.min(bar.close, price),
            close: price,
            volume: 1,
          }
        : { ...bar, high: Math.max(bar.high, price), low: Math.min(bar.low, price), close: price };
    forming.set(timeframe, next);
    out.push(next);
  }
  return out;
}

function incrementalBench(ticks: number): {
  updateP50: number;
  updateP99: number;
  verdictP50: number;
  verdictP99: number;
} {
  const { analysis, forming } = loadedAnalysis();
  const trackers = timeframes.map((timeframe) => analysis.timeframes.get(timeframe)?.tracker);
  const updates: number[] = [];
  const verdicts: number[] = [];
  let price = forming.get('5m')?.close ?? 90_000;
  const startMs = forming.get('4h')?.openTimeMs ?? START_MS;
  for (let i = 0; i < ticks + 5_000; i += 1) {
    price *= 1 + (random() - 0.5) * 0.001;
    const bars = tick(forming, price, startMs + i * 1_000); // one trade a second: 5m rolls every 300 ticks
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < bars.length; k += 1) trackers[k]?.apply(bars[k]!);
    const t1 = process.hrtime.bigint();
    analysis.evaluate(startMs + i * 1_000);
    const t2 = process.hrtime.bigint();
    if (i < 5_000) continue; // warm-up (JIT)
    updates.push(Number(t1 - t0) / 1_000);
    verdicts.push(Number(t2 - t1) / 1_000);
  }
  updates.sort((a, b) => a - b);
  verdicts.sort((a, b) => a - b);
  return {
    updateP50: percentile(updates, 50),
    updateP99: percentile(updates, 99),
    verdictP50: percentile(verdicts, 50),
    verdictP99: percentile(verdicts, 99),
  };
}

function recomputeBench(runs: number): number {
  const series = timeframes.map((timeframe) => history(timeframe, 300));
  const samples: number[] = [];
  for (let i = 0; i < runs + 200; i += 1) {
    const t0 = process.hrtime.bigint();
    for (const bars of series) {
      const set = new IndicatorSet(config.indicators);
      for (const bar of bars) set.update(bar, false);
      set.readings();
    }
    const t1 = process.hrtime.bigint();
    if (i >= 200) samples.push(Number(t1 - t0) / 1_000);
  }
  samples.sort((a, b) => a - b);
  return percentile(samples, 50);
}

const incremental = incrementalBench(50_000);
const recomputeP50 = recomputeBench(1_000);
console.log(
  JSON.stringify({
    indicatorUpdateP50Us: round(incremental.updateP50),
    indicatorUpdateP99Us: round(incremental.updateP99),
    verdictP50Us: round(incremental.verdictP50),
    verdictP99Us: round(incremental.verdictP99),
    recomputeP50Us: round(recomputeP50),
    incrementalSpeedup: round(recomputeP50 / incremental.updateP50, 1),
  }),
);
