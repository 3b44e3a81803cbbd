/**
 * Adapts the exchange client (src/main/exchange/kucoin/client.ts) to what trading needs: its REST
 * API, private-stream pushes as "look now" hints, and health conditions polled once a second
 * (breaker open, clock not healthy, private stream down longer than the grace period).
 */
import type { ExchangeClient } from '../exchange/kucoin/client.ts';
import type { ClientHealthCondition, TradingClient, TradingClientEvent } from './client-port.ts';

const HEALTH_POLL_MS = 1000;
/** Private topics whose pushes make the engine look at orders and positions at once (docs/reference/kucoin-futures.md#ws-private-topics). */
const privateTopics = [
  '/contractMarket/tradeOrders',
  '/contractMarket/advancedOrders',
  '/contract/positionAll',
];

/** Options: how long the private stream may be down before trading is restricted. */
export interface TradingClientAdapterOptions {
  readonly privateStreamGraceMs: number;
  readonly now: () => number;
  /**
   * Why the market data behind the exchange is stale now, undefined while fresh (the paper venue's
   * mirrored KuCoin feed, ADR 0180); while it answers a reason, trading is REDUCING.
   */
  readonly marketFeedStale?: () => string | undefined;
}

function subjectSymbol(data: unknown): string {
  if (typeof data === 'object' && data !== null && 'symbol' in data && typeof data.symbol === 'string')
    return data.symbol;
  return '';
}

/** Builds the trading view of an exchange client. */
export function tradingClientFrom(
  client: ExchangeClient,
  options: TradingClientAdapterOptions,
): TradingClient {
  return {
    rest: client.rest,
    serverNow: () => client.timeSync.serverNow(),
    dropQueuedEntries: (reason) => client.dropQueuedEntries(reason),
    subscribe(listener) {
      const stream = client.privateStream;
      const offs: (() => void)[] = [];
      if (stream !== undefined) {
        for (const topic of privateTopics) void stream.subscribe(topic).catch(() => undefined);
        offs.push(
          stream.onMessage((message) => {
            const symbol = subjectSymbol(message.data);
            listener(
              message.topic.startsWith('/contract/position')
                ? { type: 'position-changed', symbol }
                : { type: 'order-changed', symbol },
            );
          }),
        );
        offs.push(
          stream.onEvent((event) => {
            if (event.type === 'reconcile-needed')
              listener({ type: 'reconcile-needed', reason: 'private stream reconnected' });
          }),
        );
      }
      const down: { since: number | undefined } = { since: undefined };
      const timer = setInterval(() => {
        for (const event of healthEvents(client, options, down)) listener(event);
      }, HEALTH_POLL_MS);
      return () => {
        clearInterval(timer);
        for (const off of offs) off();
      };
    },
  };
}

function healthEvents(
  client: ExchangeClient,
  options: TradingClientAdapterOptions,
  down: { since: number | undefined },
): TradingClientEvent[] {
  const health = client.health();
  const now = options.now();
  const privateState = health.streams.private;
  if (privateState === 'open' || privateState === 'absent') down.since = undefined;
  else down.since ??= now;
  const privateDown = down.since !== undefined && now - down.since > options.privateStreamGraceMs;
  const conditions: [ClientHealthCondition, boolean, string][] = [
    ['breaker-open', health.breaker === 'open', `circuit breaker ${health.breaker}`],
    ['clock-unhealthy', health.clock.state !== 'healthy', `clock ${health.clock.state}`],
    ['private-stream-dead', privateDown, 'private stream down'],
  ];
  if (options.marketFeedStale !== undefined) {
    const stale = options.marketFeedStale();
    conditions.push(['market-feed-stale', stale !== undefined, stale ?? 'market data fresh']);
  }
  return conditions.map(([condition, active, detail]) => ({ type: 'health', condition, active, detail }));
}
