import type { QueryParams, VenueExchange } from '../../core/index.ts';
import { refuse } from '../kucoin-errors.ts';
import type { Route, RouteRequest } from '../route-table.ts';
import { optionalIntQuery, pathParam, queryParams, requiredIntQuery, requiredQuery } from './params.ts';

/** What the public market routes need besides the exchange. */
export interface MarketRouteDeps {
  readonly exchange: VenueExchange;
  /** Gateway time (what signatures are checked against), ms. */
  readonly gatewayNow: () => number;
}

function depthSize(raw: string): 20 | 100 {
  // KuCoin serves only depth20 and depth100 (docs/reference/kucoin-futures.md#market-data); any other path does not exist.
  if (raw === '20') return 20;
  if (raw === '100') return 100;
  return refuse('404000');
}

/** The query of a series request, once its required `symbol` is known to be there. */
function seriesQuery(request: RouteRequest): QueryParams {
  requiredQuery(request, 'symbol');
  return queryParams(request);
}

/** docs/reference/kucoin-futures.md#server-time and #market-data: server time, status and every public market-data endpoint. */
export function marketRoutes(deps: MarketRouteDeps): Route[] {
  const { exchange } = deps;
  const pub = (method: Route['method'], pattern: string, handle: Route['handle']): Route => ({
    method,
    pattern,
    access: 'public',
    handle,
  });
  return [
    pub('GET', '/api/v1/timestamp', () => deps.gatewayNow()),
    pub('GET', '/api/v1/status', () => exchange.status()),
    pub('GET', '/api/v1/contracts/active', () => exchange.contractsActive()),
    pub('GET', '/api/v1/contracts/{symbol}', (r) => exchange.contract(pathParam(r, 'symbol'))),
    pub('GET', '/api/v1/contracts/risk-limit/{symbol}', (r) =>
      exchange.riskLimitLevels(pathParam(r, 'symbol')),
    ),
    pub('GET', '/api/v1/ticker', (r) => exchange.ticker(requiredQuery(r, 'symbol'))),
    pub('GET', '/api/v1/allTickers', () => exchange.allTickers()),
    // Public channel, though the spec counts it in the Futures pool; with no user, the IP's pool pays.
    pub('GET', '/api/v1/trade-statistics', () => exchange.tradeStatistics()),
    pub('GET', '/api/v1/level2/snapshot', (r) => exchange.level2Snapshot(requiredQuery(r, 'symbol'))),
    pub('GET', '/api/v1/level2/depth{size}', (r) =>
      exchange.depth(requiredQuery(r, 'symbol'), depthSize(pathParam(r, 'size'))),
    ),
    pub('GET', '/api/v1/trade/history', (r) => exchange.tradeHistory(requiredQuery(r, 'symbol'))),
    pub('GET', '/api/v1/kline/query', (r) =>
      exchange.klines(
        requiredQuery(r, 'symbol'),
        requiredIntQuery(r, 'granularity'),
        optionalIntQuery(r, 'from'),
        optionalIntQuery(r, 'to'),
      ),
    ),
    pub('GET', '/api/v1/mark-price/{symbol}/current', (r) => exchange.markPrice(pathParam(r, 'symbol'))),
    pub('GET', '/api/v1/funding-rate/{symbol}/current', (r) =>
      exchange.fundingRateCurrent(pathParam(r, 'symbol')),
    ),
    // docs/reference/kucoin-futures.md#market-data index / premium / interest series: HasMore pager (startAt, endAt, reverse, offset,
    // forward, maxCount ≤ 100); `symbol` is required by the spec (100001 without it).
    pub('GET', '/api/v1/index/query', (r) => exchange.indexSeries(seriesQuery(r))),
    pub('GET', '/api/v1/premium/query', (r) => exchange.premiumSeries(seriesQuery(r))),
    pub('GET', '/api/v1/interest/query', (r) => exchange.interestSeries(seriesQuery(r))),
    pub('GET', '/api/v1/contract/funding-rates', (r) =>
      exchange.fundingHistory(
        requiredQuery(r, 'symbol'),
        requiredIntQuery(r, 'from'),
        requiredIntQuery(r, 'to'),
      ),
    ),
  ];
}
