/**
 * Account totals (docs/reference/kucoin-futures.md#account, #cross-margin): margins held by positions and orders, unrealised PnL,
 * available balance and the cross risk rate. Pure: computed from records and marks.
 */
import { venueErrors } from '../wire/errors.ts';
import type { Dec } from '../model/decimal.ts';
import { add, cmp, d, max, min, mul, quot, round, sign, sub, sum, ZERO } from '../model/decimal.ts';
import { MONEY_SCALE } from '../engine/margin.ts';
import type { PositionMetrics } from '../engine/position-metrics.ts';
import { crossMetrics, isolatedMetrics } from '../engine/position-metrics.ts';
import type { AccountRecord, MarketRecord, PositionRecord } from '../model/state.ts';

/** Every total an account overview, a wallet event or a risk check needs. */
export interface AccountTotals {
  readonly wallet: Dec;
  readonly isolatedPosMargin: Dec;
  readonly isolatedUnPnl: Dec;
  readonly isolatedOrderMargin: Dec;
  readonly crossPosMargin: Dec;
  readonly crossUnPnl: Dec;
  readonly crossOrderMargin: Dec;
  /** Σ cross maintenance + closing fees (numerator of the risk rate). */
  readonly crossMaintenance: Dec;
  /** Margin the cross positions stand on: wallet − isolated holdings + cross uPnL. */
  readonly crossTotalMargin: Dec;
  readonly availableBalance: Dec;
  readonly riskRate: Dec;
}

/** The user's cross leverage on a symbol (default 5, KuCoin's UI default). */
export function crossLeverageOf(account: AccountRecord, symbol: string): Dec {
  return account.crossLeverage.get(symbol) ?? d(5);
}

function marketOf(markets: ReadonlyMap<string, MarketRecord>, symbol: string): MarketRecord {
  const market = markets.get(symbol);
  if (market === undefined) throw venueErrors.contractInvalid(symbol);
  return market;
}

/** Metrics of one position (isolated or cross); `crossCushion` matters only for cross reference prices. */
export function metricsOf(
  account: AccountRecord,
  position: PositionRecord,
  markets: ReadonlyMap<string, MarketRecord>,
  crossCushion: Dec,
): PositionMetrics {
  const market = marketOf(markets, position.symbol);
  const context = {
    spec: market.spec,
    markPrice: market.markPrice,
    fundingRate: market.fundingRate,
    minRiskLevel: account.riskLimitLevels.get(position.symbol) ?? 1,
  };
  if (position.marginMode === 'ISOLATED') return isolatedMetrics(position, context);
  return crossMetrics(position, context, crossLeverageOf(account, position.symbol), crossCushion);
}

function openPositions(account: AccountRecord): PositionRecord[] {
  return [...account.positions.values()].filter((position) => position.qty !== 0n);
}

function orderMargins(account: AccountRecord): { isolated: Dec; cross: Dec } {
  let isolated = ZERO;
  let cross = ZERO;
  for (const order of account.openOrders) {
    if (order.status !== 'open' || order.parked) continue;
    if (order.marginMode === 'ISOLATED') isolated = add(isolated, order.reservedMargin);
    else cross = add(cross, order.reservedMargin);
  }
  return { isolated, cross };
}

/** Computes the account's totals at the current marks. */
export function accountTotals(
  account: AccountRecord,
  markets: ReadonlyMap<string, MarketRecord>,
): AccountTotals {
  const positions = openPositions(account);
  const metrics = positions.map((position) => ({ position, m: metricsOf(account, position, markets, ZERO) }));
  const isolated = metrics.filter((x) => x.position.marginMode === 'ISOLATED');
  const cross = metrics.filter((x) => x.position.marginMode === 'CROSS');
  const orders = orderMargins(account);
  const isolatedPosMargin = sum(isolated.map((x) => x.m.posMargin));
  const crossPosMargin = sum(cross.map((x) => x.m.posMargin));
  const crossUnPnl = sum(cross.map((x) => x.m.unrealisedPnl));
  const crossMaintenance = sum(
    cross.map((x) =>
      add(x.m.posMaint, mul(absValue(x.m.markValue), marketOf(markets, x.position.symbol).spec.takerFeeRate)),
    ),
  );
  const crossTotalMargin = add(sub(sub(account.balance, isolatedPosMargin), orders.isolated), crossUnPnl);
  const held = add(add(add(isolatedPosMargin, crossPosMargin), orders.isolated), orders.cross);
  const available = max(add(sub(account.balance, held), min(crossUnPnl, ZERO)), ZERO);
  return {
    wallet: account.balance,
    isolatedPosMargin,
    isolatedUnPnl: sum(isolated.map((x) => x.m.unrealisedPnl)),
    isolatedOrderMargin: orders.isolated,
    crossPosMargin,
    crossUnPnl,
    crossOrderMargin: orders.cross,
    crossMaintenance,
    crossTotalMargin,
    availableBalance: round(available, MONEY_SCALE, 'down'),
    riskRate: riskRateOf(crossMaintenance, crossTotalMargin, cross.length > 0),
  };
}

function absValue(value: Dec): Dec {
  return sign(value) < 0 ? { m: -value.m, s: value.s } : value;
}

/** riskRate = (Σ MM + close fees) / total cross margin (docs/reference/kucoin-futures.md#cross-margin); 1 when the margin is gone. */
function riskRateOf(maintenance: Dec, totalMargin: Dec, hasCross: boolean): Dec {
  if (!hasCross) return ZERO;
  if (sign(totalMargin) <= 0) return d(1);
  return round(quot(maintenance, totalMargin), MONEY_SCALE, 'half-up');
}

/** Whether the cross account must be liquidated (riskRate ≥ 1, P-RISKRATE). */
export function crossLiquidates(totals: AccountTotals): boolean {
  return cmp(totals.riskRate, d(1)) >= 0;
}
