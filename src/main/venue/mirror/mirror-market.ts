/**
 * The real market behind the paper venue (ADR 0180). Reads KuCoin Futures' public API through the
 * app's own exchange client — `GET /api/v1/contracts/active`, risk-limit tiers, funding, klines,
 * `POST /api/v1/bullet-public` and the public stream (`/contractMarket/level2` via the client's
 * Level2Book, `/contractMarket/execution`, `/contract/instrument`, `/contractMarket/tickerV2`) —
 * so paper mode exercises the same code as live mode. Reconnects are the stream's own (back-off,
 * resubscription, book resync); while it is down or silent the market reports itself stale.
 */
import type { ExchangeConfig } from '../../config/sections/exchange.ts';
import type { MarketDataConfig } from '../../config/sections/market-data.ts';
import { createExchangeClient, type ExchangeClient, type KucoinCredentials } from '../../exchange/index.ts';
import { isLoopbackHost } from '../../exchange/kucoin/endpoint-urls.ts';
import type { Level2Book } from '../../exchange/kucoin/ws/level2-book.ts';
import type { StreamMessage } from '../../exchange/kucoin/ws/stream-types.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Clock } from '../../time/clock.ts';
import type { ContractSpec } from '../core/model/contracts.ts';
import type { UpstreamBook, UpstreamMarket } from '../core/model/upstream.ts';
import { loadContracts, loadSymbolState, readFunding, type SymbolState } from './symbol-state.ts';
import { createStaleWatch, type StaleWatch } from './stale-watch.ts';
import {
  executionPushSchema,
  fundingRatePushSchema,
  markIndexPushSchema,
  topicSymbol,
} from './upstream-pushes.ts';
import { mirrorFeed } from './mirror-feed-points.ts';

/** What the mirror is built from. */
export interface MirrorMarketOptions {
  readonly marketData: MarketDataConfig;
  /** The client's own tunables (timeouts, retries, WS ping and back-off). */
  readonly exchange: ExchangeConfig;
  /** Book levels kept per side (the venue's `bookDepthLevels`, 100 so depth100 answers 100). */
  readonly bookDepthLevels: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * A key to sign the one private read (the risk-limit tiers) with; market data itself is public.
   * Without it only each contract's first tier is listed.
   */
  readonly credentials?: KucoinCredentials;
}

/** A running mirror: the core's view of it, plus its status and teardown. */
export interface MirroredMarket extends UpstreamMarket {
  /** The upstream REST base it reads. */
  readonly upstreamUrl: string;
  /** Calls `listener` with the new stale reason (undefined = fresh again) on every change. */
  onStaleChange(listener: (reason: string | undefined) => void): () => void;
  /** Stops the client, the streams and every timer. */
  close(): Promise<void>;
}

function topicsOf(symbol: string): string[] {
  return [
    `/contractMarket/execution:${symbol}`,
    `/contract/instrument:${symbol}`,
    `/contractMarket/tickerV2:${symbol}`,
  ];
}

function applyPush(
  states: ReadonlyMap<string, SymbolState>,
  message: StreamMessage,
  bufferMax: number,
): void {
  const state = states.get(topicSymbol(message.topic));
  if (state === undefined) return;
  if (message.topic.startsWith('/contractMarket/execution:')) {
    const print = executionPushSchema.safeParse(message.data);
    if (!print.success) return;
    state.last = print.data.price;
    state.trades.push({
      price: print.data.price,
      lots: print.data.size,
      side: print.data.side,
      tradeId: print.data.tradeId,
    });
    if (state.trades.length > bufferMax) state.trades.splice(0, state.trades.length - bufferMax);
  } else if (message.subject === 'mark.index.price') {
    const mark = markIndexPushSchema.safeParse(message.data);
    if (!mark.success) return;
    state.mark = mark.data.markPrice;
    state.index = mark.data.indexPrice;
  } else if (message.subject === 'funding.rate' && state.funding !== undefined) {
    const rate = fundingRatePushSchema.safeParse(message.data);
    if (rate.success) state.funding = { ...state.funding, predictedRate: rate.data.fundingRate };
  }
}

function bookOf(book: Level2Book, depth: number): UpstreamBook | undefined {
  if (book.stats().state !== 'live') return undefined;
  const side = (levels: readonly (readonly [string, number])[]) =>
    levels.filter(([, lots]) => lots > 0).map(([price, lots]) => ({ price, lots }));
  return { bids: side(book.bids(depth)), asks: side(book.asks(depth)) };
}

function buildClient(options: MirrorMarketOptions): ExchangeClient {
  const url = options.marketData.upstreamRestUrl;
  // A loopback stand-in (tests, drills) speaks plain http; KuCoin itself only https.
  const mode = isLoopbackHost(new URL(url).hostname) ? 'paper' : 'live';
  // Without credentials the client has no private stream and signs nothing.
  return createExchangeClient({
    config: options.exchange,
    endpoints: { futuresRestUrl: url, generalRestUrl: url },
    clock: options.clock,
    logger: options.logger.child({ component: 'venue-mirror' }),
    mode,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what} did not answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function connect(
  options: MirrorMarketOptions,
  client: ExchangeClient,
): Promise<Map<string, SymbolState>> {
  const { marketData } = options;
  const contracts = await withTimeout(
    loadContracts(client.rest, marketData.symbols, options.logger),
    marketData.probeTimeoutMs,
    `KuCoin's contract list at ${marketData.upstreamRestUrl}`,
  );
  await client.start();
  const states = new Map<string, SymbolState>();
  for (const contract of contracts) {
    const state = await loadSymbolState(
      client,
      contract,
      marketData.historyMinutes,
      options.clock.now(),
      options.credentials !== undefined,
    );
    states.set(state.spec.symbol, state);
  }
  client.publicStream.onMessage((message) => {
    applyPush(states, message, marketData.tapeBufferPrints);
  });
  // Open only once every push is subscribed: a print before that would be missed by the tape.
  const topics = [...states.keys()].flatMap(topicsOf);
  await Promise.all(topics.map((topic) => client.publicStream.subscribe(topic)));
  return states;
}

function pollFunding(client: ExchangeClient, states: ReadonlyMap<string, SymbolState>, logger: Logger): void {
  for (const state of states.values()) {
    void readFunding(client.rest, state.spec.symbol).then(
      (funding) => {
        state.funding = funding;
      },
      (error: unknown) => {
        logger.warn('venue-mirror-funding-read-failed', { symbol: state.spec.symbol, error: String(error) });
      },
    );
  }
}

function assemble(
  options: MirrorMarketOptions,
  client: ExchangeClient,
  states: Map<string, SymbolState>,
  watch: StaleWatch,
  timer: NodeJS.Timeout,
): MirroredMarket {
  const specs: ContractSpec[] = [...states.values()].map((state) => state.spec);
  return {
    upstreamUrl: options.marketData.upstreamRestUrl,
    specs,
    feed: mirrorFeed(states, () => {
      clearInterval(timer);
    }),
    history: (symbol) => states.get(symbol)?.history ?? [],
    book: (symbol) => {
      const state = states.get(symbol);
      return state === undefined ? undefined : bookOf(state.book, options.bookDepthLevels);
    },
    takeTrades: (symbol) => {
      const state = states.get(symbol);
      if (state === undefined) return [];
      return state.trades.splice(0, state.trades.length);
    },
    funding: (symbol) => states.get(symbol)?.funding,
    fundingHistory: (symbol) => states.get(symbol)?.fundingHistory ?? [],
    staleReason: () => watch.reason(),
    onStaleChange: (listener) => watch.onChange(listener),
    async close() {
      clearInterval(timer);
      watch.stop();
      await client.stop();
    },
  };
}

/**
 * Connects to the upstream and loads contracts, tiers, funding, history and books.
 * @throws Error (with the upstream's failure in its message) when the contract list does not
 *   answer within `probeTimeoutMs` or none of the configured symbols is listed; the client is stopped.
 */
export async function openMirroredMarket(options: MirrorMarketOptions): Promise<MirroredMarket> {
  const client = buildClient(options);
  let states: Map<string, SymbolState>;
  try {
    states = await connect(options, client);
  } catch (error) {
    await client.stop();
    throw error;
  }
  const watch = createStaleWatch({
    client,
    books: [...states.values()].map((state) => state.book),
    staleAfterMs: options.marketData.staleAfterMs,
    clock: options.clock,
    logger: options.logger,
  });
  const timer = setInterval(() => {
    pollFunding(client, states, options.logger);
  }, options.marketData.fundingPollIntervalMs);
  timer.unref();
  options.logger.info('venue-mirror-open', {
    upstream: options.marketData.upstreamRestUrl,
    symbols: [...states.keys()],
  });
  return assemble(options, client, states, watch, timer);
}
