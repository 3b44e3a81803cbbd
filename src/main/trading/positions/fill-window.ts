/**
 * The fills that explain a change of a position (ADR 0333): every fill since the last one already
 * explained (a cursor per symbol in the journal, so overlapping read windows never count a fill
 * twice), split into the lots that closed the previous position and the lots that opened the current
 * one. Split by fill, not by the size difference between two reads: an entry and a partial close in
 * the same pass still show as a reduction.
 */
import { add, dec, div, mul, type Dec, ZERO } from '../../../shared/domain/decimal.ts';
import type { KucoinFill } from '../../exchange/kucoin/schemas/orders.ts';
import type { TradingDeps } from '../deps.ts';
import { fillTimeMs } from '../orders/order-fills.ts';

type Side = 'long' | 'short';

/** A part of a fill (a flip's fill is split between the two positions). */
export interface FillPart {
  readonly fill: KucoinFill;
  readonly lots: number;
  /** The fee of these lots (a share of the fill's fee when it was split). */
  readonly fee: Dec;
}

/** The fills of one change. */
export interface FillWindow {
  readonly all: readonly KucoinFill[];
  readonly closing: readonly FillPart[];
  readonly opening: readonly FillPart[];
}

const timeOf = (fill: KucoinFill): number => fillTimeMs(fill.createdAt ?? fill.tradeTime ?? 0);

/** The fills after the symbol's cursor, oldest first. */
export function freshFills(deps: TradingDeps, symbol: string, fills: readonly KucoinFill[]): KucoinFill[] {
  const cursor = deps.settings.get('fills-cursor', symbol);
  const seen = new Set(cursor?.ids ?? []);
  return fills
    .filter(
      (f) =>
        f.symbol === symbol &&
        (cursor === undefined ||
          timeOf(f) > cursor.atMs ||
          (timeOf(f) === cursor.atMs && !seen.has(f.tradeId))),
    )
    .sort((a, b) => timeOf(a) - timeOf(b));
}

/** Moves the symbol's cursor past `fills` (all of them now explained). */
export function advanceCursor(deps: TradingDeps, symbol: string, fills: readonly KucoinFill[]): void {
  const last = fills.at(-1);
  if (last === undefined) return;
  const atMs = timeOf(last);
  const cursor = deps.settings.get('fills-cursor', symbol);
  const kept = cursor?.atMs === atMs ? cursor.ids : [];
  deps.settings.set(
    'fills-cursor',
    { atMs, ids: [...kept, ...fills.filter((f) => timeOf(f) === atMs).map((f) => f.tradeId)].slice(-200) },
    symbol,
  );
}

/** A position as a signed lot count: long positive, short negative, flat 0. */
function signedLots(position: { side: Side; lots: number } | undefined): number {
  if (position === undefined) return 0;
  return position.side === 'long' ? position.lots : -position.lots;
}

/**
 * The fills, oldest first, that take the position from `previous` to `current` — and no further.
 * The fills are read after the positions: a fill that landed in between belongs to the next change
 * and is left after the cursor for it (counted here, a close would show as a reduction of a
 * position the read still had open, and the close itself would never be seen). When the fills
 * never add up to `current` (some not visible yet), all of them are taken, as before.
 */
export function fillsOfChange(
  fills: readonly KucoinFill[],
  previous: { side: Side; lots: number } | undefined,
  current: { side: Side; lots: number } | undefined,
): KucoinFill[] {
  const target = signedLots(current);
  let running = signedLots(previous);
  for (const [index, fill] of fills.entries()) {
    running += fill.side === 'buy' ? fill.size : -fill.size;
    if (running === target) return fills.slice(0, index + 1);
  }
  return [...fills];
}

function part(fill: KucoinFill, lots: number): FillPart {
  const fee = dec(fill.fee ?? '0');
  return {
    fill,
    lots,
    fee: lots === fill.size ? fee : div(mul(fee, dec(lots)), dec(fill.size), 8, 'half-up'),
  };
}

/**
 * Splits `fills` for a symbol whose position went from `previous` (side and lots, or none) on: the
 * fills against the previous side close it (up to its size); everything else opens.
 */
export function splitFills(
  fills: readonly KucoinFill[],
  previous: { side: Side; lots: number } | undefined,
): Pick<FillWindow, 'closing' | 'opening'> {
  const closing: FillPart[] = [];
  const opening: FillPart[] = [];
  let side: Side | undefined = previous?.side;
  let open = previous?.lots ?? 0;
  for (const fill of fills) {
    const fillSide: Side = fill.side === 'buy' ? 'long' : 'short';
    if (side === undefined || fillSide === side || open === 0) {
      side = fillSide;
      open += fill.size;
      opening.push(part(fill, fill.size));
      continue;
    }
    const closed = Math.min(open, fill.size);
    closing.push(part(fill, closed));
    open -= closed;
    if (fill.size > closed) {
      side = fillSide;
      open = fill.size - closed;
      opening.push(part(fill, fill.size - closed));
    }
  }
  return { closing, opening };
}

/** Σ lots and Σ price × lots of some parts. */
export function totals(parts: readonly FillPart[]): { lots: number; priceTimesLots: Dec; fee: Dec } {
  let lots = 0;
  let priceTimesLots: Dec = ZERO;
  let fee: Dec = ZERO;
  for (const p of parts) {
    lots += p.lots;
    priceTimesLots = add(priceTimesLots, mul(dec(p.fill.price), dec(p.lots)));
    fee = add(fee, p.fee);
  }
  return { lots, priceTimesLots, fee };
}
