import type { Position } from '../../../../shared/domain/position.ts';
import { nearestTakeProfit } from '../../domain/take-profit.ts';
import type { PriceLineKind } from './price-lines.ts';

function price(text: string | null | undefined): number | undefined {
  if (text === undefined || text === null || text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Where the chart's lines go for a position (display only — floats are fine on a canvas, never
 * in a decision): entry, the live exchange stop, the trailing stop's trigger, the take-profit
 * resting at the exchange, and liquidation. No position → every line hidden.
 */
export function positionLinePrices(
  position: Position | undefined,
  trailingStopPrice: string | undefined,
): Partial<Record<PriceLineKind, number>> {
  if (position === undefined) return {};
  const stop = price(position.protection.stopPrice);
  const trailing = price(trailingStopPrice);
  const lines: Partial<Record<PriceLineKind, number>> = {};
  const entry = price(position.avgEntryPrice);
  const liquidation = price(position.liquidationPrice);
  if (entry !== undefined) lines.entry = entry;
  if (liquidation !== undefined) lines.liquidation = liquidation;
  // The take-profit resting at the exchange that the mark reaches first; none → no line.
  const takeProfit = price(nearestTakeProfit(position));
  if (takeProfit !== undefined) lines['take-profit'] = takeProfit;
  // When a trailing stop is live it *is* the exchange stop: draw it once, as the trailing line.
  if (trailing !== undefined) lines.trailing = trailing;
  if (stop !== undefined && stop !== trailing) lines.stop = stop;
  return lines;
}
