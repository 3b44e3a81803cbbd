import { z } from 'zod';
import type { Candle, ContractSummary, Ticker } from '../../shared/ipc/channels/market.ts';
import { toTradingError } from '../../shared/errors.ts';
import type { ExchangeConfig } from '../config/sections/exchange.ts';
import type { KucoinRestApi } from '../exchange/kucoin/rest-api.ts';
import type { KucoinContract, KucoinTicker } from '../exchange/kucoin/schemas/market.ts';
import type { KucoinPosition } from '../exchange/kucoin/schemas/positions.ts';
import type { StreamMessage } from '../exchange/kucoin/ws/stream-types.ts';
import type { Logger } from '../observability/logger.ts';
import { abortableSleep } from '../resilience/abortable-sleep.ts';
import type { Clock } from '../time/clock.ts';
import { candleFromRow, readBarsBefore } from './candle-pages.ts';
import { CandleSeries } from './candle-store.ts';
import { FormingVolumeReads, withKnownVolume, withRestVolumes } from './candle-volume.ts';
import { SingleFlight } from './single-flight.ts';
import { timeframeMs, timeframes, type Timeframe } from './timeframes.ts';
import { TtlCache } from './ttl-cache.ts';
import { LiveTickers, liveTickerTopics, toMs } from './live-ticker.ts';

/** What the market service needs from a stream. */
export interface MarketStreamSource {
  subscribe(topic: string): Promise<void>;
  onMessage(listener: (message: StreamMessage) => void): () => void;
}

/** Market data with caches: contracts (hourly), tickers (1 s), positions (5 s), incremental OHLCV. */
export interface MarketService {
  listContracts(): Promise<ContractSummary[]>;
  getTicker(symbol: string): Promise<Ticker>;
  /** Open positions; cached for `positionsTtlMs`, invalidated by our orders and private pushes. */
  getPositions(): Promise<KucoinPosition[]>;
  invalidatePositions(): void;
  /** The newest `limit` bars; fetches only bars after the last cached one. */
  getCandles(symbol: string, timeframe: Timeframe, limit: number): Promise<Candle[]>;
  /**
   * Up to `limit` bars that open before `endMs`, oldest first, read from the exchange (the chart
   * scrolling into the past); empty once the exchange has nothing older.
   */
  getCandlesBefore(symbol: string, timeframe: Timeframe, endMs: number, limit: number): Promise<Candle[]>;
  /** Subscribes the live ticker streams of a symbol (book top, trades, mark/index); updates the cache and emits ticker updates. */
  watchTicker(symbol: string): Promise<void>;
  /** Subscribes the candle stream of a symbol/timeframe; merges pushed bars into the cache. */
  watchCandles(symbol: string, timeframe: Timeframe): Promise<void>;
  onTicker(listener: (ticker: Ticker) => void): () => void;
  onCandle(listener: (update: { symbol: string; timeframe: Timeframe; candle: Candle }) => void): () => void;
  /** Starts the hourly contracts refresh. */
  start(): void;
  stop(): void;
}

/** Dependencies of {@link createMarketService}. */
export interface MarketServiceOptions {
  readonly api: KucoinRestApi;
  readonly publicStream: MarketStreamSource;
  readonly privateStream?: MarketStreamSource;
  readonly config: ExchangeConfig['market'];
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Creates the market service. */
export function createMarketService(options: MarketServiceOptions): MarketService {
  return new CachedMarketService(options);
}

/** limitCandle push data: `[startSec, open, close, high, low, volume, turnover]` strings: KuCoin sends every number as text on this topic. */
const candlePushSchema = z.object({
  symbol: z.string(),
  candles: z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string()]).rest(z.string()),
});

const privateInvalidatingTopics = [
  '/contract/position',
  '/contractMarket/tradeOrders',
  '/contract/positionAll',
];

function contractSummary(contract: KucoinContract): ContractSummary {
  return {
    symbol: contract.symbol,
    baseCurrency: contract.baseCurrency,
    quoteCurrency: contract.quoteCurrency,
    settleCurrency: contract.settleCurrency,
    status: contract.status,
    tickSize: contract.tickSize,
    lotSize: contract.lotSize,
    multiplier: contract.multiplier,
    maxLeverage: contract.maxLeverage,
    maxOrderQty: contract.maxOrderQty,
    makerFeeRate: contract.makerFeeRate,
    takerFeeRate: contract.takerFeeRate,
    ...(contract.markPrice === undefined ? {} : { markPrice: contract.markPrice }),
  };
}

function tickerFromRest(ticker: KucoinTicker): Ticker {
  return {
    symbol: ticker.symbol,
    price: ticker.price,
    bestBidPrice: ticker.bestBidPrice,
    bestBidSize: ticker.bestBidSize,
    bestAskPrice: ticker.bestAskPrice,
    bestAskSize: ticker.bestAskSize,
    atMs: toMs(ticker.ts),
  };
}

class CachedMarketService implements MarketService {
  readonly #options: MarketServiceOptions;
  readonly #flights = new SingleFlight();
  readonly #tickers: TtlCache<Ticker>;
  readonly #positions: TtlCache<KucoinPosition[]>;
  readonly #series = new Map<string, CandleSeries>();
  readonly #tickerListeners = new Set<(ticker: Ticker) => void>();
  readonly #candleListeners = new Set<
    (update: { symbol: string; timeframe: Timeframe; candle: Candle }) => void
  >();
  readonly #watchedCandles = new Map<string, { symbol: string; timeframe: Timeframe }>();
  readonly #unsubscribers: (() => void)[] = [];
  readonly #abort = new AbortController();
  #contracts: { list: ContractSummary[]; fetchedAt: number } | undefined = undefined;
  readonly #live = new LiveTickers();
  readonly #volumeReads: FormingVolumeReads;

  constructor(options: MarketServiceOptions) {
    this.#options = options;
    this.#tickers = new TtlCache(options.config.tickerTtlMs, options.clock);
    this.#positions = new TtlCache(options.config.positionsTtlMs, options.clock);
    this.#volumeReads = new FormingVolumeReads(options.config.formingVolumeRefreshMs);
    this.#unsubscribers.push(
      options.publicStream.onMessage((message) => {
        this.#onPublic(message);
      }),
    );
    if (options.privateStream !== undefined) {
      this.#unsubscribers.push(
        options.privateStream.onMessage((message) => {
          if (privateInvalidatingTopics.some((topic) => message.topic.startsWith(topic)))
            this.invalidatePositions();
        }),
      );
    }
  }

  async listContracts(): Promise<ContractSummary[]> {
    const cached = this.#contracts;
    if (
      cached !== undefined &&
      this.#options.clock.now() - cached.fetchedAt < this.#options.config.contractsRefreshMs
    )
      return cached.list;
    return this.#refreshContracts();
  }

  #refreshContracts(): Promise<ContractSummary[]> {
    return this.#flights.run('contracts', async () => {
      const list = (await this.#options.api.listActiveContracts()).map(contractSummary);
      this.#contracts = { list, fetchedAt: this.#options.clock.now() };
      return list;
    });
  }

  async getTicker(symbol: string): Promise<Ticker> {
    const cached = this.#tickers.get(symbol);
    if (cached !== undefined) return cached;
    return this.#flights.run(`ticker:${symbol}`, async () => {
      const ticker = this.#live.seed(tickerFromRest(await this.#options.api.getTicker(symbol)));
      this.#tickers.set(symbol, ticker);
      return ticker;
    });
  }

  async getPositions(): Promise<KucoinPosition[]> {
    const cached = this.#positions.get('all');
    if (cached !== undefined) return cached;
    return this.#flights.run('positions', async () => {
      const positions = await this.#options.api.listPositions('USDT');
      this.#positions.set('all', positions);
      return positions;
    });
  }

  invalidatePositions(): void {
    this.#positions.invalidate();
  }

  async getCandles(symbol: string, timeframe: Timeframe, limit: number): Promise<Candle[]> {
    const key = `${symbol}|${timeframe}`;
    await this.#flights.run(`candles:${key}:${limit}`, () => this.#fillSeries(key, symbol, timeframe, limit));
    return this.#seriesOf(key).latest(limit);
  }

  getCandlesBefore(symbol: string, timeframe: Timeframe, endMs: number, limit: number): Promise<Candle[]> {
    // Straight from the exchange, not the cache: the cache holds the newest bars (it drops the
    // oldest past `candleCacheMaxBars`), and a page into the past is asked for once per scroll.
    return this.#flights.run(`candles-before:${symbol}|${timeframe}:${endMs}:${limit}`, () =>
      readBarsBefore((query) => this.#options.api.getKlines(query), {
        symbol,
        granularityMin: timeframes[timeframe].minutes,
        endMs,
        limit,
        rowsPerRequest: this.#options.config.klineMaxRowsPerRequest,
      }),
    );
  }

  /** Fetches only what is missing: from the last cached bar (it may still be forming) to now. */
  async #fillSeries(key: string, symbol: string, timeframe: Timeframe, limit: number): Promise<void> {
    const series = this.#seriesOf(key);
    const barMs = timeframeMs(timeframe);
    const now = this.#options.clock.now();
    const last = series.lastOpenTimeMs();
    const wantFrom = now - limit * barMs;
    let fromMs = last !== undefined && series.size() >= limit ? last : Math.min(last ?? wantFrom, wantFrom);
    const pageMs = this.#options.config.klineMaxRowsPerRequest * barMs;
    while (fromMs <= now) {
      const toMs = Math.min(now, fromMs + pageMs);
      const rows = await this.#options.api.getKlines({
        symbol,
        granularityMin: timeframes[timeframe].minutes,
        fromMs,
        toMs,
      });
      series.merge(rows.map(candleFromRow));
      if (toMs >= now) break;
      fromMs = toMs;
    }
  }

  #seriesOf(key: string): CandleSeries {
    let series = this.#series.get(key);
    if (series === undefined) {
      series = new CandleSeries(this.#options.config.candleCacheMaxBars);
      this.#series.set(key, series);
    }
    return series;
  }

  async watchTicker(symbol: string): Promise<void> {
    await Promise.all(liveTickerTopics(symbol).map((topic) => this.#options.publicStream.subscribe(topic)));
  }

  watchCandles(symbol: string, timeframe: Timeframe): Promise<void> {
    const topic = `/contractMarket/limitCandle:${symbol}_${timeframes[timeframe].wsType}`;
    this.#watchedCandles.set(topic, { symbol, timeframe });
    return this.#options.publicStream.subscribe(topic);
  }

  #onPublic(message: StreamMessage): void {
    if (message.topic.startsWith('/contractMarket/limitCandle:')) {
      this.#onCandlePush(message.topic, message.data);
      return;
    }
    const ticker = this.#live.apply(message.topic, message.data);
    if (ticker === undefined) return;
    this.#tickers.set(ticker.symbol, ticker);
    for (const listener of this.#tickerListeners) listener(ticker);
  }

  #onCandlePush(topic: string, data: unknown): void {
    const watched = this.#watchedCandles.get(topic);
    const parsed = candlePushSchema.safeParse(data);
    if (watched === undefined || !parsed.success) return;
    const [startSec, open, close, high, low] = parsed.data.candles;
    const key = `${watched.symbol}|${watched.timeframe}`;
    const series = this.#seriesOf(key);
    const openTimeMs = Number(startSec) * 1_000;
    const pushed = {
      openTimeMs,
      open: Number(open),
      high: Number(high),
      low: Number(low),
      close: Number(close),
    };
    this.#publish(watched, series.merge([withKnownVolume({ ...pushed, volume: 0 }, series.at(openTimeMs))]));
    if (this.#volumeReads.claim(key, openTimeMs, this.#options.clock.now()))
      this.#readVolumes(watched, series, openTimeMs);
  }

  /** Reads the bar before the forming one (closed: final) and the forming one's volume over REST. */
  #readVolumes(
    watched: { symbol: string; timeframe: Timeframe },
    series: CandleSeries,
    openTimeMs: number,
  ): void {
    const { symbol, timeframe } = watched;
    const task = async (): Promise<void> => {
      const rows = await this.#options.api.getKlines({
        symbol,
        granularityMin: timeframes[timeframe].minutes,
        fromMs: openTimeMs - timeframeMs(timeframe),
        toMs: openTimeMs,
      });
      const candles = rows.map(candleFromRow);
      this.#publish(watched, series.merge(withRestVolumes(candles, (at) => series.at(at), openTimeMs)));
    };
    this.#flights.run(`volume:${symbol}|${timeframe}`, task).catch((error: unknown) => {
      this.#options.logger.warn('candle-volume-read-failed', {
        symbol,
        timeframe,
        error: toTradingError(error).message,
      });
    });
  }

  #publish(watched: { symbol: string; timeframe: Timeframe }, changed: readonly Candle[]): void {
    for (const candle of changed)
      for (const listener of this.#candleListeners)
        listener({ symbol: watched.symbol, timeframe: watched.timeframe, candle });
  }

  onTicker(listener: (ticker: Ticker) => void): () => void {
    this.#tickerListeners.add(listener);
    return () => this.#tickerListeners.delete(listener);
  }

  onCandle(listener: (update: { symbol: string; timeframe: Timeframe; candle: Candle }) => void): () => void {
    this.#candleListeners.add(listener);
    return () => this.#candleListeners.delete(listener);
  }

  start(): void {
    void this.#refreshLoop();
    // Our positions change with every fill and margin event: let those pushes drop the cache.
    for (const topic of ['/contract/positionAll', '/contractMarket/tradeOrders']) {
      void this.#options.privateStream?.subscribe(topic).catch((error: unknown) => {
        this.#options.logger.warn('positions-invalidation-subscribe-failed', {
          topic,
          error: toTradingError(error).message,
        });
      });
    }
  }

  async #refreshLoop(): Promise<void> {
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      await this.#refreshContracts().catch((error: unknown) => {
        this.#options.logger.warn('contracts-refresh-failed', { error: toTradingError(error).message });
      });
      await abortableSleep(this.#options.config.contractsRefreshMs, signal).catch(() => undefined);
    }
  }

  stop(): void {
    this.#abort.abort();
    for (const unsubscribe of this.#unsubscribers.splice(0)) unsubscribe();
  }
}
