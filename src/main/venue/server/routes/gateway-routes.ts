import type { VenueServerConfig } from '../../../config/sections/venue-server.ts';
import type { TokenStore } from '../../ws/token-store.ts';
import type { Route, RouteRequest } from '../route-table.ts';
import { userOf } from './params.ts';

/** What the token and key-info routes need. */
export interface GatewayRouteDeps {
  readonly settings: VenueServerConfig;
  readonly tokens: TokenStore;
  /** `ws://127.0.0.1:PORT/`, known once the server listens. */
  readonly wsEndpoint: () => string;
}

function bullet(deps: GatewayRouteDeps, request: RouteRequest, kind: 'public' | 'private'): unknown {
  const userId = kind === 'private' ? userOf(request) : undefined;
  const token = deps.tokens.issue(kind, userId, request.nowMs, deps.settings.wsTokenTtlMs);
  return {
    token: token.token,
    instanceServers: [
      {
        endpoint: deps.wsEndpoint(),
        // Loopback serves plain ws://, so the venue does not claim encryption.
        encrypt: false,
        protocol: 'websocket',
        pingInterval: deps.settings.wsPingIntervalMs,
        pingTimeout: deps.settings.wsPingTimeoutMs,
      },
    ],
  };
}

function apiKeyInfo(request: RouteRequest): unknown {
  const key = request.key;
  if (key === undefined) return userOf(request);
  // SPEC-ACC `GET /api/v1/user/api-key`: permission is a comma list, ipWhitelist only when set.
  return {
    remark: key.remark,
    apiKey: key.apiKey,
    apiVersion: Number(key.keyVersion),
    permission: key.permissions.join(','),
    ...(key.ipWhitelist.length > 0 ? { ipWhitelist: key.ipWhitelist.join(',') } : {}),
    createdAt: key.createdAt,
    uid: key.uid,
    isMaster: true,
  };
}

/** docs/reference/kucoin-futures.md#ws-token bullet tokens and the (general-host) api-key info endpoint. */
export function gatewayRoutes(deps: GatewayRouteDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/api/v1/bullet-public',
      access: 'public',
      handle: (r) => bullet(deps, r, 'public'),
    },
    {
      method: 'POST',
      pattern: '/api/v1/bullet-private',
      access: 'private',
      handle: (r) => bullet(deps, r, 'private'),
    },
    { method: 'GET', pattern: '/api/v1/user/api-key', access: 'private', handle: apiKeyInfo },
  ];
}
