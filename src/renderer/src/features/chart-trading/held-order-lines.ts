import type { OrderLine, OrderLineManager } from '../chart/order-lines.ts';

/** Order lines the trader can hold in the hand while the engine's order updates keep coming. */
export interface HeldOrderLines extends OrderLineManager {
  /** The lines as drawn now, a held one at the hand's price: what a press can grab. */
  drawn(): readonly OrderLine[];
  /** Puts an order's line where the pointer is; the feed's updates for it are kept aside meanwhile. */
  hold(clientOid: string, price: number): void;
  /** Lets go at once: the line goes back to what the feed last said (a refused amend, an order now done). */
  release(clientOid: string): void;
  /**
   * Lets go once the feed shows the replacement — no longer this order, and one on the same side at
   * the held price — or after `timeoutMs`, so the line never jumps back to the old price between the
   * cancel and the new order's first update.
   */
  releaseWhenReplaced(clientOid: string, timeoutMs: number): void;
}

interface Hand {
  readonly line: OrderLine;
  price: number;
}

/** Wraps an {@link OrderLineManager}; a held line is drawn at the hand's price whatever the feed says. */
export function holdableOrderLines(lines: OrderLineManager): HeldOrderLines {
  let latest: readonly OrderLine[] = [];
  const held = new Map<string, Hand>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const drawn = (): OrderLine[] => [
    ...latest.filter((line) => !held.has(line.clientOid)),
    ...[...held.values()].map((hand) => ({ ...hand.line, price: hand.price })),
  ];
  const replaced = (clientOid: string): boolean => {
    const hand = held.get(clientOid);
    if (hand === undefined || latest.some((line) => line.clientOid === clientOid)) return false;
    return latest.some((line) => line.side === hand.line.side && line.price === hand.price);
  };
  const release = (clientOid: string): void => {
    clearTimeout(timers.get(clientOid));
    timers.delete(clientOid);
    if (held.delete(clientOid)) lines.setOrders(drawn());
  };
  return {
    drawn,
    setOrders: (next) => {
      latest = next;
      for (const clientOid of [...timers.keys()]) if (replaced(clientOid)) release(clientOid);
      lines.setOrders(drawn());
    },
    hold: (clientOid, price) => {
      const line = held.get(clientOid)?.line ?? latest.find((each) => each.clientOid === clientOid);
      if (line === undefined) return;
      held.set(clientOid, { line, price });
      lines.setOrders(drawn());
    },
    release,
    releaseWhenReplaced: (clientOid, timeoutMs) => {
      if (!held.has(clientOid)) return;
      if (replaced(clientOid)) {
        release(clientOid);
        return;
      }
      clearTimeout(timers.get(clientOid));
      timers.set(
        clientOid,
        setTimeout(() => {
          release(clientOid);
        }, timeoutMs),
      );
    },
  };
}
