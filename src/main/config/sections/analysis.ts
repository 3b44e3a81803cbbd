import { z } from 'zod';
import { timeframeSchema } from '../../../shared/ipc/channels/market.ts';

/** Indicator periods, in bars of each timeframe (ADR 0700). */
const indicatorsSchema = z
  .object({
    emaFastPeriodBars: z.number().int().min(2).max(500).default(9),
    emaSlowPeriodBars: z.number().int().min(3).max(500).default(21),
    rsiPeriodBars: z.number().int().min(2).max(500).default(14),
    macdFastPeriodBars: z.number().int().min(2).max(500).default(12),
    macdSlowPeriodBars: z.number().int().min(3).max(500).default(26),
    macdSignalPeriodBars: z.number().int().min(2).max(500).default(9),
    /** The ATR every timeframe keeps (trailing stops may ask for other periods; they are added on demand). */
    atrPeriodBars: z.number().int().min(2).max(500).default(14),
  })
  .strict()
  // The issue names the whole group: dropping one of the pair could leave the other still wrong.
  .refine((value) => value.emaFastPeriodBars < value.emaSlowPeriodBars, {
    message: 'emaFastPeriodBars must be shorter than emaSlowPeriodBars',
  })
  .refine((value) => value.macdFastPeriodBars < value.macdSlowPeriodBars, {
    message: 'macdFastPeriodBars must be shorter than macdSlowPeriodBars',
  });

/** How one timeframe's indicators become a signal from −1 to +1 (ADR 0701). */
const signalSchema = z
  .object({
    /** Share of the signal from the EMA fast/slow trend. Weights are relative; they need not sum to 1. */
    trendWeight: z.number().min(0).max(100).default(0.5),
    /** Share from RSI momentum. */
    momentumWeight: z.number().min(0).max(100).default(0.25),
    /** Share from the MACD histogram. */
    macdWeight: z.number().min(0).max(100).default(0.25),
    /** EMA fast − slow of this many ATRs counts as a full-strength trend (±1). */
    trendFullScaleAtr: z.number().positive().max(100).default(1),
    /** A MACD histogram of this many ATRs counts as full strength (±1). */
    macdFullScaleAtr: z.number().positive().max(100).default(0.25),
    /** RSI this many points from 50 counts as full-strength momentum (±1): 20 → RSI 70 = +1, 30 = −1. */
    rsiFullScalePoints: z.number().positive().max(50).default(20),
    /** A signal within ±this is shown as flat rather than up or down. */
    flatBandSignal: z.number().min(0).max(1).default(0.1),
  })
  .strict()
  .refine((value) => value.trendWeight + value.momentumWeight + value.macdWeight > 0, {
    message: 'at least one of trendWeight, momentumWeight, macdWeight must be above 0',
  });

/** When the verdict changes enough to tell the trader (ADR 0702). */
const verdictSchema = z
  .object({
    /** `analysis:verdict-changed` fires when |verdict| crosses this strength (either way) or the sign flips. */
    alertStrength: z.number().min(0).max(1).default(0.5),
    /** A crossing or a sign flip counts only once the verdict is this far past the line: no flapping on a forming bar. */
    hysteresisSignal: z.number().min(0).max(0.5).default(0.1),
    /** Raise an alert (through the alert desk and its router) on every verdict change. */
    alertsEnabled: z.boolean().default(true),
    alertSeverity: z.enum(['info', 'warning', 'critical']).default('info'),
  })
  .strict();

/** The ticket's warning and the optional risk rule against the verdict (ADR 0703). */
const entrySchema = z
  .object({
    /** Warn on an entry against a verdict at least this strong … */
    warnStrength: z.number().min(0).max(1).default(0.3),
    /** … backed by at least this confidence. */
    warnMinConfidence: z.number().min(0).max(1).default(0.3),
    /** Risk rule `against-verdict`: refuse entries against a strong verdict. Off by default. */
    refuseAgainstVerdict: z.boolean().default(false),
    refuseStrength: z.number().min(0).max(1).default(0.5),
    refuseMinConfidence: z.number().min(0).max(1).default(0.5),
  })
  .strict();

/** Which contracts are followed and how often things are refreshed (ADR 0704). */
const trackingSchema = z
  .object({
    /** Bars of history loaded per timeframe: the warm-up plus enough for EMAs to settle. */
    historyBars: z.number().int().min(50).max(2_000).default(300),
    /** How often the open positions are re-read to follow their contracts. */
    positionsRefreshMs: z.number().int().min(1_000).max(600_000).default(10_000),
    /** A contract the trailing stop asked an ATR of stays followed this long after the last ask. */
    atrDemandTtlMs: z.number().int().min(10_000).max(86_400_000).default(600_000),
    /**
     * After a bar closes, its final values are re-read over REST this much later: the last
     * stream push of a bar may miss its last second of trades.
     */
    closedBarRecheckDelayMs: z.number().int().min(0).max(120_000).default(3_000),
    /** Snapshots reach the renderer at most this often per contract (the strip needs no more). */
    publishIntervalMs: z.number().int().min(50).max(60_000).default(500),
  })
  .strict();

/** Default verdict weight per timeframe: longer bars carry more of the verdict. */
export const defaultTimeframeWeights = {
  '1m': 0.5,
  '5m': 1,
  '15m': 2,
  '30m': 2.5,
  '1h': 3,
  '2h': 3.5,
  '4h': 4,
  '8h': 4.5,
  '12h': 5,
  '1d': 6,
  '1w': 7,
} as const satisfies Record<z.infer<typeof timeframeSchema>, number>;

/** The trader's weights over the defaults, so naming a new timeframe never leaves it without one. */
const timeframeWeightsSchema = z
  .partialRecord(timeframeSchema, z.number().positive().max(1_000))
  .default({})
  .transform((weights): Record<z.infer<typeof timeframeSchema>, number> => ({
    ...defaultTimeframeWeights,
    ...weights,
  }));

/** Multi-timeframe analysis tunables. Every number has its unit in its name and a default. */
export const analysisConfigSchema = z
  .object({
    /** Timeframes of the signals and the verdict, shortest first. */
    timeframes: z.array(timeframeSchema).min(1).max(8).default(['5m', '15m', '1h', '4h']),
    /** Weight of each timeframe in the verdict (relative); unnamed ones keep {@link defaultTimeframeWeights}. */
    timeframeWeights: timeframeWeightsSchema,
    indicators: indicatorsSchema.prefault({}),
    signal: signalSchema.prefault({}),
    verdict: verdictSchema.prefault({}),
    entry: entrySchema.prefault({}),
    tracking: trackingSchema.prefault({}),
  })
  .strict()
  .refine((value) => new Set(value.timeframes).size === value.timeframes.length, {
    message: 'timeframes must not repeat',
    path: ['timeframes'],
  });

/** The analysis section with every default applied. */
export type AnalysisConfig = z.infer<typeof analysisConfigSchema>;
