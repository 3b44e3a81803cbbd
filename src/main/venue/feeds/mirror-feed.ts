import { NetworkError, ValidationError } from '../../../shared/errors.ts';
import { z } from 'zod';
import type { Logger } from '../../observability/logger.ts';
import type { FeedSymbol, PriceFeed, PricePoint } from './price-feed.ts';
import { onGrid } from './grid.ts';

const envelope = <T extends z.ZodType>(data: T) => z.object({ code: z.literal('200000'), data });
const tickerResponse = envelope(z.object({ price: z.string() }));
const markResponse = envelope(z.object({ value: z.number(), indexPrice: z.number() }));

/** How to mirror. */
export interface MirrorFeedOptions {
  /** KuCoin-compatible public REST base, e.g. `https://api-futures.kucoin.com` or another venue's URL. */
  readonly baseUrl: string;
  readonly symbols: readonly FeedSymbol[];
  readonly pollIntervalMs: number;
  readonly logger: Logger;
  /** Defaults to global fetch. */
  readonly fetch?: typeof fetch;
  /** Start polling on creation (default true); tests call `pollOnce` themselves. */
  readonly autoStart?: boolean;
}

/** A mirror feed with its polling handle. */
export interface MirrorFeed extends PriceFeed {
  /** Fetches every symbol once; failures are logged and the last prices kept. */
  pollOnce(): Promise<void>;
}

async function getJson(fetcher: typeof fetch, url: string): Promise<unknown> {
  const response = await fetcher(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok)
    throw new NetworkError('venue-mirror-http', `HTTP ${response.status} from ${url}`, {
      details: { status: response.status },
    });
  return response.json();
}

/**
 * Mirrors a live (or another paper) KuCoin Futures market through its public endpoints
 * `/api/v1/ticker` and `/api/v1/mark-price/{symbol}/current` (ADR 0101); no keys needed.
 * Until the first answer arrives every symbol stays at its initial price.
 */
export function createMirrorFeed(options: MirrorFeedOptions): MirrorFeed {
  const fetcher = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const points = new Map<string, PricePoint>();
  for (const spec of options.symbols) {
    const price = Number(spec.initialPrice);
    points.set(spec.symbol, onGrid(spec, price, price, price));
  }
  const pollSymbol = async (spec: FeedSymbol): Promise<void> => {
    const symbol = encodeURIComponent(spec.symbol);
    const ticker = tickerResponse.parse(await getJson(fetcher, `${base}/api/v1/ticker?symbol=${symbol}`));
    const mark = markResponse.parse(await getJson(fetcher, `${base}/api/v1/mark-price/${symbol}/current`));
    points.set(spec.symbol, onGrid(spec, mark.data.indexPrice, mark.data.value, Number(ticker.data.price)));
  };
  const pollOnce = async (): Promise<void> => {
    await Promise.all(
      options.symbols.map((spec) =>
        pollSymbol(spec).catch((error: unknown) => {
          options.logger.warn('venue-mirror-poll-failed', {
            symbol: spec.symbol,
            baseUrl: base,
            error: String(error),
          });
        }),
      ),
    );
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  if (options.autoStart !== false) {
    void pollOnce();
    timer = setInterval(() => void pollOnce(), options.pollIntervalMs);
    timer.unref();
  }
  return {
    priceAt(symbol: string): PricePoint {
      const point = points.get(symbol);
      if (point === undefined)
        throw new ValidationError('venue-feed-unknown-symbol', `mirror feed has no symbol ${symbol}`, {
          details: { symbol },
        });
      return point;
    },
    pollOnce,
    close() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
