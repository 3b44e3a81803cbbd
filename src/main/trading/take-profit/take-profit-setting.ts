/**
 * The take-profit the trader chose for a symbol's position (ADR 0342), kept as a sticky setting
 * like the stop. Every change goes through here, so the journal always holds the old and the new
 * value and why it changed.
 */
import type { PositionSide } from '../../../shared/domain/primitives.ts';
import type { TradingDeps } from '../deps.ts';

/** A take-profit: its trigger price and the position side it belongs to. */
export interface TakeProfitSetting {
  readonly price: string;
  readonly side: PositionSide;
}

/** The symbol's take-profit for a position of `side`; one left for the other side does not count. */
export function takeProfitFor(deps: TradingDeps, symbol: string, side: PositionSide): string | undefined {
  const setting = deps.settings.get('take-profit', symbol);
  return setting?.side === side ? setting.price : undefined;
}

/**
 * Sets (or, with `next` undefined, clears) the symbol's take-profit and journals the change with
 * its old and new value. Nothing is journaled when nothing changes.
 */
export function changeTakeProfit(
  deps: TradingDeps,
  symbol: string,
  next: TakeProfitSetting | undefined,
  why: string,
  clientOid?: string,
): void {
  const old = deps.settings.get('take-profit', symbol);
  if (old?.price === next?.price && old?.side === next?.side) return;
  if (next === undefined) deps.settings.clear('take-profit', symbol);
  else deps.settings.set('take-profit', { price: next.price, side: next.side }, symbol);
  deps.journal.append(
    'stop',
    { action: 'take-profit-set', from: old?.price ?? null, to: next?.price ?? null, why },
    { symbol, ...(clientOid === undefined ? {} : { clientOid }) },
  );
}

/**
 * The symbol is flat: its take-profit belongs to the position that is gone. Kept while an entry
 * of the symbol still works (that entry's own take-profit is already in place).
 */
export function forgetTakeProfitWhenFlat(deps: TradingDeps, symbol: string): void {
  if (deps.settings.get('take-profit', symbol) === undefined) return;
  const working = deps.journal.openOrders().some((o) => o.symbol === symbol && o.purpose === 'entry');
  if (!working) changeTakeProfit(deps, symbol, undefined, 'the position is flat');
}
