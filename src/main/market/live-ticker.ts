import { z } from 'zod';
import type { Ticker } from '../../shared/ipc/channels/market.ts';

/**
 * The public topics that together make one live ticker (ADR 0341). KuCoin's `tickerV2` push
 * carries only best bid/ask; the last traded price comes from the match stream and the mark and
 * index from the instrument stream. Each field is taken from the stream that owns it.
 */
export function liveTickerTopics(symbol: string): readonly string[] {
  return [
    `/contractMarket/tickerV2:${symbol}`,
    `/contractMarket/execution:${symbol}`,
    `/contract/instrument:${symbol}`,
  ];
}

const quantity = z.union([z.number(), z.string()]).transform(Number);

/** tickerV2 push data: best bid/ask and their sizes. */
const bookTopSchema = z.object({
  symbol: z.string(),
  bestBidPrice: z.string(),
  bestBidSize: quantity,
  bestAskPrice: z.string(),
  bestAskSize: quantity,
  ts: z.number(),
});

/** `/contractMarket/execution` push data (subject `match`): one public trade. */
const matchSchema = z.object({
  symbol: z.string(),
  price: z.union([z.string(), z.number()]).transform(String),
  ts: z.number(),
});

/** `/contract/instrument` push data, subject `mark.index.price`; the symbol is only in the topic. */
const markIndexSchema = z.object({
  markPrice: z.union([z.string(), z.number()]).transform(String),
  indexPrice: z.union([z.string(), z.number()]).transform(String),
  timestamp: z.number(),
});

/** KuCoin's `ts` is nanoseconds on tickers and matches; anything above 1e14 is not milliseconds. */
export function toMs(ts: number): number {
  return ts > 1e14 ? Math.floor(ts / 1e6) : ts;
}

type TickerFields = Partial<Ticker> & { symbol: string; atMs: number };

function complete(fields: TickerFields): Ticker | undefined {
  const { bestBidPrice, bestBidSize, bestAskPrice, bestAskSize } = fields;
  if (
    bestBidPrice === undefined ||
    bestBidSize === undefined ||
    bestAskPrice === undefined ||
    bestAskSize === undefined
  )
    return undefined;
  return { ...fields, bestBidPrice, bestBidSize, bestAskPrice, bestAskSize };
}

/**
 * The newest known value of every ticker field per symbol, merged from the three public streams.
 * A field no stream has delivered yet stays absent (never guessed); `atMs` is the time of the
 * newest field, on the exchange's clock. A ticker exists once the book top is known.
 */
export class LiveTickers {
  readonly #bySymbol = new Map<string, TickerFields>();

  /** Remembers a ticker read over REST; later pushes override its fields as they arrive. */
  seed(ticker: Ticker): Ticker {
    return this.#merge(ticker.symbol, ticker, ticker.atMs) ?? ticker;
  }

  /** The merged ticker of a symbol, once its book top is known. */
  get(symbol: string): Ticker | undefined {
    const fields = this.#bySymbol.get(symbol);
    return fields === undefined ? undefined : complete(fields);
  }

  /** Applies one public push; answers the updated ticker, or undefined if the push is not ours, malformed or the book top is unknown yet. */
  apply(topic: string, data: unknown): Ticker | undefined {
    if (topic.startsWith('/contractMarket/tickerV2:')) return this.#applyBookTop(data);
    if (topic.startsWith('/contractMarket/execution:')) return this.#applyMatch(data);
    if (topic.startsWith('/contract/instrument:'))
      return this.#applyMarkIndex(topic.slice(topic.indexOf(':') + 1), data);
    return undefined;
  }

  #applyBookTop(data: unknown): Ticker | undefined {
    const parsed = bookTopSchema.safeParse(data);
    if (!parsed.success) return undefined;
    const { symbol, ts, ...top } = parsed.data;
    return this.#merge(symbol, top, toMs(ts));
  }

  #applyMatch(data: unknown): Ticker | undefined {
    const parsed = matchSchema.safeParse(data);
    if (!parsed.success) return undefined;
    return this.#merge(parsed.data.symbol, { price: parsed.data.price }, toMs(parsed.data.ts));
  }

  #applyMarkIndex(symbol: string, data: unknown): Ticker | undefined {
    const parsed = markIndexSchema.safeParse(data);
    if (!parsed.success || symbol === '') return undefined;
    return this.#merge(
      symbol,
      { markPrice: parsed.data.markPrice, indexPrice: parsed.data.indexPrice },
      parsed.data.timestamp,
    );
  }

  #merge(symbol: string, fields: Partial<Ticker>, atMs: number): Ticker | undefined {
    const previous = this.#bySymbol.get(symbol);
    const merged: TickerFields = {
      ...previous,
      ...fields,
      symbol,
      atMs: Math.max(previous?.atMs ?? 0, atMs),
    };
    this.#bySymbol.set(symbol, merged);
    return complete(merged);
  }
}
