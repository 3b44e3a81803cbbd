import { priceLineKinds, type PriceLineKind, type PriceLineManager } from '../chart/price-lines.ts';

/** A line manager whose lines the trader can hold in the hand while the engine's updates keep coming. */
export interface HeldLines extends PriceLineManager {
  /** Puts a line where the pointer is; the engine's updates for that kind are kept aside meanwhile. */
  hold(kind: PriceLineKind, price: number): void;
  /** Lets go at once: the line goes back to what the engine last said (a refused or failed drop). */
  release(kind: PriceLineKind): void;
  /**
   * Lets go once the engine reports the line at the held price (the move went through), or after
   * `timeoutMs` — whichever comes first — so the line never jumps back to the old stop in between.
   */
  releaseWhenConfirmed(kind: PriceLineKind, timeoutMs: number): void;
}

/** Wraps a {@link PriceLineManager}; lines are still created once and only moved. */
export function holdableLines(lines: PriceLineManager): HeldLines {
  const latest = new Map<PriceLineKind, number | undefined>();
  const held = new Map<PriceLineKind, number>();
  const timers = new Map<PriceLineKind, ReturnType<typeof setTimeout>>();
  const release = (kind: PriceLineKind): void => {
    clearTimeout(timers.get(kind));
    timers.delete(kind);
    if (!held.delete(kind)) return;
    lines.set(kind, latest.get(kind));
  };
  const set = (kind: PriceLineKind, price: number | undefined): void => {
    latest.set(kind, price);
    const hand = held.get(kind);
    if (hand === undefined) lines.set(kind, price);
    else if (timers.has(kind) && price === hand) release(kind);
  };
  return {
    set,
    setAll: (prices) => {
      for (const kind of priceLineKinds) set(kind, prices[kind]);
    },
    hold: (kind, price) => {
      held.set(kind, price);
      lines.set(kind, price);
    },
    release,
    releaseWhenConfirmed: (kind, timeoutMs) => {
      if (!held.has(kind)) return;
      if (latest.get(kind) === held.get(kind)) {
        release(kind);
        return;
      }
      clearTimeout(timers.get(kind));
      timers.set(
        kind,
        setTimeout(() => {
          release(kind);
        }, timeoutMs),
      );
    },
  };
}
