/** Trailing stops: how far behind the best price the stop follows, and the persisted state. */
import { z } from 'zod';
import { decimalSchema, epochMsSchema, positionSideSchema, priceSchema, symbolSchema } from './primitives.ts';

/**
 * Distance of a trailing stop:
 * - `percent`: `distance` % of the best price (e.g. "1.5"),
 * - `price`: an absolute price distance (e.g. "250"),
 * - `atr`: `distance` × ATR(`atrPeriod`) on `atrTimeframeMin`-minute candles.
 */
export const trailingSpecSchema = z.object({
  mode: z.enum(['percent', 'price', 'atr']),
  distance: decimalSchema.refine((text) => /[1-9]/.test(text), 'distance must be greater than zero'),
  atrPeriod: z.number().int().min(2).max(200).optional(),
  atrTimeframeMin: z.number().int().positive().optional(),
  /** Trailing starts only once the mark price has reached this price (in the trader's favour). */
  activationPrice: priceSchema.optional(),
});
export type TrailingSpec = z.infer<typeof trailingSpecSchema>;

/** A trailing stop's live state, persisted in the journal and resumed after a restart. */
export const trailingStateSchema = z.object({
  symbol: symbolSchema,
  positionSide: positionSideSchema,
  spec: trailingSpecSchema,
  activated: z.boolean(),
  /** Best mark price seen since activation (highest for a long, lowest for a short). */
  bestPrice: z.string().optional(),
  /** The trigger price of the live exchange stop. */
  stopPrice: z.string(),
  lastMovedAt: epochMsSchema.optional(),
  /** Unprotected time during the last move in ms: 0 when the new stop was live before the old was cancelled. */
  lastHandOffGapMs: z.number().nonnegative().optional(),
  /** How long both stops overlapped during the last move, in ms (the cost of never being naked). */
  lastHandOffOverlapMs: z.number().nonnegative().optional(),
});
export type TrailingState = z.infer<typeof trailingStateSchema>;
