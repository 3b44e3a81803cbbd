import type { Config } from '../config/schema.ts';
import type { ExchangeClient } from '../exchange/index.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { ChannelHandlers } from '../ipc/router.ts';
import { createBookHandlers } from '../market/book/book-handlers.ts';
import { createBookService, type BookService } from '../market/book/book-service.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';

/** The order book and trades service on the engine's client, its handler and its teardown. */
export interface EngineBook {
  readonly service: BookService;
  readonly handlers: ChannelHandlers;
  stop(): void;
}

/** Builds the book service over the client's level-2 books and public stream, and bridges its pushes to the renderer (ADR 0530). */
export function createEngineBook(input: {
  config: Config;
  client: ExchangeClient;
  events: EventPublisher;
  clock: Clock;
  logger: Logger;
}): EngineBook {
  const { client, events } = input;
  const service = createBookService({
    isListed: async (symbol) =>
      (await client.market.listContracts()).some((contract) => contract.symbol === symbol),
    openBook: (symbol) => client.openBook(symbol),
    stream: client.publicStream,
    config: input.config.exchange.market,
    clock: input.clock,
    logger: input.logger.child({ component: 'book' }),
  });
  // The service already coalesces to 10/s; the symbol key keeps a switch from hiding the new book.
  const offBook = service.onBook((book) => {
    events.publish('market:book-updated', book, book.symbol);
  });
  const offTrades = service.onTrades((trades) => {
    events.publish('market:trades-updated', trades, trades.symbol);
  });
  return {
    service,
    handlers: createBookHandlers(service),
    stop: () => {
      offBook();
      offTrades();
      service.stop();
    },
  };
}
