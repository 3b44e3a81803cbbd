import type { VenueExchange } from '../../core/index.ts';
import type { Route } from '../route-table.ts';
import { optionalQuery, queryParams, requiredQuery, userOf } from './params.ts';

function priv(method: Route['method'], pattern: string, handle: Route['handle']): Route {
  return { method, pattern, access: 'private', handle };
}

/** docs/reference/kucoin-futures.md#positions isolated margin: add, auto-deposit, withdraw. */
function isolatedMarginRoutes(exchange: VenueExchange): Route[] {
  return [
    priv('POST', '/api/v1/position/margin/deposit-margin', (r) => exchange.depositMargin(userOf(r), r.body)),
    // Deprecated by KuCoin (isolated only) but still served; the spec's path is under /position/margin.
    priv('POST', '/api/v1/position/margin/auto-deposit-status', (r) =>
      exchange.setAutoDeposit(userOf(r), r.body),
    ),
    priv('POST', '/api/v1/margin/withdrawMargin', (r) => exchange.withdrawMargin(userOf(r), r.body)),
    priv('GET', '/api/v1/margin/maxWithdrawMargin', (r) =>
      exchange.maxWithdrawMargin(userOf(r), requiredQuery(r, 'symbol')),
    ),
  ];
}

/** docs/reference/kucoin-futures.md#account and #risk-limits: account, ledger, fees, positions, margin mode, leverage, isolated margin, risk limits, max open size, funding payments. */
export function positionRoutes(exchange: VenueExchange): Route[] {
  return [
    ...isolatedMarginRoutes(exchange),
    // docs/reference/kucoin-futures.md#account: `currency` defaults to XBT on KuCoin; the core answers for whichever currency is asked.
    priv('GET', '/api/v1/account-overview', (r) =>
      exchange.accountOverview(userOf(r), optionalQuery(r, 'currency')),
    ),
    priv('GET', '/api/v1/position', (r) => exchange.position(userOf(r), requiredQuery(r, 'symbol'))),
    priv('GET', '/api/v1/positions', (r) => exchange.positions(userOf(r))),
    priv('GET', '/api/v1/history-positions', (r) => exchange.historyPositions(userOf(r), queryParams(r))),
    priv('GET', '/api/v1/funding-history', (r) => exchange.fundingPayments(userOf(r), queryParams(r))),
    priv('GET', '/api/v2/position/getMarginMode', (r) =>
      exchange.marginMode(userOf(r), requiredQuery(r, 'symbol')),
    ),
    priv('POST', '/api/v2/position/changeMarginMode', (r) => exchange.setMarginMode(userOf(r), r.body)),
    priv('POST', '/api/v2/position/batchChangeMarginMode', (r) =>
      exchange.batchChangeMarginMode(userOf(r), r.body),
    ),
    priv('GET', '/api/v2/batchGetCrossOrderLimit', (r) =>
      exchange.batchCrossOrderLimit(userOf(r), queryParams(r)),
    ),
    priv('POST', '/api/v1/position/risk-limit-level/change', (r) =>
      exchange.changeRiskLimitLevel(userOf(r), r.body),
    ),
    priv('GET', '/api/v1/transaction-history', (r) => exchange.transactionHistory(userOf(r), queryParams(r))),
    priv('GET', '/api/v2/getCrossUserLeverage', (r) =>
      exchange.crossLeverage(userOf(r), requiredQuery(r, 'symbol')),
    ),
    priv('POST', '/api/v2/changeCrossUserLeverage', (r) => exchange.setCrossLeverage(userOf(r), r.body)),
    priv('GET', '/api/v2/getMaxOpenSize', (r) => exchange.maxOpenSize(userOf(r), queryParams(r))),
    {
      // The spec lists the Futures-pool row of trade-fees as PATCH; KuCoin serves it as GET (docs/reference/kucoin-futures.md#account).
      method: 'GET',
      pattern: '/api/v1/trade-fees',
      access: 'private',
      weightKey: 'PATCH /api/v1/trade-fees',
      handle: (r) => exchange.tradeFees(userOf(r), requiredQuery(r, 'symbol')),
    },
  ];
}
