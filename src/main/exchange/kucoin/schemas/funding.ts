import { z } from 'zod';
import { decimalSchema, epochSchema } from './common.ts';

/**
 * One funding settlement of the user (GET /api/v1/funding-history): `funding` is signed USDT
 * (+ received, − paid). See https://www.kucoin.com/docs-new/rest/futures-trading/funding-fees/get-private-funding-history
 */
export const fundingSettlementSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  symbol: z.string(),
  timePoint: epochSchema,
  fundingRate: decimalSchema,
  markPrice: decimalSchema.optional(),
  positionQty: z.number().optional(),
  funding: decimalSchema,
  settleCurrency: z.string().optional(),
  marginMode: z.string().optional(),
});
/** A funding settlement as parsed (decimal strings). */
export type KucoinFundingSettlement = z.infer<typeof fundingSettlementSchema>;

/** `{dataList, hasMore}` page of funding settlements. */
export const fundingHistorySchema = z.looseObject({
  dataList: z.array(fundingSettlementSchema),
  hasMore: z.boolean(),
});
/** A page of funding settlements. */
export type KucoinFundingHistory = z.infer<typeof fundingHistorySchema>;
