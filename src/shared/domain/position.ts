/** Positions, fills and the protection badge (PROTECTED / NAKED n s). */
import { z } from 'zod';
import { epochMsSchema, positionSideSchema, sideSchema, signedDecimalSchema, symbolSchema } from './primitives.ts';

/** Whether exchange-side stops cover the whole position right now. */
export const protectionStatusSchema = z.enum(['PROTECTED', 'NAKED']);
export type ProtectionStatus = z.infer<typeof protectionStatusSchema>;

/** A position's protection, as the badge shows it. */
export const protectionSchema = z.object({
  status: protectionStatusSchema,
  /** Lots covered by live exchange-side stops. */
  stopLots: z.number().int().nonnegative(),
  stopPrice: z.string().optional(),
  /** When the position became unprotected (absent when protected). */
  nakedSince: epochMsSchema.optional(),
});
export type Protection = z.infer<typeof protectionSchema>;

/** An open position (one-way mode; KuCoin `currentQty` sign gives the side, reference §3.4). */
export const positionSchema = z.object({
  symbol: symbolSchema,
  side: positionSideSchema,
  sizeLots: z.number().int().positive(),
  avgEntryPrice: z.string(),
  markPrice: z.string(),
  liquidationPrice: z.string(),
  leverage: z.number().positive(),
  unrealisedPnl: signedDecimalSchema,
  /** (mark − liquidation) / mark in %, always ≥ 0 while the position lives. */
  distanceToLiquidationPct: z.number(),
  /** The same distance in ATRs, when an ATR is known. */
  distanceToLiquidationAtr: z.number().optional(),
  protection: protectionSchema,
  updatedAt: epochMsSchema,
});
export type Position = z.infer<typeof positionSchema>;

/** How a fill came about (KuCoin `tradeType`, reference §3.3). */
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
