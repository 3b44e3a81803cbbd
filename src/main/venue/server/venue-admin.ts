import type {
  LedgerWire,
  OrderTimelineEntryWire,
  OrderTimelineFilter,
  VenueClock,
  VenueEvent,
  VenueExchange,
  VenueStatusWire,
} from '../core/index.ts';
import type { WsFaultScope, WsGateway } from '../ws/ws-gateway.ts';
import type { KeyBook, KeySpec } from './api-keys.ts';
import type { RestFaultRule, RestFaults, RestFaultSpec } from './faults.ts';
import type { LoggedRequest, RequestLog } from './request-log.ts';
import type { ResourcePools } from './rate-limiter.ts';

/** Credentials of one venue key, as a client needs them. */
export interface VenueCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly passphrase: string;
  readonly keyVersion: '1' | '2' | '3';
  /** The venue account the key trades for. */
  readonly userId: string;
}

/** A REST fault's scope: a method and/or a path pattern (`*` one segment, `**` any). */
export interface FaultScope {
  readonly path?: string;
  readonly method?: string;
}

/**
 * The venue's control panel for tests and drills (same operations as the `/__venue/` HTTP API).
 * Every fault is off at start; {@link VenueAdmin.reset} switches them all off again.
 */
export interface VenueAdmin {
  /**
   * Adds a REST fault rule (latency, server-error, overload, timeout, drop-response, reject,
   * corrupt-success, blank-fields, accept-duplicate-client-oid); returns its id.
   */
  addFault(spec: RestFaultSpec): string;
  /** Latency ± jitter on matching requests; returns the rule id. */
  setLatency(latencyMs: number, jitterMs?: number, scope?: FaultScope): string;
  removeFault(id: string): void;
  clearFaults(): void;
  faults(): readonly RestFaultRule[];
  /** Drops WebSocket connections abruptly; returns how many. */
  disconnectWebSockets(scope?: WsFaultScope): number;
  /** Connections stay open but receive nothing and get no pong (on=false restores them). */
  silenceWebSockets(on: boolean, scope?: WsFaultScope): number;
  /** Every bullet token expires now; its connections close. Returns how many tokens expired. */
  expireTokens(scope?: WsFaultScope): number;
  wsConnectionCount(): number;
  /**
   * Pushes one event to its WS subscribers exactly as if the core had emitted it (drills that need
   * a specific message, and the fan-out benchmark). Does not change exchange state.
   */
  publish(event: VenueEvent): void;
  /** Venue (gateway) time = clock + skew: /api/v1/timestamp, signature window, token expiry. */
  setClockSkewMs(ms: number): void;
  clockSkewMs(): number;
  /** Maintenance: 'close' or 'cancelonly' refuse orders with KuCoin's code; 'open' restores. */
  setStatus(status: VenueStatusWire['status'], msg?: string): void;
  /** Sets mark/index/last price now (stops and liquidations run). */
  setPrice(symbol: string, price: string): void;
  /** Moves prices by `pct` percent now. */
  jumpPrice(symbol: string, pct: number): void;
  /** Moves venue (exchange) time forward by `ms`: funding, stop triggers, candles. */
  advanceTime(ms: number): void;
  /** Auto-deleverages `lots` of the user's `symbol` position (`adl` fill, changeReason adl); returns the lots left. */
  autoDeleverage(userId: string, symbol: string, lots: number): number;
  /** Issues a new key (own account unless `spec.userId` names an existing one). */
  issueKey(spec: KeySpec): VenueCredentials;
  /** Requests that reached the venue: all, or of one path and/or method. */
  requestCount(filter?: { readonly path?: string; readonly method?: string }): number;
  requestCounts(): Record<string, number>;
  recentRequests(): readonly LoggedRequest[];
  resetRequestLog(): void;
  /** Refills every rate-limit pool. */
  resetRateLimits(): void;
  /** A user's exact ledger (decimal strings), for money assertions in tests. */
  ledger(userId: string): LedgerWire;
  /**
   * Every remembered order (regular and stop, open and done, within the retention) with the
   * venue instants it was accepted, triggered, cancelled and done and each fill (ADR 0140).
   */
  orderTimeline(filter?: OrderTimelineFilter): OrderTimelineEntryWire[];
  /** Everything back to normal: faults off, skew 0, status open, log and pools cleared. */
  reset(): void;
}

/** The venue parts the admin drives. */
export interface VenueAdminDeps {
  readonly exchange: VenueExchange;
  readonly venueClock: VenueClock;
  readonly faults: RestFaults;
  readonly gateway: WsGateway;
  readonly keys: KeyBook;
  readonly requestLog: RequestLog;
  readonly pools: ResourcePools;
  readonly skew: { ms: number };
  readonly gatewayNow: () => number;
  readonly startingBalanceUsdt: string;
}

function credentialsOf(deps: VenueAdminDeps, spec: KeySpec): VenueCredentials {
  const key = deps.keys.issue(spec, deps.gatewayNow());
  if (!deps.exchange.hasAccount(key.userId)) deps.exchange.openAccount(key.userId, deps.startingBalanceUsdt);
  return {
    apiKey: key.apiKey,
    apiSecret: key.apiSecret,
    passphrase: key.passphrase,
    keyVersion: key.keyVersion,
    userId: key.userId,
  };
}

type FaultControls = Pick<
  VenueAdmin,
  | 'addFault'
  | 'setLatency'
  | 'removeFault'
  | 'clearFaults'
  | 'faults'
  | 'disconnectWebSockets'
  | 'silenceWebSockets'
  | 'expireTokens'
  | 'wsConnectionCount'
  | 'publish'
>;

function faultControls(deps: VenueAdminDeps): FaultControls {
  return {
    addFault: (spec) => deps.faults.add(spec),
    setLatency: (latencyMs, jitterMs = 0, scope = {}) =>
      deps.faults.add({ kind: 'latency', latencyMs, jitterMs, ...scope }),
    removeFault: (id) => {
      deps.faults.remove(id);
    },
    clearFaults: () => {
      deps.faults.clear();
    },
    faults: () => deps.faults.list(),
    disconnectWebSockets: (scope) => deps.gateway.disconnect(scope),
    silenceWebSockets: (on, scope) => deps.gateway.silence(on, scope),
    expireTokens: (scope) => deps.gateway.expireTokens(scope),
    wsConnectionCount: () => deps.gateway.connectionCount(),
    publish: (event) => {
      deps.gateway.publish(event);
    },
  };
}

/** Builds the in-process admin over the venue's parts. */
export function createVenueAdmin(deps: VenueAdminDeps): VenueAdmin {
  return {
    ...faultControls(deps),
    setClockSkewMs: (ms) => {
      deps.skew.ms = ms;
    },
    clockSkewMs: () => deps.skew.ms,
    setStatus: (status, msg) => {
      deps.exchange.setStatus(status, msg);
    },
    setPrice: (symbol, price) => {
      deps.exchange.setPrice(symbol, price);
    },
    jumpPrice: (symbol, pct) => {
      deps.exchange.jumpPrice(symbol, pct);
    },
    advanceTime: (ms) => {
      deps.venueClock.advance(ms);
      deps.exchange.advanceTo(deps.venueClock.now());
    },
    autoDeleverage: (userId, symbol, lots) => deps.exchange.autoDeleverage(userId, symbol, lots),
    issueKey: (spec) => credentialsOf(deps, spec),
    requestCount: (filter) => deps.requestLog.count(filter),
    requestCounts: () => deps.requestLog.counts(),
    recentRequests: () => deps.requestLog.recent(),
    resetRequestLog: () => {
      deps.requestLog.reset();
    },
    resetRateLimits: () => {
      deps.pools.reset();
    },
    ledger: (userId) => deps.exchange.ledger(userId),
    orderTimeline: (filter) => deps.exchange.orderTimeline(filter),
    reset: () => {
      deps.faults.clear();
      deps.gateway.silence(false);
      deps.skew.ms = 0;
      deps.exchange.setStatus('open');
      deps.requestLog.reset();
      deps.pools.reset();
    },
  };
}
