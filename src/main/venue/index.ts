/**
 * The paper venue (ADR 0120): a KuCoin Futures exchange on 127.0.0.1 that an unmodified KuCoin
 * client can trade against — KuCoin's REST paths, envelope, signing, rate limits and WebSocket
 * protocol over the exchange core in `core/`, plus fault drills for tests.
 *
 * Performance note:
 * - One setPrice step costs ~60 µs of core time (book picture, synthetic levels, decimals, 11 candle
 *   events) and yields ~7.5 subscribed messages; that, not the gateway, bounds the core-driven WS rate.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ConfigError } from '../../shared/errors.ts';
import type { VenueConfig } from '../config/sections/venue.ts';
import type { VenueServerConfig, VenueServerOverrides } from '../config/sections/venue-server.ts';
import type { Logger } from '../observability/logger.ts';
import { loopbackRefusal, refuseUpgrade } from '../observability/loopback-guard.ts';
import type { Clock } from '../time/clock.ts';
import { systemClock } from '../time/clock.ts';
import { createVenueClock, createVenueExchange } from './core/index.ts';
import type { PriceFeed, UpstreamMarket, VenueClock, VenueExchange, VenuePersistence } from './core/index.ts';
import { createAdminHttp } from './server/admin-http.ts';
import { KeyBook } from './server/api-keys.ts';
import type { KeySpec } from './server/api-keys.ts';
import { buildRouteTable } from './server/build-routes.ts';
import { RestFaults } from './server/faults.ts';
import { createRequestListener, loopbackRefusalBody } from './server/front-door.ts';
import { ResourcePools } from './server/rate-limiter.ts';
import { RequestLog } from './server/request-log.ts';
import { serverSettings } from './server/settings.ts';
import { createVenueAdmin } from './server/venue-admin.ts';
import type { VenueAdmin, VenueCredentials } from './server/venue-admin.ts';
import { TokenStore } from './ws/token-store.ts';
import { WsGateway } from './ws/ws-gateway.ts';

export type { KeySpec, KeyPermission } from './server/api-keys.ts';
export type { VenueAdmin, VenueCredentials, FaultScope } from './server/venue-admin.ts';
export type { RestFaultSpec, RestFaultKind, RestFaultRule, CorruptVariant } from './server/faults.ts';
export type {
  OrderTimelineEntryWire,
  OrderTimelineFilter,
  TimelineFillWire,
  TimelineInstantWire,
} from './core/index.ts';
export type { WsFaultScope } from './ws/ws-gateway.ts';

/** How to start a venue. */
export interface StartVenueOptions {
  /** Loopback only. */
  readonly host?: '127.0.0.1';
  /** Default `config.restPort` (0 = an ephemeral port). */
  readonly port?: number;
  /** Seed of the core's randomness and of the fault dice (default `config.priceSeed`). */
  readonly seed?: number;
  readonly config: VenueConfig;
  /** Front-door settings not in the venue section (WS limits, ping, body size, tick). */
  readonly server?: VenueServerOverrides;
  readonly logger: Logger;
  /** Balance of every account the venue opens (default `config.startingBalanceUsdt`). */
  readonly startingBalanceUsdt?: string;
  /** Keys to issue; the first is the one in `credentials` (default: one General+Futures v3 key). */
  readonly keys?: readonly KeySpec[];
  readonly priceFeed?: PriceFeed;
  /** A mirrored real market (ADR 0180, src/main/venue/mirror/): replaces the simulated market. */
  readonly upstream?: UpstreamMarket;
  /** Gateway clock (signature window, /api/v1/timestamp, token expiry); default the system clock. */
  readonly clock?: Clock;
  /** Exchange time (prices, funding, stops); default `clock` sped up by `config.timeScale`. */
  readonly venueClock?: VenueClock;
  /** Keeps the accounts across restarts (venue/persist, ADR 0160); absent = fresh accounts each start. */
  readonly persistence?: VenuePersistence;
  /**
   * Serve the admin API under `/__venue/` (set prices, inject faults, issue keys with any
   * permission). Default false: the app's venue never serves it; the CLI and tests opt in. The
   * in-process `RunningVenue.admin` is there either way.
   */
  readonly adminApi?: boolean;
}

/** A running venue. */
export interface RunningVenue {
  /** `http://127.0.0.1:PORT` */
  readonly restUrl: string;
  /** `ws://127.0.0.1:PORT` (clients normally learn it from bullet-public/private). */
  readonly wsUrl: string;
  /** The first key's credentials. */
  readonly credentials: { apiKey: string; apiSecret: string; passphrase: string; keyVersion: '2' | '3' };
  /** Every issued key, in `keys` order. */
  readonly keys: readonly VenueCredentials[];
  readonly admin: VenueAdmin;
  readonly exchange: VenueExchange;
  /** Closes every socket and timer. */
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The assembled, not yet listening, venue. */
interface VenueParts {
  readonly settings: VenueServerConfig;
  readonly logger: Logger;
  readonly venueClock: VenueClock;
  readonly gatewayNow: () => number;
  readonly exchange: VenueExchange;
  readonly gateway: WsGateway;
  readonly admin: VenueAdmin;
  readonly keys: readonly VenueCredentials[];
  readonly state: ReturnType<typeof buildState>;
  readonly ws: { endpoint: string };
}

function buildState(seed: number, windowMs: number, logCapacity: number) {
  return {
    keys: new KeyBook(),
    pools: new ResourcePools(windowMs),
    faults: new RestFaults(seed),
    requestLog: new RequestLog(logCapacity),
    tokens: new TokenStore(),
  };
}

function assemble(options: StartVenueOptions): VenueParts {
  const settings = serverSettings(options.config, options.server);
  const seed = options.seed ?? options.config.priceSeed;
  const logger = options.logger.child({ component: 'venue' });
  const clock = options.clock ?? systemClock;
  const skew = { ms: 0 };
  const gatewayNow = (): number => clock.now() + skew.ms;
  const venueClock =
    options.venueClock ?? createVenueClock({ timeScale: options.config.timeScale, wall: clock });
  const exchange = createVenueExchange({
    seed,
    clock: venueClock,
    config: options.config,
    logger,
    ...(options.priceFeed === undefined ? {} : { priceFeed: options.priceFeed }),
    ...(options.persistence === undefined ? {} : { persistence: options.persistence }),
    ...(options.upstream === undefined ? {} : { upstream: options.upstream }),
  });
  const state = buildState(seed, settings.rateLimitWindowMs, settings.requestLogCapacity);
  const gateway = new WsGateway({ settings, logger, tokens: state.tokens, now: gatewayNow });
  const admin = createVenueAdmin({
    exchange,
    venueClock,
    gateway,
    skew,
    gatewayNow,
    ...state,
    startingBalanceUsdt: options.startingBalanceUsdt ?? options.config.startingBalanceUsdt,
  });
  const keys = (options.keys ?? [{}]).map((spec) => admin.issueKey(spec));
  return {
    settings,
    logger,
    venueClock,
    gatewayNow,
    exchange,
    gateway,
    admin,
    keys,
    state,
    ws: { endpoint: '' },
  };
}

/**
 * A connection Node could not parse (bad framing, oversized headers, a broken follow-up). With a
 * listener attached, closing the socket is ours to do (Node's http docs, 'clientError'). It gets
 * KuCoin's envelope only when no request on it is still being answered: a 400 written into a
 * request that latency holds would stand in for that request's own answer (ADR 0142).
 */
function answerClientError(socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: unknown })._httpMessage;
  if (socket.writable && (inFlight === undefined || inFlight === null)) {
    const body = JSON.stringify({ code: '400100', msg: 'Bad Request' });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    return;
  }
  socket.destroy();
}

/** A WebSocket upgrade passes the same loopback guard as every HTTP request. */
function upgradeOrRefuse(
  parts: VenueParts,
  port: () => number,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  const refusal = loopbackRefusal(req, port());
  if (refusal !== undefined) {
    parts.logger.warn('venue-upgrade-refused', {
      reason: refusal.reason,
      host: req.headers.host,
      origin: req.headers.origin,
    });
    refuseUpgrade(socket, refusal, loopbackRefusalBody(refusal));
    return;
  }
  if ((req.url ?? '').startsWith('/__venue')) socket.destroy();
  else parts.gateway.upgrade(req, socket, head);
}

function createHttpServer(parts: VenueParts, pending: Set<NodeJS.Timeout>, adminApi: boolean): Server {
  const { settings, logger, exchange, gatewayNow, state } = parts;
  const routes = buildRouteTable({
    exchange,
    settings,
    tokens: state.tokens,
    gatewayNow,
    wsEndpoint: () => parts.ws.endpoint,
  });
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        resolve();
      }, ms);
      pending.add(timer);
    });
  const admin = adminApi ? createAdminHttp(parts.admin, settings.maxBodyBytes) : undefined;
  const ownPort = (): number => (server.address() as AddressInfo | null)?.port ?? -1;
  const server: Server = createServer(
    { keepAlive: true },
    createRequestListener({
      settings,
      logger,
      routes,
      now: gatewayNow,
      sleep,
      admin,
      ownPort,
      withDuplicateClientOids: (work) => exchange.withDuplicateClientOids(work),
      ...state,
    }),
  );
  server.keepAliveTimeout = settings.httpKeepAliveTimeoutMs;
  // Node requires the header timeout to outlast the keep-alive timeout.
  server.headersTimeout = settings.httpKeepAliveTimeoutMs + 1_000;
  server.on('clientError', (_error, socket) => {
    answerClientError(socket);
  });
  server.on('upgrade', (req, socket, head) => {
    upgradeOrRefuse(parts, ownPort, req, socket, head);
  });
  return server;
}

/** Starts the venue and resolves once it listens. */
export async function startVenue(options: StartVenueOptions): Promise<RunningVenue> {
  const parts = assemble(options);
  const { exchange, gateway, logger, keys } = parts;
  const first = keys[0];
  if (first === undefined || first.keyVersion === '1')
    throw new ConfigError('venue-key-version', 'The first venue key must be version 2 or 3.');
  const unsubscribe = exchange.on((event) => {
    gateway.publish(event);
  });
  const pending = new Set<NodeJS.Timeout>();
  const server = createHttpServer(parts, pending, options.adminApi === true);
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, host, options.port ?? options.config.restPort);
  parts.ws.endpoint = `ws://${host}:${port}/`;
  const tick = setInterval(() => {
    exchange.advanceTo(parts.venueClock.now());
  }, parts.settings.coreTickIntervalMs);
  logger.info('venue-started', { port, keys: keys.length, adminApi: options.adminApi === true });
  const stop = async (): Promise<void> => {
    clearInterval(tick);
    for (const timer of pending) clearTimeout(timer);
    unsubscribe();
    gateway.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    exchange.close();
    logger.info('venue-stopped', { port });
  };
  const credentials = {
    apiKey: first.apiKey,
    apiSecret: first.apiSecret,
    passphrase: first.passphrase,
    keyVersion: first.keyVersion,
  };
  return {
    restUrl: `http://${host}:${port}`,
    wsUrl: `ws://${host}:${port}`,
    credentials,
    keys,
    admin: parts.admin,
    exchange,
    stop,
  };
}
