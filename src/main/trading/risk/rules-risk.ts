/**
 * The money rules: stop placement, margin, position and account limits, risk per trade, order
 * rate, reduce-only. See rules.ts for the conventions.
 */
import { add, cmp, div, format, mul, sub, type Dec } from '../../../shared/domain/decimal.ts';
import type { OrderNumbers } from './numbers.ts';
import { deny } from './rules.ts';
import type { RiskContext } from './types.ts';

const HUNDRED: Dec = { m: 100n, s: 0 };
const usdt = (value: Dec): string => format(value, 2);

/** A long's stop sits below entry and mark, a short's above: else it fires at once (docs/reference/kucoin-futures.md#stop-direction). */
export function checkStopSide(ctx: RiskContext, n: OrderNumbers): void {
  const stop = n.stopPrice;
  if (ctx.order.reduceOnly || stop === undefined) return;
  const long = n.resultingSide === 'long';
  const bound = long
    ? cmp(n.referencePrice, ctx.markPrice) < 0
      ? n.referencePrice
      : ctx.markPrice
    : cmp(n.referencePrice, ctx.markPrice) > 0
      ? n.referencePrice
      : ctx.markPrice;
  const wrong = long ? cmp(stop, bound) >= 0 : cmp(stop, bound) <= 0;
  if (wrong) {
    deny(
      'stop-side',
      `stop ${format(stop)} must be ${long ? 'below' : 'above'} ${format(bound)} for a ${n.resultingSide}`,
      {
        stopPrice: format(stop),
        bound: format(bound),
        side: n.resultingSide,
      },
    );
  }
}

/** The stop must trigger before liquidation, by a buffer of the entry→liquidation distance. */
export function checkStopVsLiquidation(ctx: RiskContext, n: OrderNumbers): void {
  const stop = n.stopPrice;
  if (ctx.order.reduceOnly || stop === undefined) return;
  const distance = sub(n.resultingEntry, n.liquidationPrice);
  const buffer = div(mul(distance, ctx.limits.stopLiquidationBufferPct), HUNDRED, 8, 'half-up');
  const limit = add(n.liquidationPrice, buffer);
  const long = n.resultingSide === 'long';
  const tooFar = long ? cmp(stop, limit) < 0 : cmp(stop, limit) > 0;
  if (tooFar) {
    deny(
      'stop-vs-liquidation',
      `stop ${format(stop)} is beyond the safe limit ${format(limit, 2)} (estimated liquidation ${format(n.liquidationPrice)}, buffer ${format(ctx.limits.stopLiquidationBufferPct)} %)`,
      {
        stopPrice: format(stop),
        liquidationPrice: format(n.liquidationPrice),
        safeLimit: format(limit, 2),
      },
    );
  }
}

/** Initial margin + fees ≤ available margin. */
export function checkMargin(ctx: RiskContext, n: OrderNumbers): void {
  if (ctx.order.reduceOnly) return;
  const needed = add(n.initialMargin, n.fees);
  if (cmp(needed, ctx.availableMarginUsdt) > 0) {
    deny(
      'margin-available',
      `margin needed ${usdt(needed)} USDT > available ${usdt(ctx.availableMarginUsdt)} USDT`,
      {
        marginNeeded: usdt(needed),
        initialMargin: usdt(n.initialMargin),
        fees: usdt(n.fees),
        available: usdt(ctx.availableMarginUsdt),
      },
    );
  }
}

/** Position lots and value within the contract's limits; total exposure within the account's. */
export function checkSizeLimits(ctx: RiskContext, n: OrderNumbers): void {
  if (ctx.order.reduceOnly) return;
  const limits = ctx.limits.limitsFor(ctx.order.symbol);
  if (n.resultingLots > limits.maxPositionLots) {
    deny(
      'position-limit',
      `position would be ${n.resultingLots} lots > limit ${limits.maxPositionLots} lots`,
      { resultingLots: n.resultingLots, maxPositionLots: limits.maxPositionLots },
    );
  }
  if (cmp(n.resultingNotional, limits.maxPositionNotionalUsdt) > 0) {
    deny(
      'notional-limit',
      `position value would be ${usdt(n.resultingNotional)} USDT > limit ${usdt(limits.maxPositionNotionalUsdt)} USDT`,
      {
        resultingNotional: usdt(n.resultingNotional),
        maxPositionNotional: usdt(limits.maxPositionNotionalUsdt),
      },
    );
  }
  const exposure = add(ctx.exposureUsdt, n.notional);
  if (cmp(exposure, ctx.limits.maxAccountExposureUsdt) > 0) {
    deny(
      'account-exposure',
      `total exposure would be ${usdt(exposure)} USDT > limit ${usdt(ctx.limits.maxAccountExposureUsdt)} USDT`,
      {
        exposure: usdt(exposure),
        maxAccountExposure: usdt(ctx.limits.maxAccountExposureUsdt),
      },
    );
  }
}

/** Loss at the stop (incl. fees) ≤ max risk per trade (% of equity). */
export function checkRiskPerTrade(ctx: RiskContext, n: OrderNumbers): void {
  if (ctx.order.reduceOnly) return;
  const allowed = div(mul(ctx.equityUsdt, ctx.limits.maxRiskPerTradePct), HUNDRED, 8, 'down');
  if (cmp(n.lossAtStop, allowed) > 0) {
    deny(
      'risk-per-trade',
      `loss at stop ${usdt(n.lossAtStop)} USDT (${format(n.riskPct, 2)} % of equity) > max ${usdt(allowed)} USDT (${format(ctx.limits.maxRiskPerTradePct)} %)`,
      {
        lossAtStop: usdt(n.lossAtStop),
        riskPct: format(n.riskPct, 2),
        maxRiskUsdt: usdt(allowed),
      },
    );
  }
}

/** Orders-per-minute cap (entries and closes the trader sends; protective stops are exempt). */
export function checkOrderRate(ctx: RiskContext): void {
  if (ctx.order.reduceOnly) return;
  if (ctx.ordersInLastMinute + 1 > ctx.limits.maxOrdersPerMinute) {
    deny(
      'order-rate',
      `${ctx.ordersInLastMinute} orders in the last minute; the limit is ${ctx.limits.maxOrdersPerMinute}`,
      {
        ordersInLastMinute: ctx.ordersInLastMinute,
        maxOrdersPerMinute: ctx.limits.maxOrdersPerMinute,
      },
    );
  }
}

/** A reduce-only order must face an open position and not exceed it (nautilus). */
export function checkReduceOnly(ctx: RiskContext): void {
  if (!ctx.order.reduceOnly) return;
  const position = ctx.position;
  const closes = ctx.order.side === 'buy' ? 'short' : 'long';
  if (position?.side !== closes) {
    deny(
      'reduce-only',
      `a reduce-only ${ctx.order.side} needs an open ${closes} position on ${ctx.order.symbol}`,
      { side: ctx.order.side },
    );
  }
  if (ctx.order.sizeLots > position.sizeLots) {
    deny('reduce-only', `reduce-only size ${ctx.order.sizeLots} lots > position ${position.sizeLots} lots`, {
      sizeLots: ctx.order.sizeLots,
      positionLots: position.sizeLots,
    });
  }
}
