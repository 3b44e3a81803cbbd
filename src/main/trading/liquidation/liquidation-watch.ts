/**
 * Liquidation watch (ADR 0305): distance mark → liquidation in % and in ATRs per position;
 * warning and critical alerts once each per approach (hysteresis), and an event for the view.
 * When the exchange reports no liquidation price (docs/reference/kucoin-futures.md#liquidation-despite-a-stop: "liquidationPrice 0") the
 * engine's own estimate (docs/reference/kucoin-futures.md#isolated-margin) is used instead.
 */
import { dec, format, isDecimalString, mul, roundToTick, type Dec } from '../../../shared/domain/decimal.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { raiseAlert, type TradingDeps } from '../deps.ts';
import { estimateLiquidationPrice } from '../risk/liquidation.ts';
import { tierFor, type PreparedContract } from '../risk/prepared.ts';
import type { ExchangePosition } from '../wire-map.ts';
import {
  distanceToLiquidationPct,
  nextLiquidationLevel,
  type LiquidationLevel,
} from './liquidation-levels.ts';

/** What the watch computed for one position. */
export interface LiquidationReading {
  /** Undefined when the exchange gave none and none could be estimated. */
  readonly liquidationPrice: string | undefined;
  /** NaN when the mark or the liquidation price is unknown. */
  readonly distancePct: number;
  readonly distanceAtr?: number;
  readonly level: LiquidationLevel;
}

/** The watch. */
export interface LiquidationWatch {
  observe(position: ExchangePosition, atr: number | undefined): LiquidationReading;
  forget(symbol: string): void;
}

/** Builds the watch. */
export function createLiquidationWatch(deps: TradingDeps): LiquidationWatch {
  const levels = new Map<string, LiquidationLevel>();
  return {
    forget: (symbol) => levels.delete(symbol),
    observe(position, atr) {
      const liquidationPrice = liquidationOf(deps, position);
      const markText = position.markPrice;
      const mark = Number(markText);
      // Unknown mark or liquidation: no distance, and no warning made up from a missing number.
      if (liquidationPrice === undefined || markText === undefined || !(mark > 0))
        return { liquidationPrice, distancePct: Number.NaN, level: levels.get(position.symbol) ?? 'none' };
      const distancePct = distanceToLiquidationPct(position.side, mark, Number(liquidationPrice));
      const gap = Math.abs(mark - Number(liquidationPrice));
      const distanceAtr = atr !== undefined && atr > 0 ? gap / atr : undefined;
      const previous = levels.get(position.symbol) ?? 'none';
      const level = nextLiquidationLevel(previous, distancePct, deps.config.liquidation);
      levels.set(position.symbol, level);
      if (level !== previous)
        announce(
          deps,
          { position, markPrice: markText, liquidationPrice },
          previous,
          level,
          distancePct,
          distanceAtr,
        );
      return { liquidationPrice, distancePct, ...(distanceAtr === undefined ? {} : { distanceAtr }), level };
    },
  };
}

/**
 * The exchange's liquidation price, else the engine's own estimate; undefined when neither is
 * possible. The exchange's figure comes with more decimals than the contract quotes
 * ("72374.95034" at tick 0.1): it is put on the tick grid toward the mark (a long's rounds up, a
 * short's down), so what the trader reads and every distance taken from it never flatter.
 */
function liquidationOf(deps: TradingDeps, position: ExchangePosition): string | undefined {
  const known = deps.contracts.get(position.symbol);
  if (position.liquidationPrice !== undefined) {
    if (known === undefined || !isDecimalString(position.liquidationPrice)) return position.liquidationPrice;
    const rounding = position.side === 'long' ? 'up' : 'down';
    return format(roundToTick(dec(position.liquidationPrice), known.prepared.tickSize, rounding));
  }
  // Cross positions liquidate on the account's margin ratio: the exchange's figure or nothing.
  if (
    known === undefined ||
    position.avgEntryPrice === undefined ||
    position.leverage === undefined ||
    position.marginMode === 'CROSS'
  )
    return undefined;
  const entry = dec(position.avgEntryPrice);
  const estimate = estimateLiquidationPrice(
    position.side,
    entry,
    Math.max(1, Math.round(position.leverage)),
    maintenanceRateFor(known.prepared, mul(mul(dec(position.sizeLots), known.prepared.multiplier), entry)),
    dec(deps.config.risk.liquidationFeeRate),
    known.prepared.tickSize,
  );
  return format(estimate);
}

/**
 * The MMR of the tier that holds the position's value (ADR 0310); beyond the top tier (the
 * exchange would not have let it grow there) the top tier's, the most conservative known.
 */
export function maintenanceRateFor(contract: PreparedContract, positionValue: Dec): Dec {
  const tier = tierFor(contract, positionValue);
  if (tier !== 'beyond-top-tier') return tier.maintenanceMarginRate;
  const top = contract.tiers[contract.tiers.length - 1];
  if (top === undefined)
    throw new ValidationError('contract-no-tiers', `${contract.symbol} has no risk-limit tier`, {
      details: { symbol: contract.symbol },
    });
  return top.maintenanceMarginRate;
}

interface Prices {
  readonly position: ExchangePosition;
  readonly markPrice: string;
  readonly liquidationPrice: string;
}

function announce(
  deps: TradingDeps,
  prices: Prices,
  previous: LiquidationLevel,
  level: LiquidationLevel,
  distancePct: number,
  distanceAtr: number | undefined,
): void {
  const { position, markPrice, liquidationPrice } = prices;
  const at = deps.now();
  const payloadLevel = level === 'none' ? 'cleared' : level;
  deps.emit({
    name: 'trading:liquidation-warning',
    payload: {
      symbol: position.symbol,
      level: payloadLevel,
      distancePct,
      ...(distanceAtr === undefined ? {} : { distanceAtr }),
      markPrice,
      liquidationPrice,
      at,
    },
  });
  const worse = level === 'critical' || (level === 'warning' && previous === 'none');
  if (!worse) {
    deps.journal.append(
      'position-event',
      { event: 'liquidation-level', level: payloadLevel, distancePct },
      { symbol: position.symbol },
    );
    return;
  }
  const text = `${position.symbol}: mark ${markPrice} is ${distancePct.toFixed(2)} % from liquidation ${liquidationPrice}`;
  raiseAlert(
    deps,
    level === 'critical' ? 'critical' : 'warning',
    `liquidation-${level}`,
    text,
    position.symbol,
    // The alert's numbers are read by a person (the Alerts tab, an e-mail): two decimals.
    { distancePct: Math.round(distancePct * 100) / 100, markPrice, liquidationPrice },
  );
}
