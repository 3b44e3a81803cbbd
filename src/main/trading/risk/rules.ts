/**
 * The pre-trade rules (ADR 0300). Each rule throws a {@link RiskRejectedError} whose
 * `details.ruleId` names it and whose details carry the numbers; the message is the sentence a
 * trader reads ("margin needed 512.40 USDT > available 480.00 USDT"). Rules run cheapest first.
 */
import { RiskRejectedError } from '../../../shared/errors.ts';
import { add, cmp, div, format, isMultipleOf, mul, sub, type Dec } from '../../../shared/domain/decimal.ts';
import type { RiskRuleId } from '../../../shared/domain/risk.ts';
import type { OrderNumbers } from './numbers.ts';
import type { PreparedContract } from './prepared.ts';
import type { RiskContext } from './types.ts';

const HUNDRED: Dec = { m: 100n, s: 0 };
const decimalText = /^\d+(\.\d+)?$/;
const usdt = (value: Dec): string => format(value, 2);

/** Throws the denial for `ruleId`. */
export function deny(
  ruleId: RiskRuleId,
  message: string,
  numbers: Record<string, string | number | boolean>,
): never {
  throw new RiskRejectedError(`risk-${ruleId}`, message, { details: { ruleId, ...numbers } });
}

/** HALTED and REDUCING accept only orders that shrink a position (nautilus TradingState). */
export function checkTradingState(ctx: RiskContext): void {
  if (ctx.tradingState === 'ACTIVE' || ctx.order.reduceOnly) return;
  deny('trading-state', `trading is ${ctx.tradingState}: only orders that reduce a position are accepted`, {
    state: ctx.tradingState,
  });
}

/** The reference (mark) price is fresh: sizing and the stop-side check on an old price would be wrong. */
export function checkReferencePriceAge(ctx: RiskContext): void {
  if (ctx.referencePriceAgeMs <= ctx.limits.maxReferencePriceAgeMs) return;
  deny(
    'stale-price',
    `the mark price is ${(ctx.referencePriceAgeMs / 1000).toFixed(1)} s old (limit ${(ctx.limits.maxReferencePriceAgeMs / 1000).toFixed(1)} s); wait for fresh market data`,
    {
      ageMs: ctx.referencePriceAgeMs,
      maxAgeMs: ctx.limits.maxReferencePriceAgeMs,
    },
  );
}

/** The optional rule against entering against a strong multi-timeframe verdict (off by default). */
export function checkAgainstVerdict(ctx: RiskContext): void {
  if (ctx.againstVerdict === undefined || ctx.order.reduceOnly) return;
  deny('against-verdict', ctx.againstVerdict.message, { ...ctx.againstVerdict.numbers });
}

/** The contract exists and trades. */
export function checkContract(ctx: RiskContext): PreparedContract {
  const contract = ctx.contract;
  if (contract === undefined)
    deny('contract-tradable', `${ctx.order.symbol} is not a listed contract`, { symbol: ctx.order.symbol });
  if (contract.status !== 'Open') {
    deny('contract-tradable', `${contract.symbol} is ${contract.status}, not open for trading`, {
      symbol: contract.symbol,
      status: contract.status,
    });
  }
  return contract;
}

/** Limit orders carry a price, market orders none; prices are decimals; an entry has a stop. */
export function checkShape(ctx: RiskContext): void {
  const { order } = ctx;
  if ((order.type === 'limit') !== (order.price !== undefined)) {
    deny(
      'order-shape',
      order.type === 'limit' ? 'a limit order needs a price' : 'a market order must not carry a price',
      { type: order.type },
    );
  }
  if (!Number.isSafeInteger(order.sizeLots) || order.sizeLots < 1) {
    deny('order-shape', `size ${order.sizeLots} is not a whole number of lots ≥ 1`, {
      sizeLots: order.sizeLots,
    });
  }
  for (const text of [order.price, order.stopPrice, order.takeProfitPrice]) {
    if (text !== undefined && !decimalText.test(text))
      deny('order-shape', `"${text}" is not a decimal price`, { price: text });
  }
  if (!order.reduceOnly && order.stopPrice === undefined) {
    deny('stop-required', 'every entry needs a protective stop price', { symbol: order.symbol });
  }
  const position = ctx.position;
  const orderSide = order.side === 'buy' ? 'long' : 'short';
  if (!order.reduceOnly && position !== undefined && position.side !== orderSide) {
    deny('order-shape', `an entry against the open ${position.side} position; close or reduce it instead`, {
      positionSide: position.side,
    });
  }
}

/** Lot size, tick size, per-order size and price limits of the contract. */
export function checkContractSteps(ctx: RiskContext, contract: PreparedContract, n: OrderNumbers): void {
  const { order } = ctx;
  if (order.sizeLots % contract.lotSize !== 0) {
    deny('lot-size', `size ${order.sizeLots} lots is not a multiple of the lot size ${contract.lotSize}`, {
      sizeLots: order.sizeLots,
      lotSize: contract.lotSize,
    });
  }
  if (order.sizeLots > contract.maxOrderQtyLots) {
    deny(
      'order-size-limits',
      `size ${order.sizeLots} lots > maximum ${contract.maxOrderQtyLots} lots per order`,
      { sizeLots: order.sizeLots, maxOrderQtyLots: contract.maxOrderQtyLots },
    );
  }
  for (const [label, price] of [
    ['price', order.price === undefined ? undefined : n.referencePrice],
    ['stop price', n.stopPrice],
    ['take-profit', n.takeProfitPrice],
  ] as const) {
    if (price === undefined) continue;
    if (!isMultipleOf(price, contract.tickSize)) {
      deny(
        'tick-size',
        `${label} ${format(price)} is not a multiple of the tick size ${format(contract.tickSize)}`,
        { price: format(price), tickSize: format(contract.tickSize) },
      );
    }
    if (cmp(price, contract.maxPrice) > 0 || price.m <= 0n) {
      deny('tick-size', `${label} ${format(price)} is outside 0 < price ≤ ${format(contract.maxPrice)}`, {
        price: format(price),
        maxPrice: format(contract.maxPrice),
      });
    }
  }
}

/** Fat-finger guard: a limit price within ±band % of the mark. */
export function checkPriceBand(ctx: RiskContext, n: OrderNumbers): void {
  if (ctx.order.price === undefined || ctx.order.reduceOnly) return;
  const band = div(mul(ctx.markPrice, ctx.limits.priceBandPct), HUNDRED, 8, 'down');
  const low = sub(ctx.markPrice, band);
  const high = add(ctx.markPrice, band);
  if (cmp(n.referencePrice, low) < 0 || cmp(n.referencePrice, high) > 0) {
    deny(
      'price-band',
      `price ${format(n.referencePrice)} is more than ${format(ctx.limits.priceBandPct)} % from mark ${format(ctx.markPrice)} (allowed ${format(low, 2)}–${format(high, 2)})`,
      {
        price: format(n.referencePrice),
        markPrice: format(ctx.markPrice),
        bandPct: format(ctx.limits.priceBandPct),
      },
    );
  }
}

/** Leverage within 1 … min(contract, risk tier, trader's cap). */
export function checkLeverage(ctx: RiskContext, contract: PreparedContract, n: OrderNumbers): void {
  if (ctx.order.reduceOnly) return;
  const tierMax = n.tier === 'beyond-top-tier' ? 0 : n.tier.maxLeverage;
  const allowed = Math.min(contract.maxLeverage, tierMax, ctx.limits.userMaxLeverage);
  if (n.tier === 'beyond-top-tier') {
    deny(
      'position-limit',
      `position value ${usdt(n.resultingNotional)} USDT exceeds the contract's highest risk-limit tier`,
      { resultingNotional: usdt(n.resultingNotional) },
    );
  }
  if (!Number.isInteger(ctx.order.leverage) || ctx.order.leverage < 1 || ctx.order.leverage > allowed) {
    deny(
      'leverage',
      `leverage ${ctx.order.leverage}× is outside 1–${allowed}× (contract ${contract.maxLeverage}×, risk tier ${tierMax}×, your cap ${ctx.limits.userMaxLeverage}×)`,
      {
        leverage: ctx.order.leverage,
        maxLeverage: allowed,
      },
    );
  }
}
