/**
 * Wire-level primitives shared by every trading schema: symbols, sides, decimal strings, lots.
 * These are the validation rules at the IPC boundary (the renderer is untrusted, docs/ARCHITECTURE.md).
 */
import { z } from 'zod';

/**
 * A linear (USDT- or USDC-margined) KuCoin perpetual symbol, e.g. `XBTUSDTM`, `ETHUSDTM`.
 * Coin-margined inverse contracts (`XBTUSDM`) are out of scope: their value and PnL math differ
 * (docs/reference/kucoin-futures.md#rest-conventions, #fees-and-funding), so the boundary refuses them instead of mis-sizing them.
 */
export const symbolSchema = z
  .string()
  .regex(
    /^[A-Z0-9]{2,16}USD[TC]M$/,
    'symbol must look like XBTUSDTM (a USDT/USDC-margined KuCoin perpetual)',
  );
export type Symbol = z.infer<typeof symbolSchema>;

/** Order side in the exchange's words. */
export const sideSchema = z.enum(['buy', 'sell']);
export type Side = z.infer<typeof sideSchema>;

/** Direction of a position. */
export const positionSideSchema = z.enum(['long', 'short']);
export type PositionSide = z.infer<typeof positionSideSchema>;

/** Order type. */
export const orderTypeSchema = z.enum(['limit', 'market']);
export type OrderType = z.infer<typeof orderTypeSchema>;

/** A strictly positive decimal string (`"90000.1"`), as prices travel at the wire. */
export const priceSchema = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,12})?$/, 'price must be a decimal string such as "90000.1"')
  .refine((text) => /[1-9]/.test(text), 'price must be greater than zero');

/** A non-negative decimal string (balances, fees, PnL may be signed: see {@link signedDecimalSchema}). */
export const decimalSchema = z.string().regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal string');

/** A signed decimal string. */
export const signedDecimalSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

/**
 * Order size in whole lots (KuCoin `size`, docs/reference/kucoin-futures.md#rest-conventions). Decision: a JSON **number** that is a
 * positive safe integer — lots are integers by definition, so a number is exact and there is no
 * decimal string to misparse. A string of digits is accepted too and normalised to a number.
 */
export const lotsSchema = z
  .union([z.number(), z.string().regex(/^\d{1,10}$/, 'size must be a whole number of lots')])
  .transform((value) => (typeof value === 'string' ? Number(value) : value))
  .pipe(
    z
      .number()
      .int('size must be a whole number of lots')
      .min(1, 'size must be at least 1 lot')
      .max(1_000_000_000),
  );

/** Leverage: an integer 1–100 at the boundary; the risk engine also caps it per contract and user. */
export const leverageSchema = z.number().int('leverage must be a whole number').min(1).max(100);

/**
 * Our order id at the exchange (KuCoin `clientOid`: ≤ 40 chars of `[0-9A-Za-z_-]`, docs/reference/kucoin-futures.md#orders).
 */
export const clientOidSchema = z
  .string()
  .regex(/^[0-9A-Za-z_-]{1,40}$/, 'clientOid must be 1–40 of [0-9A-Za-z_-]');

/** Epoch milliseconds. */
export const epochMsSchema = z.number().int();
