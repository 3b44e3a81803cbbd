import { z } from 'zod';
import { decimalSchema, optionalDecimalSchema } from './common.ts';

/** GET /api/v1/account-overview?currency=USDT (docs/reference/kucoin-futures.md#account). */
export const accountOverviewSchema = z.looseObject({
  currency: z.string(),
  accountEquity: decimalSchema,
  unrealisedPNL: decimalSchema,
  marginBalance: decimalSchema,
  positionMargin: decimalSchema,
  orderMargin: decimalSchema,
  frozenFunds: decimalSchema,
  availableBalance: decimalSchema,
  riskRatio: optionalDecimalSchema,
  maxWithdrawAmount: optionalDecimalSchema,
});
export type KucoinAccountOverview = z.infer<typeof accountOverviewSchema>;

/** GET /api/v1/user/api-key on the general host (SPEC-ACC). */
export const apiKeyInfoSchema = z.looseObject({
  apiKey: z.string(),
  apiVersion: z.number().int(),
  permission: z.string(),
  remark: z.string().nullable().optional(),
  ipWhitelist: z.string().nullable().optional(),
  createdAt: z.number().optional(),
  uid: z.union([z.number(), z.string()]).optional(),
  isMaster: z.boolean().optional(),
  subName: z.string().nullable().optional(),
});
export type KucoinApiKeyInfo = z.infer<typeof apiKeyInfoSchema>;
