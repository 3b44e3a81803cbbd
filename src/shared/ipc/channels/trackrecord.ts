/**
 * Track record channels (ADR 0650–0652): the record of one trading mode computed in main from that
 * mode's journal — trades, equity curve, PnL per day, figures, safety record — with the readiness
 * verdict against the trader's criteria, and its CSV export.
 */
import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';
import { epochMsSchema, positionSideSchema, signedDecimalSchema } from '../../domain/primitives.ts';
import { tradingModeSchema } from './app.ts';

/** One closed trade: a position of one symbol from flat back to flat. Money in USDT, decimal strings. */
export const trackTradeSchema = z.object({
  symbol: z.string(),
  side: positionSideSchema,
  openedAt: epochMsSchema,
  closedAt: epochMsSchema,
  holdMs: z.number().int().nonnegative(),
  /** Largest size the position reached, in lots. */
  maxLots: z.number().int().positive(),
  /** Average price of the opening fills. */
  entryPrice: z.string(),
  /** Average price of the closing fills. */
  exitPrice: z.string(),
  /** The protective stop of the entry order (1R is the loss at this stop); null when not ours. */
  stopPrice: z.string().nullable(),
  /** Price PnL of the closing fills against the average entry. */
  grossPnlUsdt: signedDecimalSchema,
  /** Fees of every fill of the trade (a maker rebate counts negative). */
  feesUsdt: signedDecimalSchema,
  /** Funding settled on the symbol while the trade was open (positive = received). */
  fundingUsdt: signedDecimalSchema,
  /** gross − fees + funding. */
  netPnlUsdt: signedDecimalSchema,
  /** net ÷ (|entry − stop| × maxLots × multiplier); null without a stop. */
  rMultiple: z.number().nullable(),
});
/** One closed trade. */
export type TrackTrade = z.infer<typeof trackTradeSchema>;

/** The trade figures. */
export const trackSummarySchema = z.object({
  trades: z.number().int().nonnegative(),
  wins: z.number().int().nonnegative(),
  losses: z.number().int().nonnegative(),
  /** Wins ÷ trades × 100; null without trades. */
  winRatePct: z.number().nullable(),
  /** Σ winning net ÷ |Σ losing net|; null without a losing trade. */
  profitFactor: z.number().nullable(),
  grossProfitUsdt: signedDecimalSchema,
  grossLossUsdt: signedDecimalSchema,
  netPnlUsdt: signedDecimalSchema,
  feesUsdt: signedDecimalSchema,
  fundingUsdt: signedDecimalSchema,
  /** Largest peak-to-trough fall of the equity curve, % of the peak. */
  maxDrawdownPct: z.number().nonnegative(),
  maxDrawdownUsdt: signedDecimalSchema,
  averageHoldMs: z.number().nonnegative().nullable(),
  /** Mean R over the trades that have one. */
  averageR: z.number().nullable(),
  /** Distinct UTC days with at least one fill. */
  tradingDays: z.number().int().nonnegative(),
  /** Positions still open (not in the trades). */
  openTrades: z.number().int().nonnegative(),
});
/** The trade figures. */
export type TrackSummary = z.infer<typeof trackSummarySchema>;

/** One point of the equity curve: starting equity plus the net PnL of the trades closed so far. */
export const equityPointSchema = z.object({ at: epochMsSchema, equityUsdt: signedDecimalSchema });
/** One point of the equity curve. */
export type EquityPoint = z.infer<typeof equityPointSchema>;

/** Net PnL of the trades closed on one UTC day. */
export const dayPnlSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  pnlUsdt: signedDecimalSchema,
  trades: z.number().int().nonnegative(),
});
/** Net PnL of one UTC day. */
export type DayPnl = z.infer<typeof dayPnlSchema>;

/** The safety record. */
export const safetyRecordSchema = z.object({
  /** Seconds positions stood NAKED (no full exchange-side stop), summed over every episode. */
  secondsUnprotected: z.number().nonnegative(),
  /** Σ max(0, episode − limit): the part the alert limit did not excuse. */
  secondsUnprotectedPastLimit: z.number().nonnegative(),
  /** The limit (`protection.nakedAlertAfterS`). */
  unprotectedLimitS: z.number().nonnegative(),
  nakedEpisodes: z.number().int().nonnegative(),
  riskDenials: z.array(z.object({ ruleId: z.string(), count: z.number().int().positive() })),
  killSwitchUses: z.number().int().nonnegative(),
  breakerOpens: z.number().int().nonnegative(),
  emergencyCloses: z.number().int().nonnegative(),
  dailyLossHalts: z.number().int().nonnegative(),
  /** The last time a daily-loss halt held (now, while it still holds); null if never. */
  lastDailyLossHaltAt: epochMsSchema.nullable(),
});
/** The safety record. */
export type SafetyRecord = z.infer<typeof safetyRecordSchema>;

/** Where a record stands against the two bars. */
export const readinessStageSchema = z.enum(['unproven', 'small', 'full']);
/** Where a record stands. */
export type ReadinessStage = z.infer<typeof readinessStageSchema>;

/** One criterion of the small-live bar, checked. */
export const readinessCheckSchema = z.object({
  id: z.enum(['trading-days', 'trades', 'unprotected', 'drawdown', 'daily-loss-halt']),
  passed: z.boolean(),
  /** `4 of 7 days`, `drawdown 12.3 % > 10 %`. */
  text: z.string(),
});
/** One criterion, checked. */
export type ReadinessCheck = z.infer<typeof readinessCheckSchema>;

/** The readiness verdict. */
export const readinessSchema = z.object({
  stage: readinessStageSchema,
  /** "Ready for small live size" / "Not yet: 4 of 7 days, drawdown 12.3 % > 10 %". */
  sentence: z.string(),
  /** The small-live bar's checks. */
  checks: z.array(readinessCheckSchema),
});
/** The readiness verdict. */
export type Readiness = z.infer<typeof readinessSchema>;

/** The whole view of one mode. */
export const trackRecordSchema = z.object({
  mode: tradingModeSchema,
  computedAt: epochMsSchema,
  /** Account equity the first time an entry was checked (the curve's base); null without one. */
  startingEquityUsdt: signedDecimalSchema.nullable(),
  trades: z.array(trackTradeSchema),
  equityCurve: z.array(equityPointSchema),
  pnlByDay: z.array(dayPnlSchema),
  summary: trackSummarySchema,
  safety: safetyRecordSchema,
  readiness: readinessSchema,
});
/** The whole view of one mode. */
export type TrackRecord = z.infer<typeof trackRecordSchema>;

/** What the CSV export wrote. */
export const trackRecordExportSchema = z.object({
  filePath: z.string(),
  csv: z.string(),
  trades: z.number().int().nonnegative(),
});
/** What the CSV export wrote. */
export type TrackRecordExport = z.infer<typeof trackRecordExportSchema>;

const modeRequest = z.object({ mode: tradingModeSchema }).strict();

/** The track record channels. */
export const trackrecordChannels = {
  'trackrecord:get-record': { request: modeRequest, response: trackRecordSchema },
  /** Main writes the CSV under the user-data `exports/` folder (the renderer never names a path) and returns it. */
  'trackrecord:export-csv': { request: modeRequest, response: trackRecordExportSchema },
} as const satisfies ChannelMap;

/** No pushed events: the view asks when it opens or refreshes. */
export const trackrecordEvents = {} as const satisfies EventMap;
