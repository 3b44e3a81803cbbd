import type { BookWatch } from '../../../shared/ipc/channels/market.ts';
import type { BookService } from './book-service.ts';

/**
 * IPC handlers for the book channels of `src/shared/ipc/channels/market.ts`; requests arrive
 * already validated by the router.
 */
export function createBookHandlers(service: BookService) {
  return {
    'market:watch-book': async (request: { symbol: string }): Promise<BookWatch> =>
      service.watch(request.symbol),
  };
}
