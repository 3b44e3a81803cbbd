import { z } from 'zod';
import type { PublicTrade } from '../../../shared/ipc/channels/market.ts';
import { toMs } from '../live-ticker.ts';

/** The topic of a symbol's public trades (docs/reference/kucoin-futures.md#ws-public-topics). */
export function tradesTopic(symbol: string): string {
  return `/contractMarket/execution:${symbol}`;
}

/** `/contractMarket/execution` push data, subject `match`: one trade; `side` is the taker's, `ts` ns. */
const matchSchema = z.object({
  symbol: z.string(),
  tradeId: z.union([z.string(), z.number()]).transform(String),
  price: z.union([z.string(), z.number()]).transform(String),
  size: z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int().positive()),
  side: z.enum(['buy', 'sell']),
  ts: z.number(),
});

/** One match push as a trade of the tape, or undefined when it is malformed. */
export function tradeFromMatch(data: unknown): (PublicTrade & { symbol: string }) | undefined {
  const parsed = matchSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { symbol, tradeId, price, size, side, ts } = parsed.data;
  return { symbol, tradeId, price, sizeLots: size, side, timeMs: toMs(ts) };
}

/** The last `keep` trades of one symbol, newest first; a trade seen twice (a resend) is kept once. */
export class TradeTape {
  readonly #keep: number;
  #trades: PublicTrade[] = [];

  constructor(keep: number) {
    this.#keep = keep;
  }

  /** Adds a trade; false when it was already on the tape. */
  add(trade: PublicTrade): boolean {
    if (this.#trades.some((known) => known.tradeId === trade.tradeId)) return false;
    const trades = [trade, ...this.#trades];
    // Pushes arrive in trade order; sorting only matters for a late resend, and keeps newest first.
    trades.sort((a, b) => b.timeMs - a.timeMs);
    this.#trades = trades.slice(0, this.#keep);
    return true;
  }

  /** Newest first. */
  trades(): PublicTrade[] {
    return [...this.#trades];
  }
}
