/** Positions, fills and the protection badge (PROTECTED / NAKED n s). */
import { z } from 'zod';
import {
  epochMsSchema,
  positionSideSchema,
  sideSchema,
  signedDecimalSchema,
  symbolSchema,
} from './primitives.ts';

/**
 * Whether exchange-side loss-side stops cover the whole position right now. `UNKNOWN`: the stops
 * could not be read, so the engine cannot say (it is never shown as PROTECTED on a guess).
 */
export const protectionStatusSchema = z.enum(['PROTECTED', 'NAKED', 'UNKNOWN']);
export type ProtectionStatus = z.infer<typeof protectionStatusSchema>;

/** A position's protection, as the badge shows it. */
export const protectionSchema = z.object({
  status: protectionStatusSchema,
  /** Lots covered by live exchange-side stops. */
  stopLots: z.number().int().nonnegative(),
  stopPrice: z.string().optional(),
  /** When the position became unprotected (absent when protected). */
  nakedSince: epochMsSchema.optional(),
  /** Reduce-only take-profits resting on the profit side (never counted as cover). */
  takeProfits: z.array(z.object({ stopPrice: z.string(), sizeLots: z.number().int().positive() })).optional(),
});
export type Protection = z.infer<typeof protectionSchema>;

/** How a position's margin is held (KuCoin per-symbol setting). */
export const marginModeSchema = z.enum(['ISOLATED', 'CROSS']);
export type MarginMode = z.infer<typeof marginModeSchema>;

/**
 * An open position (one-way mode; the sign of KuCoin's `currentQty` gives the side). A value the
 * exchange did not give and the engine cannot compute is `null` ("unknown" on screen), never a
 * made-up number.
 */
export const positionSchema = z.object({
  symbol: symbolSchema,
  side: positionSideSchema,
  sizeLots: z.number().int().positive(),
  marginMode: marginModeSchema,
  avgEntryPrice: z.string().nullable(),
  markPrice: z.string().nullable(),
  liquidationPrice: z.string().nullable(),
  leverage: z.number().positive().nullable(),
  unrealisedPnl: signedDecimalSchema.nullable(),
  /** Realised PnL of the position so far (USDT, KuCoin `realisedPnl`), when the exchange gives it. */
  realisedPnl: signedDecimalSchema.nullable(),
  /** Margin held by the position (USDT; isolated: its own margin, cross: its maintenance share). */
  marginUsdt: z.string().nullable(),
  /** (mark − liquidation) / mark in %, ≥ 0 while the position lives; null when either is unknown. */
  distanceToLiquidationPct: z.number().nullable(),
  /** The same distance in ATRs, when an ATR is known. */
  distanceToLiquidationAtr: z.number().optional(),
  protection: protectionSchema,
  updatedAt: epochMsSchema,
});
export type Position = z.infer<typeof positionSchema>;

/** How a fill came about (KuCoin `tradeType`, docs/reference/kucoin-futures.md#fills). */
export const fillTradeTypeSchema = z.enum(['trade', 'liquid', 'adl', 'settlement']);

/** One execution. */
export const fillSchema = z.object({
  tradeId: z.string(),
  exchangeOrderId: z.string(),
  clientOid: z.string().optional(),
  symbol: symbolSchema,
  side: sideSchema,
  sizeLots: z.number().int().positive(),
  price: z.string(),
  fee: signedDecimalSchema,
  liquidity: z.enum(['maker', 'taker']),
  tradeType: fillTradeTypeSchema,
  at: epochMsSchema,
});
export type Fill = z.infer<typeof fillSchema>;
