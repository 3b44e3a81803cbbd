/**
 * Multi-timeframe analysis channels (ADR 0700–0705): per timeframe a signal from −1 (down) to +1
 * (up) with the indicator values behind it, a weighted verdict with its confidence, and the
 * sentence the ticket shows when an entry goes against that verdict.
 */
import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';
import { epochMsSchema, symbolSchema } from '../../domain/primitives.ts';
import { timeframeSchema } from './market.ts';

/** Which way a signal or the verdict points; `flat` inside the configured dead band. */
export const signalDirectionSchema = z.enum(['up', 'down', 'flat']);
/** Which way a signal or the verdict points. */
export type SignalDirection = z.infer<typeof signalDirectionSchema>;

/** A score from −1 (fully bearish) to +1 (fully bullish). */
const scoreSchema = z.number().min(-1).max(1);

/** One ingredient of a timeframe's signal: its score, its weight and the indicator values it came from. */
export const signalComponentSchema = z.object({
  id: z.enum(['trend', 'momentum', 'macd']),
  /** What the trader reads, e.g. `EMA 9/21 trend`. */
  label: z.string(),
  score: scoreSchema,
  /** Relative weight inside the timeframe's signal. */
  weight: z.number().nonnegative(),
  /** Indicator values by name, in price units (EMA, MACD, ATR) or points (RSI), e.g. `{ "EMA 9": 90123.4 }`. */
  values: z.record(z.string(), z.number()),
});
/** One ingredient of a timeframe's signal. */
export type SignalComponent = z.infer<typeof signalComponentSchema>;

const timeframeBase = {
  timeframe: timeframeSchema,
  /** Weight of this timeframe in the verdict (relative). */
  weight: z.number().positive(),
};

/** A timeframe with enough history: its signal, its components and its ATR. */
export const readyTimeframeSchema = z.object({
  ...timeframeBase,
  status: z.literal('ready'),
  signal: scoreSchema,
  direction: signalDirectionSchema,
  components: z.array(signalComponentSchema),
  /** Average true range in price units, over `atrPeriodBars` bars of this timeframe. */
  atr: z.number().nonnegative(),
  atrPeriodBars: z.number().int().positive(),
  /** Bars the indicators have seen, the forming one included. */
  bars: z.number().int().nonnegative(),
  /** Open time of the bar still forming (its values are replaced on every tick). */
  formingOpenTimeMs: epochMsSchema,
});

/** One timeframe of the strip: a signal, or why there is none yet. */
export const timeframeAnalysisSchema = z.discriminatedUnion('status', [
  readyTimeframeSchema,
  z.object({
    ...timeframeBase,
    status: z.literal('short-history'),
    needsBars: z.number().int().positive(),
    hasBars: z.number().int().nonnegative(),
    /** `not enough history (needs 34 bars of 4h, has 12)` */
    message: z.string(),
  }),
  z.object({ ...timeframeBase, status: z.literal('loading') }),
  z.object({ ...timeframeBase, status: z.literal('unavailable'), message: z.string() }),
]);
/** One timeframe of the strip. */
export type TimeframeAnalysis = z.infer<typeof timeframeAnalysisSchema>;

/** The weighted verdict over the timeframes that have a signal. */
export const verdictSchema = z.object({
  /** Σ weight × signal / Σ weight over the timeframes with a signal, −1…+1. */
  value: scoreSchema,
  direction: signalDirectionSchema,
  /** coverage × agreement, 0…1. */
  confidence: z.number().min(0).max(1),
  /** Share of the configured timeframe weight that has a signal. */
  coverage: z.number().min(0).max(1),
  /** |Σ w·s| / Σ w·|s|: 1 when every timeframe points the same way, 0 when they cancel out. */
  agreement: z.number().min(0).max(1),
  /** The timeframe that pulls hardest in the verdict's direction. */
  strongestTimeframe: timeframeSchema,
});
/** The weighted verdict. */
export type Verdict = z.infer<typeof verdictSchema>;

/** Everything the strip and the ticket need about one contract. */
export const analysisSnapshotSchema = z.object({
  symbol: symbolSchema,
  at: epochMsSchema,
  timeframes: z.array(timeframeAnalysisSchema),
  /** `null` while no timeframe has a signal. */
  verdict: verdictSchema.nullable(),
  /**
   * The ticket's warning per entry side, present when that side goes against a verdict past the
   * configured strength: `Entering long against the 4h downtrend, verdict −0.62`.
   */
  entryWarnings: z.object({ buy: z.string().optional(), sell: z.string().optional() }),
});
/** Everything the strip and the ticket need about one contract. */
export type AnalysisSnapshot = z.infer<typeof analysisSnapshotSchema>;

/** The verdict flipped sign or crossed the configured strength (with hysteresis). */
export const verdictChangedSchema = z.object({
  symbol: symbolSchema,
  at: epochMsSchema,
  change: z.enum(['sign', 'strengthened', 'weakened']),
  verdict: scoreSchema,
  /** The verdict at the previous change, `null` for the first one. */
  previousVerdict: scoreSchema.nullable(),
  direction: signalDirectionSchema,
  /** |verdict| is at or past the alert strength. */
  strong: z.boolean(),
  confidence: z.number().min(0).max(1),
  strongestTimeframe: timeframeSchema,
  /** The sentence an alert carries. */
  message: z.string(),
});
/** The verdict flipped sign or crossed the configured strength. */
export type VerdictChanged = z.infer<typeof verdictChangedSchema>;

const symbolRequest = z.object({ symbol: symbolSchema }).strict();

/** Analysis channels. */
export const analysisChannels = {
  /** The contract the trader is looking at: followed from now on (with every contract that has a position). */
  'analysis:select-symbol': { request: symbolRequest, response: analysisSnapshotSchema },
  /** The latest snapshot of a followed contract; ValidationError `analysis-not-followed` otherwise. */
  'analysis:get-snapshot': { request: symbolRequest, response: analysisSnapshotSchema },
} as const satisfies ChannelMap;

/** Analysis events. */
export const analysisEvents = {
  /** A followed contract's snapshot, at most every `analysis.tracking.publishIntervalMs`. */
  'analysis:snapshot-updated': analysisSnapshotSchema,
  'analysis:verdict-changed': verdictChangedSchema,
} as const satisfies EventMap;
