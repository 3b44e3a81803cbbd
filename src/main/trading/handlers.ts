/**
 * IPC handlers for the trading channels (src/shared/ipc/channels/trading.ts). The router has
 * already parsed each request with the channel's schema; handlers call the service and return
 * the response value, throwing TradingError subclasses on failure.
 */
import type { z } from 'zod';
import type { tradingChannels } from '../../shared/ipc/channels/trading.ts';
import type { TradingService } from './service.ts';

type Channels = typeof tradingChannels;
type Handler<C extends keyof Channels> = (
  request: z.infer<Channels[C]['request']>,
) => Promise<z.infer<Channels[C]['response']>>;

/** `{ 'trading:verb-noun': async (request) => value }` for every trading channel. */
export type TradingHandlers = { [C in keyof Channels]: Handler<C> };

/** Builds the handlers over a service. */
export function createTradingHandlers(service: TradingService): TradingHandlers {
  return {
    'trading:preview-order': (ticket) => service.previewOrder(ticket),
    'trading:place-order': (ticket) => placeOrder(service, ticket),
    'trading:cancel-order': async ({ clientOid }) => {
      const order = await service.cancelOrder(clientOid);
      return { clientOid: order.clientOid, status: order.status };
    },
    'trading:amend-order': ({ clientOid, price }) => service.amendOrder(clientOid, price),
    'trading:cancel-all': async ({ symbol }) => ({ cancelledCount: await service.cancelAll(symbol) }),
    'trading:close-position': async ({ symbol, sizeLots }) => {
      const order = await service.closePosition(symbol, sizeLots);
      return { clientOid: order.clientOid, status: order.status };
    },
    'trading:move-stop': async ({ symbol, stopPrice }) => ({
      symbol,
      stopPrice,
      ...(await service.moveStop(symbol, stopPrice)),
    }),
    'trading:set-take-profit': async ({ symbol, price }) => ({
      symbol,
      ...(await service.setTakeProfit(symbol, price)),
    }),
    'trading:set-trailing': ({ symbol, trailing }) =>
      Promise.resolve({ symbol, trailing: service.setTrailing(symbol, trailing) }),
    'trading:trigger-kill-switch': ({ flatten, reason }) =>
      service.triggerKillSwitch(flatten, reason ?? 'pressed by the trader'),
    'trading:get-margin-mode': ({ symbol }) => service.getMarginMode(symbol),
    'trading:set-margin-mode': ({ symbol, marginMode }) => service.setMarginMode(symbol, marginMode),
    'trading:get-state': () => Promise.resolve(service.getState()),
    'trading:resume-trading': () => {
      service.resumeTrading();
      return Promise.resolve(service.getState());
    },
    'trading:list-positions': () => Promise.resolve(service.listPositions()),
    'trading:list-orders': ({ scope, symbol, limit }) =>
      Promise.resolve(
        service
          .listOrders(scope, symbol, limit)
          .map(({ requestJson: _r, parentClientOid: _p, stopAttachment: _a, ...order }) => order),
      ),
    'trading:query-journal': (query) => Promise.resolve(service.journal.queryEvents(query)),
    'trading:get-trailing': ({ symbol }) =>
      Promise.resolve(
        service.listTrailing().filter((state) => symbol === undefined || state.symbol === symbol),
      ),
  };
}

/** Places the ticket and says how its stop protects it: attached to the entry, or on its first fill. */
async function placeOrder(
  service: TradingService,
  ticket: z.infer<Channels['trading:place-order']['request']>,
): Promise<z.infer<Channels['trading:place-order']['response']>> {
  const { order, preview } = await service.placeOrder(ticket);
  return {
    clientOid: order.clientOid,
    status: order.status,
    protection: order.stopAttachment === 'attached' ? 'attached' : 'on-first-fill',
    preview,
  };
}
