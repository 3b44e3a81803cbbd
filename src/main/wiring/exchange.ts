import type { ChartedSeries } from '../market/charted-series.ts';
import { contractStatsOf } from '../market/contract-stats.ts';
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type { Config } from '../config/schema.ts';
import { createExchangeClient } from '../exchange/index.ts';
import type { ExchangeClient, ExchangeEndpoints } from '../exchange/index.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { ChannelHandlers } from '../ipc/router.ts';
import { createMarketHandlers } from '../market/market-handlers.ts';
import type { Logger } from '../observability/logger.ts';
import type { ApiCredentials } from '../secrets/index.ts';
import type { Clock } from '../time/clock.ts';

/** KuCoin's production hosts: the futures API and the general host that serves key info. */
export const KUCOIN_LIVE_ENDPOINTS: ExchangeEndpoints = {
  futuresRestUrl: 'https://api-futures.kucoin.com',
  generalRestUrl: 'https://api.kucoin.com',
};

/** How often the health panel's snapshot is pushed (latest wins in the publisher). */
const HEALTH_PUSH_MS = 1_000;

/** Builds the client for the mode's endpoints and bridges its market and health events to the renderer. */
export function createEngineClient(input: {
  config: Config;
  mode: TradingMode;
  endpoints: ExchangeEndpoints;
  credentials: ApiCredentials | undefined;
  clock: Clock;
  logger: Logger;
  events: EventPublisher;
  /** Only these series' candle updates are pushed to the renderer. */
  charted: ChartedSeries;
}): { client: ExchangeClient; bridge: () => () => void } {
  const client = createExchangeClient({
    config: input.config.exchange,
    endpoints: input.endpoints,
    ...(input.credentials === undefined ? {} : { credentials: input.credentials }),
    clock: input.clock,
    logger: input.logger.child({ component: 'exchange' }),
    mode: input.mode,
  });
  const bridge = (): (() => void) => {
    const offTicker = client.market.onTicker((ticker) => {
      input.events.publish('market:ticker-updated', ticker, ticker.symbol);
    });
    const offCandle = client.market.onCandle((update) => {
      if (!input.charted.has(update.symbol, update.timeframe)) return;
      input.events.publish('market:candle-updated', update, `${update.symbol}:${update.timeframe}`);
    });
    const timer = setInterval(() => {
      input.events.publish('exchange:health-changed', client.health());
    }, HEALTH_PUSH_MS);
    return () => {
      clearInterval(timer);
      offTicker();
      offCandle();
    };
  };
  return { client, bridge };
}

/** Market handlers; asking for candles also subscribes their stream and charts the series, so the chart stays live. */
export function engineMarketHandlers(
  client: ExchangeClient,
  logger: Logger,
  charted: ChartedSeries,
): ChannelHandlers {
  const base = createMarketHandlers({
    market: client.market,
    health: () => client.health(),
    contractStats: async (symbol) => contractStatsOf(await client.rest.getContract(symbol), Date.now()),
  });
  return {
    ...base,
    'market:get-candles': async (request) => {
      // Noted before the history is read, so no live candle falls between the two.
      charted.note(request.symbol, request.timeframe);
      const candles = await base['market:get-candles'](request);
      client.market.watchCandles(request.symbol, request.timeframe).catch((error: unknown) => {
        logger.warn('candle-stream-subscribe-failed', { symbol: request.symbol, error });
      });
      return candles;
    },
    'market:get-ticker': async (request) => {
      const ticker = await base['market:get-ticker'](request);
      client.market.watchTicker(request.symbol).catch((error: unknown) => {
        logger.warn('ticker-stream-subscribe-failed', { symbol: request.symbol, error });
      });
      return ticker;
    },
  };
}
