import { readPriority, type RequestOptions, type RestCall } from '../rest-call.ts';
import { fundingHistorySchema, type KucoinFundingHistory } from '../schemas/funding.ts';

/** What {@link fundingHistoryCall} filters on. `maxCount` ≤ 100 per KuCoin. */
export interface FundingHistoryQuery {
  readonly symbol: string;
  readonly startAtMs?: number;
  readonly endAtMs?: number;
  /** false: oldest first (KuCoin's `reverse`). */
  readonly reverse?: boolean;
  readonly maxCount?: number;
}

/**
 * GET /api/v1/funding-history (Futures pool, weight 5, private): the user's settled funding for one
 * symbol, so funding paid while the app was closed is counted at start.
 */
export const fundingHistoryCall = (
  query: FundingHistoryQuery,
  options?: RequestOptions,
): RestCall<KucoinFundingHistory> => ({
  host: 'futures',
  method: 'GET',
  route: 'GET /api/v1/funding-history',
  path: '/api/v1/funding-history',
  query: {
    symbol: query.symbol,
    startAt: query.startAtMs,
    endAt: query.endAtMs,
    reverse: query.reverse,
    maxCount: query.maxCount,
  },
  schema: fundingHistorySchema,
  auth: true,
  ...readPriority(options),
  kind: 'read',
});
