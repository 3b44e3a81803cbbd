import type { VenueServerConfig } from '../../config/sections/venue-server.ts';
import type { VenueExchange } from '../core/index.ts';
import type { TokenStore } from '../ws/token-store.ts';
import { RouteTable } from './route-table.ts';
import { gatewayRoutes } from './routes/gateway-routes.ts';
import { marketRoutes } from './routes/market-routes.ts';
import { orderRoutes } from './routes/order-routes.ts';
import { positionRoutes } from './routes/position-routes.ts';

/** What the KuCoin route table is built from. */
export interface RouteDeps {
  readonly exchange: VenueExchange;
  readonly settings: VenueServerConfig;
  readonly tokens: TokenStore;
  readonly gatewayNow: () => number;
  readonly wsEndpoint: () => string;
}

/** Every KuCoin endpoint the venue serves (docs/reference/kucoin-futures.md#server-time, #rest-conventions, #ws-token). */
export function buildRouteTable(deps: RouteDeps): RouteTable {
  return new RouteTable([
    ...marketRoutes({ exchange: deps.exchange, gatewayNow: deps.gatewayNow }),
    ...orderRoutes(deps.exchange),
    ...positionRoutes(deps.exchange),
    ...gatewayRoutes({ settings: deps.settings, tokens: deps.tokens, wsEndpoint: deps.wsEndpoint }),
  ]);
}
