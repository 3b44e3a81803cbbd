import { z } from 'zod';

/**
 * The trader's own readiness criteria (ADR 0650): what a paper track record must show before the
 * readiness panel says "Ready for small live size", and the stricter bar for full size.
 */
const readinessCriteriaSchema = z
  .object({
    /** Distinct UTC days with at least one fill. */
    minTradingDays: z.number().int().min(0).max(3650).default(7),
    /** Closed trades (flat to flat). */
    minTrades: z.number().int().min(0).max(1_000_000).default(20),
    /** Seconds positions stood without a full exchange-side stop beyond `protection.nakedAlertAfterS`, summed. */
    maxUnprotectedSecondsPastLimit: z.number().min(0).max(86_400).default(0),
    /** Largest peak-to-trough fall of the equity curve, percent of the peak. */
    maxDrawdownPct: z.number().min(0).max(100).default(10),
    /** No daily-loss halt (the `daily-loss` trigger) within this many days before now. */
    noDailyLossHaltDays: z.number().int().min(0).max(365).default(3),
  })
  .strict();

/**
 * Optional per-order notional cap in LIVE mode by the paper record's readiness stage (ADR 0653);
 * `null` = no cap for that stage. Part of the risk config: `trading.risk.liveSizeCap`.
 */
export const liveSizeCapSchema = z
  .object({
    /** Off by default: the cap rule passes every order. */
    enabled: z.boolean().default(false),
    /** Cap while the paper record meets neither bar (USDT notional per order). */
    unprovenMaxNotionalUsdt: z.number().positive().nullable().default(100),
    /** Cap once the paper record meets the small-live bar. */
    smallMaxNotionalUsdt: z.number().positive().nullable().default(1_000),
    /** Cap once the paper record meets the full-size bar. */
    fullMaxNotionalUsdt: z.number().positive().nullable().default(null),
  })
  .strict();

/** Track record and readiness tunables. */
export const trackRecordConfigSchema = z
  .object({
    /** Bar for "Ready for small live size". */
    smallLive: readinessCriteriaSchema.prefault({}),
    /** Bar for "Ready for full size" (same checks, 30 days by default). */
    fullSize: readinessCriteriaSchema.prefault({ minTradingDays: 30, minTrades: 100 }),
  })
  .strict();

/** The track record section with defaults applied. */
export type TrackRecordConfig = z.infer<typeof trackRecordConfigSchema>;
/** The live size cap with defaults applied. */
export type LiveSizeCapConfig = z.infer<typeof liveSizeCapSchema>;
/** One readiness bar. */
export type ReadinessCriteria = z.infer<typeof readinessCriteriaSchema>;
