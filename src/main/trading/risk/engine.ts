/**
 * The pre-trade risk engine (ADR 0300): pure, synchronous, no I/O. Every order the service sends
 * passes {@link assertOrderAllowed} before it reaches the rate limiter; the order ticket calls
 * {@link evaluateOrder} for a preview without placing anything.
 */
import { format, type Dec, ZERO } from '../../../shared/domain/decimal.ts';
import type { RiskPreview } from '../../../shared/domain/risk.ts';
import { RiskRejectedError } from '../../../shared/errors.ts';
import { computeOrderNumbers, type OrderNumbers } from './numbers.ts';
import {
  checkAgainstVerdict,
  checkContract,
  checkContractSteps,
  checkLeverage,
  checkPriceBand,
  checkReferencePriceAge,
  checkShape,
  checkTradingState,
} from './rules.ts';
import {
  checkMargin,
  checkOrderRate,
  checkReduceOnly,
  checkRiskPerTrade,
  checkSizeLimits,
  checkStopSide,
  checkStopVsLiquidation,
} from './rules-risk.ts';
import { checkLiveSizeCap } from './rules-live-cap.ts';
import { checkTakeProfitSide, rewardOf } from './rules-take-profit.ts';
import type { RiskContext } from './types.ts';

const usdt = (value: Dec): string => format(value, 2);

/**
 * A reduce-only order (a protective stop, a close) only ever takes risk off: it passes whatever the
 * trading state, the contract cache or the contract's status say — closing a position that exists
 * at the exchange is always allowed — and is checked only for its shape, that it never grows the
 * position, and (when the contract is known) its lot and tick steps.
 */
function runReduceOnlyRules(ctx: RiskContext): OrderNumbers | undefined {
  checkShape(ctx);
  checkReduceOnly(ctx);
  const contract = ctx.contract;
  if (contract === undefined) return undefined;
  const n = computeOrderNumbers(ctx, contract);
  checkContractSteps(ctx, contract, n);
  return n;
}

/** Runs every rule in order; throws the first denial. Returns the computed numbers. */
function runRules(ctx: RiskContext): OrderNumbers | undefined {
  if (ctx.order.reduceOnly) return runReduceOnlyRules(ctx);
  checkTradingState(ctx);
  checkReferencePriceAge(ctx);
  checkAgainstVerdict(ctx);
  const contract = checkContract(ctx);
  checkShape(ctx);
  checkReduceOnly(ctx);
  const n = computeOrderNumbers(ctx, contract);
  checkContractSteps(ctx, contract, n);
  checkPriceBand(ctx, n);
  checkLeverage(ctx, contract, n);
  checkStopSide(ctx, n);
  checkStopVsLiquidation(ctx, n);
  checkTakeProfitSide(ctx, n);
  checkMargin(ctx, n);
  checkSizeLimits(ctx, n);
  checkLiveSizeCap(ctx, n);
  checkRiskPerTrade(ctx, n);
  checkOrderRate(ctx);
  return n;
}

function previewOf(ctx: RiskContext, n: OrderNumbers | undefined): RiskPreview {
  return {
    ...rewardOf(ctx, n),
    verdict: 'allow',
    notional: usdt(n?.notional ?? ZERO),
    marginNeeded: usdt(n?.initialMargin ?? ZERO),
    fees: format(n?.fees ?? ZERO, 4),
    availableMargin: usdt(ctx.availableMarginUsdt),
    equity: usdt(ctx.equityUsdt),
    liquidationPrice: format(n?.liquidationPrice ?? ZERO),
    lossAtStop: usdt(n?.lossAtStop ?? ZERO),
    riskPctOfEquity: format(n?.riskPct ?? ZERO, 2),
    referencePrice: format(n?.referencePrice ?? ctx.markPrice),
  };
}

/**
 * Checks an order against every rule.
 * @returns the preview numbers when the order is allowed.
 * @throws RiskRejectedError with `details.ruleId` and the numbers of the first rule that denies.
 */
export function assertOrderAllowed(ctx: RiskContext): RiskPreview {
  return previewOf(ctx, runRules(ctx));
}

/** The order ticket's preview: the numbers and the verdict, never throws for a denial. */
export function evaluateOrder(ctx: RiskContext): RiskPreview {
  try {
    return assertOrderAllowed(ctx);
  } catch (error) {
    if (!(error instanceof RiskRejectedError)) throw error;
    const numbers = ctx.contract === undefined ? undefined : safeNumbers(ctx);
    const { ruleId: _ruleId, ...rest } = error.details;
    return {
      ...previewOf(ctx, numbers),
      verdict: 'deny',
      denial: {
        ruleId: error.ruleId as NonNullable<RiskPreview['denial']>['ruleId'],
        message: error.message,
        numbers: plainNumbers(rest),
      },
    };
  }
}

function safeNumbers(ctx: RiskContext): OrderNumbers | undefined {
  if (ctx.contract === undefined) return undefined;
  try {
    return computeOrderNumbers(ctx, ctx.contract);
  } catch {
    // Malformed numbers were the denial's reason; the preview then shows zeros.
    return undefined;
  }
}

function plainNumbers(details: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[key] = value;
  }
  return out;
}
