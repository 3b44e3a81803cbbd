/**
 * Pre-trade check for the engine's own reduce-only orders (protective stops, closes): they pass
 * the same risk engine as entries, which for reduce-only orders checks only the shape, "reduce-only
 * never grows the position" (nautilus), and lot/tick steps when the contract is known — never the
 * trading state, the contract cache or its status, or the orders-per-minute cap, because they only
 * ever take risk off (ADR 0300).
 */
import { dec, ZERO } from '../../../shared/domain/decimal.ts';
import type { RiskPreview } from '../../../shared/domain/risk.ts';
import type { OrderSpec } from '../orders/order-request.ts';
import type { TradingDeps } from '../deps.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { assertOrderAllowed } from './engine.ts';
import { prepareRiskLimits } from './prepared.ts';

/**
 * Checks a reduce-only spec against the position it reduces.
 * @throws RiskRejectedError with the rule and numbers.
 */
export function assertReduceOnlyAllowed(
  deps: TradingDeps,
  position: ExchangePosition,
  spec: OrderSpec,
): RiskPreview {
  // Only the lot/tick steps use a price here; any known one of the position will do.
  const reference = position.markPrice ?? position.avgEntryPrice ?? spec.stopPrice ?? '1';
  return assertOrderAllowed({
    order: {
      symbol: spec.symbol,
      side: spec.side,
      type: spec.type,
      sizeLots: spec.sizeLots,
      price: spec.price,
      leverage: spec.leverage,
      stopPrice: spec.stopPrice,
      reduceOnly: true,
    },
    contract: deps.contracts.get(spec.symbol)?.prepared,
    markPrice: dec(reference),
    referencePriceAgeMs: 0,
    equityUsdt: ZERO,
    availableMarginUsdt: ZERO,
    marginMode: position.marginMode,
    cross: { totalMarginUsdt: ZERO, otherPositionsValueUsdt: ZERO },
    position: {
      side: position.side,
      sizeLots: position.sizeLots,
      avgEntryPrice: dec(position.avgEntryPrice ?? reference),
    },
    pending: { lots: 0, priceTimesLots: ZERO },
    exposureUsdt: ZERO,
    tradingState: 'ACTIVE',
    ordersInLastMinute: 0,
    limits: prepareRiskLimits(deps.config.risk),
  });
}
