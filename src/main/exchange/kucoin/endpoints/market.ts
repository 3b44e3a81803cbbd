import type { z } from 'zod';
import { readPriority, type RequestOptions, type RestCall } from '../rest-call.ts';
import {
  bulletSchema,
  contractSchema,
  contractsSchema,
  fundingRateHistorySchema,
  fundingRateSchema,
  klinesSchema,
  level2SnapshotSchema,
  markPriceSchema,
  serverTimeSchema,
  tickerSchema,
} from '../schemas/market.ts';

/** Kline granularities KuCoin accepts, in minutes (docs/reference/kucoin-futures.md#market-data). */
export const klineGranularitiesMin = [1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 10080] as const;
/** A KuCoin kline granularity in minutes. */
export type KlineGranularityMin = (typeof klineGranularitiesMin)[number];

function publicGet<T>(
  route: string,
  path: string,
  schema: z.ZodType<T>,
  query?: RestCall<T>['query'],
): RestCall<T> {
  return {
    host: 'futures',
    method: 'GET',
    route: `GET ${route}`,
    path,
    schema,
    auth: false,
    lane: 'market',
    protective: false,
    kind: 'read',
    ...(query === undefined ? {} : { query }),
  };
}

const symbolPath = (symbol: string): string => encodeURIComponent(symbol);

/** GET /api/v1/timestamp (docs/reference/kucoin-futures.md#server-time). */
export const serverTimeCall = (signal?: AbortSignal): RestCall<number> => ({
  ...publicGet('/api/v1/timestamp', '/api/v1/timestamp', serverTimeSchema),
  ...(signal === undefined ? {} : { signal }),
});

/** GET /api/v1/contracts/active (docs/reference/kucoin-futures.md#market-data). */
export const activeContractsCall = () =>
  publicGet('/api/v1/contracts/active', '/api/v1/contracts/active', contractsSchema);

/** GET /api/v1/contracts/{symbol} (docs/reference/kucoin-futures.md#market-data). */
export const contractCall = (symbol: string) =>
  publicGet('/api/v1/contracts/{symbol}', `/api/v1/contracts/${symbolPath(symbol)}`, contractSchema);

/** GET /api/v1/ticker?symbol= (docs/reference/kucoin-futures.md#market-data). */
export const tickerCall = (symbol: string) =>
  publicGet('/api/v1/ticker', '/api/v1/ticker', tickerSchema, { symbol });

/** GET /api/v1/level2/snapshot?symbol= (docs/reference/kucoin-futures.md#market-data). */
export const level2SnapshotCall = (symbol: string) =>
  publicGet('/api/v1/level2/snapshot', '/api/v1/level2/snapshot', level2SnapshotSchema, { symbol });

/** What {@link klinesCall} asks for: `fromMs`/`toMs` bound the bar start times. */
export interface KlineQuery {
  readonly symbol: string;
  readonly granularityMin: KlineGranularityMin;
  readonly fromMs?: number;
  readonly toMs?: number;
}

/** GET /api/v1/kline/query (docs/reference/kucoin-futures.md#market-data): rows `[startMs, open, high, low, close, volume]`, ≤ 500 per call. */
export const klinesCall = (query: KlineQuery) =>
  publicGet('/api/v1/kline/query', '/api/v1/kline/query', klinesSchema, {
    symbol: query.symbol,
    granularity: query.granularityMin,
    from: query.fromMs,
    to: query.toMs,
  });

/** GET /api/v1/mark-price/{symbol}/current (docs/reference/kucoin-futures.md#market-data); protective when `options.lane` says so. */
export const markPriceCall = (symbol: string, options?: RequestOptions) => ({
  ...publicGet(
    '/api/v1/mark-price/{symbol}/current',
    `/api/v1/mark-price/${symbolPath(symbol)}/current`,
    markPriceSchema,
  ),
  ...readPriority(options),
});

/** GET /api/v1/funding-rate/{symbol}/current (docs/reference/kucoin-futures.md#market-data). */
export const fundingRateCall = (symbol: string) =>
  publicGet(
    '/api/v1/funding-rate/{symbol}/current',
    `/api/v1/funding-rate/${symbolPath(symbol)}/current`,
    fundingRateSchema,
  );

/**
 * GET /api/v1/contract/funding-rates?symbol&from&to: the contract's settled funding rates in the
 * window, public (https://www.kucoin.com/docs-new/rest/futures-trading/funding-fees/get-public-funding-history).
 */
export const fundingRateHistoryCall = (symbol: string, fromMs: number, toMs: number) =>
  publicGet('/api/v1/contract/funding-rates', '/api/v1/contract/funding-rates', fundingRateHistorySchema, {
    symbol,
    from: fromMs,
    to: toMs,
  });

/** POST /api/v1/bullet-public (docs/reference/kucoin-futures.md#ws-token): unsigned; safe to retry (it only issues a token). */
export const publicTokenCall = (): RestCall<z.infer<typeof bulletSchema>> => ({
  host: 'futures',
  method: 'POST',
  route: 'POST /api/v1/bullet-public',
  path: '/api/v1/bullet-public',
  schema: bulletSchema,
  auth: false,
  lane: 'market',
  protective: false,
  kind: 'read',
});

/** POST /api/v1/bullet-private (docs/reference/kucoin-futures.md#ws-token): signed with an empty body (vector V6). */
export const privateTokenCall = (): RestCall<z.infer<typeof bulletSchema>> => ({
  host: 'futures',
  method: 'POST',
  route: 'POST /api/v1/bullet-private',
  path: '/api/v1/bullet-private',
  schema: bulletSchema,
  auth: true,
  lane: 'order',
  protective: false,
  kind: 'read',
});
