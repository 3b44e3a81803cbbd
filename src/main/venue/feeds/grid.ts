import type { FeedSymbol, PricePoint } from './price-feed.ts';

function decimalsOf(step: string): number {
  const dot = step.indexOf('.');
  return dot < 0 ? 0 : step.length - dot - 1;
}

/** A float price rounded onto a grid step, as a decimal string (never below one step). */
export function roundToGrid(price: number, step: string): string {
  const stepNumber = Number(step);
  const steps = Math.max(Math.round(price / stepNumber), 1);
  return (steps * stepNumber).toFixed(decimalsOf(step));
}

/** Puts a float index/mark/last triple on the contract's grids (index/mark: indexPriceTickSize; last: tickSize). */
export function onGrid(spec: FeedSymbol, index: number, mark: number, last: number): PricePoint {
  return {
    indexPrice: roundToGrid(index, spec.indexPriceTickSize),
    markPrice: roundToGrid(mark, spec.indexPriceTickSize),
    lastPrice: roundToGrid(last, spec.tickSize),
  };
}
