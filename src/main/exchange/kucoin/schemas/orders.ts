import { z } from 'zod';
import { decimalSchema, epochSchema, lotsSchema, optionalDecimalSchema, pagedSchema } from './common.ts';

/** POST /api/v1/orders and /api/v1/st-orders answer (docs/reference/kucoin-futures.md#orders). */
export const placeOrderResultSchema = z.looseObject({
  orderId: z.string().min(1),
  clientOid: z.string().min(1),
});
export type KucoinPlaceOrderResult = z.infer<typeof placeOrderResultSchema>;

/** DELETE /api/v1/orders/{id}, /api/v3/orders, /api/v1/stopOrders answer. */
export const cancelledIdsSchema = z.looseObject({
  cancelledOrderIds: z.array(z.string()),
});
export type KucoinCancelledIds = z.infer<typeof cancelledIdsSchema>;

/** DELETE /api/v1/orders/client-order/{clientOid} answer. */
export const cancelByClientOidSchema = z.looseObject({ clientOid: z.string().min(1) });

/** One order as GET endpoints return it (docs/reference/kucoin-futures.md#orders "Order object fields"). */
export const orderSchema = z.looseObject({
  id: z.string().min(1),
  symbol: z.string(),
  type: z.string(),
  side: z.enum(['buy', 'sell']),
  price: optionalDecimalSchema,
  size: lotsSchema,
  value: optionalDecimalSchema,
  dealValue: optionalDecimalSchema,
  dealSize: lotsSchema.optional(),
  filledSize: lotsSchema.optional(),
  filledValue: optionalDecimalSchema,
  avgDealPrice: optionalDecimalSchema,
  stop: z.string().nullable().optional(),
  stopPriceType: z.string().nullable().optional(),
  stopTriggered: z.boolean().optional(),
  stopPrice: optionalDecimalSchema,
  timeInForce: z.string().nullable().optional(),
  postOnly: z.boolean().optional(),
  reduceOnly: z.boolean().optional(),
  closeOrder: z.boolean().optional(),
  leverage: optionalDecimalSchema,
  clientOid: z.string().nullable().optional(),
  isActive: z.boolean(),
  cancelExist: z.boolean().optional(),
  status: z.string(),
  marginMode: z.string().optional(),
  createdAt: epochSchema,
  updatedAt: epochSchema.optional(),
  endAt: epochSchema.nullable().optional(),
});
export type KucoinOrder = z.infer<typeof orderSchema>;
export const ordersPageSchema = pagedSchema(orderSchema);
export type KucoinOrdersPage = z.infer<typeof ordersPageSchema>;

/** One fill (GET /api/v1/fills, docs/reference/kucoin-futures.md#fills). */
export const fillSchema = z.looseObject({
  symbol: z.string(),
  tradeId: z.string().min(1),
  orderId: z.string().min(1),
  side: z.enum(['buy', 'sell']),
  liquidity: z.string().optional(),
  price: decimalSchema,
  size: lotsSchema,
  value: optionalDecimalSchema,
  fee: optionalDecimalSchema,
  feeRate: optionalDecimalSchema,
  feeCurrency: z.string().optional(),
  tradeType: z.string().optional(),
  tradeTime: epochSchema.optional(),
  createdAt: epochSchema.optional(),
  marginMode: z.string().optional(),
});
export type KucoinFill = z.infer<typeof fillSchema>;
export const fillsPageSchema = pagedSchema(fillSchema);
export type KucoinFillsPage = z.infer<typeof fillsPageSchema>;
