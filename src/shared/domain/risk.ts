/** What the risk engine says about an order before it is sent: the numbers and the verdict. */
import { z } from 'zod';

/** Every pre-trade rule, by id (used in `RiskRejectedError.details.ruleId`). */
export const riskRuleIdSchema = z.enum([
  'trading-state',
  'contract-tradable',
  'order-shape',
  'lot-size',
  'tick-size',
  'order-size-limits',
  'price-band',
  'leverage',
  'stop-required',
  'stop-side',
  'stop-vs-liquidation',
  'take-profit-side',
  'margin-available',
  'position-limit',
  'notional-limit',
  'account-exposure',
  'risk-per-trade',
  'order-rate',
  'reduce-only',
  'stale-price',
  'against-verdict',
  'live-size-cap',
]);
export type RiskRuleId = z.infer<typeof riskRuleIdSchema>;

/** A denial: which rule, the sentence a trader reads, and the numbers behind it. */
export const riskDenialSchema = z.object({
  ruleId: riskRuleIdSchema,
  message: z.string(),
  numbers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type RiskDenial = z.infer<typeof riskDenialSchema>;

/** The order ticket's preview: all amounts in USDT as decimal strings. */
export const riskPreviewSchema = z.object({
  verdict: z.enum(['allow', 'deny']),
  denial: riskDenialSchema.optional(),
  notional: z.string(),
  marginNeeded: z.string(),
  fees: z.string(),
  availableMargin: z.string(),
  equity: z.string(),
  /** Estimated liquidation price of the resulting position (isolated, docs/reference/kucoin-futures.md#isolated-margin). */
  liquidationPrice: z.string(),
  /** Loss if the stop fills at its trigger, including both fees. */
  lossAtStop: z.string(),
  riskPctOfEquity: z.string(),
  /** With a take-profit: the profit if it fills at its trigger, net of both fees (ADR 0342). */
  profitAtTakeProfit: z.string().optional(),
  /** With a take-profit: profit at the take-profit ÷ loss at the stop. */
  rewardToRisk: z.string().optional(),
  /** Reference price the numbers were computed at (limit price, or mark for market orders). */
  referencePrice: z.string(),
});
export type RiskPreview = z.infer<typeof riskPreviewSchema>;
