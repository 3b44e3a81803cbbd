import { readPriority, type RequestOptions, type RestCall } from '../rest-call.ts';
import {
  accountOverviewSchema,
  apiKeyInfoSchema,
  type KucoinAccountOverview,
  type KucoinApiKeyInfo,
} from '../schemas/account.ts';

/** GET /api/v1/account-overview?currency= (docs/reference/kucoin-futures.md#account; KuCoin's default currency is XBT, so always pass it). */
export const accountOverviewCall = (
  currency: string,
  options?: RequestOptions,
): RestCall<KucoinAccountOverview> => ({
  host: 'futures',
  method: 'GET',
  route: 'GET /api/v1/account-overview',
  path: '/api/v1/account-overview',
  query: { currency },
  schema: accountOverviewSchema,
  auth: true,
  ...readPriority(options),
  kind: 'read',
});

/** GET /api/v1/user/api-key on the general host: which permissions and IP whitelist the key has. */
export const apiKeyInfoCall = (): RestCall<KucoinApiKeyInfo> => ({
  host: 'general',
  method: 'GET',
  route: 'GET /api/v1/user/api-key',
  path: '/api/v1/user/api-key',
  schema: apiKeyInfoSchema,
  auth: true,
  lane: 'market',
  protective: false,
  kind: 'read',
});
