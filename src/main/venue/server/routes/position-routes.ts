import type { VenueExchange } from '../../core/index.ts';
import type { Route } from '../route-table.ts';
import { batchChangeMarginMode } from './batch-margin-mode.ts';
import { optionalQuery, queryParams, requiredQuery, userOf } from './params.ts';

/** §3.2 and §3.4: account overview, positions, margin mode, cross leverage, isolated margin, max open size, funding payments. */
export function positionRoutes(exchange: VenueExchange): Route[] {
  const priv = (method: Route['method'], pattern: string, handle: Route['handle']): Route => ({
    method,
    pattern,
    access: 'private',
    handle,
  });
  return [
    // §3.2: `currency` defaults to XBT on KuCoin; the core answers for whichever currency is asked.
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
      batchChangeMarginMode(exchange, userOf(r), r.body),
    ),
    priv('GET', '/api/v2/getCrossUserLeverage', (r) =>
      exchange.crossLeverage(userOf(r), requiredQuery(r, 'symbol')),
    ),
    priv('POST', '/api/v2/changeCrossUserLeverage', (r) => exchange.setCrossLeverage(userOf(r), r.body)),
    priv('POST', '/api/v1/position/margin/deposit-margin', (r) => exchange.depositMargin(userOf(r), r.body)),
    priv('POST', '/api/v1/margin/withdrawMargin', (r) => exchange.withdrawMargin(userOf(r), r.body)),
    priv('GET', '/api/v1/margin/maxWithdrawMargin', (r) =>
      exchange.maxWithdrawMargin(userOf(r), requiredQuery(r, 'symbol')),
    ),
    priv('GET', '/api/v2/getMaxOpenSize', (r) => exchange.maxOpenSize(userOf(r), queryParams(r))),
    {
      // §3.2: the user's fee rates are the contract's (no VIP tiers on the venue).
      method: 'GET',
      pattern: '/api/v1/trade-fees',
      access: 'private',
      weightKey: 'PATCH /api/v1/trade-fees',
      handle: (r) => {
        userOf(r);
        const contract = exchange.contract(requiredQuery(r, 'symbol'));
        return {
          symbol: contract.symbol,
          takerFeeRate: String(contract.takerFeeRate),
          makerFeeRate: String(contract.makerFeeRate),
        };
      },
    },
  ];
}
