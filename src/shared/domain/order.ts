/**
 * Orders as the trader and the journal see them. Lifecycle (nautilus/hummingbot style):
 * NEW (journaled, not yet sent) → SUBMITTED (left our process) → ACKED (exchange has it) →
 * PARTIALLY_FILLED → FILLED | CANCELLED | REJECTED; an ambiguous send goes UNKNOWN → RECONCILING
 * until the exchange is asked by clientOid (docs/reference/kucoin-futures.md#duplicate-orders, #lost-orders).
 */
import { z } from 'zod';
import {
  clientOidSchema,
  epochMsSchema,
  orderTypeSchema,
  priceSchema,
  sideSchema,
  symbolSchema,
} from './primitives.ts';

/** Every state an order can be in. */
export const orderStatusSchema = z.enum([
  'NEW',
  'SUBMITTED',
  'ACKED',
  'PARTIALLY_FILLED',
  'FILLED',
  'CANCELLED',
  'REJECTED',
  'UNKNOWN',
  'RECONCILING',
]);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** States after which nothing more can happen to an order. */
export const terminalOrderStatuses: ReadonlySet<OrderStatus> = new Set(['FILLED', 'CANCELLED', 'REJECTED']);

/**
 * Why we sent an order: opens exposure, protects it (the loss-side stop), takes the profit at the
 * trader's target (a reduce-only stop on the profit side, never counted as protection), or takes
 * the position off.
 */
export const orderPurposeSchema = z.enum(['entry', 'stop', 'take-profit', 'close']);
export type OrderPurpose = z.infer<typeof orderPurposeSchema>;

/** An order as tracked by the engine. Sizes in lots, prices as decimal strings. */
export const orderSchema = z.object({
  clientOid: clientOidSchema,
  exchangeOrderId: z.string().optional(),
  symbol: symbolSchema,
  side: sideSchema,
  type: orderTypeSchema,
  purpose: orderPurposeSchema,
  sizeLots: z.number().int().positive(),
  filledLots: z.number().int().nonnegative(),
  price: priceSchema.optional(),
  /** Trigger price for stop orders (mark-price trigger). */
  stopPrice: priceSchema.optional(),
  avgFillPrice: z.string().optional(),
  leverage: z.number().int().positive(),
  reduceOnly: z.boolean(),
  status: orderStatusSchema,
  /** Why the order was rejected or cancelled, in words a trader can act on. */
  reason: z.string().optional(),
  /** For an entry: the clientOid of its protective stop (st-order or separate). */
  linkedStopClientOid: clientOidSchema.optional(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  /** Submit → exchange acknowledgement, measured by us. */
  confirmLatencyMs: z.number().nonnegative().optional(),
});
export type Order = z.infer<typeof orderSchema>;
