import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VenueServerConfig } from '../../config/sections/venue-server.ts';
import type { Logger } from '../../observability/logger.ts';
import { loopbackRefusal } from '../../observability/loopback-guard.ts';
import type { LoopbackRefusal } from '../../observability/loopback-guard.ts';
import { blankFields, corruptData } from './answer-faults.ts';
import type { ApiKeyRecord, KeyBook } from './api-keys.ts';
import { authenticate, requirePermission } from './auth.ts';
import type { RatePoolName } from '../../exchange/kucoin/endpoint-weights.ts';
import type { RestFaults } from './faults.ts';
import { clientIp, parseJsonBody, readBody, sendJson } from './http-io.ts';
import { refusal, refusalOf, refuse } from './kucoin-errors.ts';
import type { PoolReading, ResourcePools } from './rate-limiter.ts';
import { rateLimitHeaders } from './rate-limiter.ts';
import type { RequestLog } from './request-log.ts';
import type { RouteMatch, RouteTable } from './route-table.ts';

/** Everything the REST front door needs; built once per venue by startVenue. */
export interface FrontDoorDeps {
  readonly settings: VenueServerConfig;
  readonly logger: Logger;
  readonly keys: KeyBook;
  readonly pools: ResourcePools;
  readonly faults: RestFaults;
  readonly requestLog: RequestLog;
  readonly routes: RouteTable;
  /** Venue time in ms (clock + configured skew). */
  readonly now: () => number;
  /**
   * Serves `/__venue/…` (loopback admin API); absent when the venue was started without it (the
   * app): those paths are then unknown routes, as they are at KuCoin.
   */
  readonly admin:
    | ((req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string) => Promise<void>)
    | undefined;
  /** The port the venue listens on: the only Host it serves is `127.0.0.1:<port>`. */
  readonly ownPort: () => number;
  /** Waits `ms` on a timer the venue cancels at stop(). */
  readonly sleep: (ms: number) => Promise<void>;
  /** Runs order entry with duplicate clientOids accepted (fault `accept-duplicate-client-oid`). */
  readonly withDuplicateClientOids: <T>(work: () => T) => T;
}

/** The routes that place orders: where `accept-duplicate-client-oid` applies. */
const placementRoutes: ReadonlySet<string> = new Set([
  'POST /api/v1/orders',
  'POST /api/v1/orders/multi',
  'POST /api/v1/st-orders',
]);

/** One request being served, with what the pipeline learned so far. */
interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly ip: string;
  reading: PoolReading | undefined;
}

function poolLimit(settings: VenueServerConfig, pool: RatePoolName): number {
  if (pool === 'Futures') return settings.futuresPoolWeight;
  if (pool === 'Management') return settings.managementPoolWeight;
  return settings.publicPoolWeight;
}

function sendRefusal(ex: Exchange, deps: FrontDoorDeps, error: unknown): void {
  if (ex.req.socket.destroyed) {
    // The client went away (gave up, or its connection broke) before the venue answered: not a
    // venue defect, and nobody to answer. Logged quietly so real defects stay visible (ADR 0142).
    deps.logger.debug('venue-client-gone', { method: ex.method, path: ex.path, error: String(error) });
    return;
  }
  const found = refusalOf(error);
  if (found === undefined) {
    // A defect in the venue: logged loudly; the client still gets KuCoin's shape.
    deps.logger.error('venue-request-failed', { method: ex.method, path: ex.path, error: String(error) });
  }
  const r = found ?? refusal('500000');
  const reading =
    ex.reading ?? deps.pools.peek(`Public:${ex.ip}`, deps.settings.publicPoolWeight, deps.now());
  sendJson(ex.res, r.httpStatus, { code: r.code, msg: r.msg }, rateLimitHeaders(reading));
}

/** Injected faults that answer (or never answer) before any work; true when one fired. */
function injectedFailure(ex: Exchange, deps: FrontDoorDeps): boolean {
  if (deps.faults.fire('timeout', ex.method, ex.path) !== undefined) {
    deps.logger.debug('venue-fault-timeout', { path: ex.path });
    return true; // held: the socket stays open until the client gives up or the venue stops
  }
  const error = deps.faults.fire('server-error', ex.method, ex.path);
  if (error !== undefined) {
    sendJson(ex.res, error.httpStatus ?? 500, { code: '500000', msg: 'Internal Server Error' });
    return true;
  }
  if (deps.faults.fire('overload', ex.method, ex.path) !== undefined) {
    // P-RL1: 429000 also means "server overloaded"; no pool headers because no pool ran out.
    sendJson(ex.res, 429, { code: '429000', msg: 'Too Many Requests' });
    return true;
  }
  return false;
}

function authorise(
  ex: Exchange,
  match: RouteMatch,
  rawBody: string,
  deps: FrontDoorDeps,
): ApiKeyRecord | undefined {
  const { route } = match;
  const now = deps.now();
  if (route.access === 'public') {
    ex.reading = deps.pools.charge(
      `Public:${ex.ip}`,
      route.weight.weight ?? deps.settings.unsetEndpointWeight,
      deps.settings.publicPoolWeight,
      now,
    );
    return undefined;
  }
  const parts = {
    method: ex.method,
    path: ex.path,
    rawQuery: ex.rawQuery,
    rawBody,
    headers: ex.req.headers,
    ip: ex.ip,
  };
  const key = authenticate(parts, deps.keys, now, {
    toleranceMs: deps.settings.authTimestampToleranceMs,
    acceptEncodedQuery: deps.settings.authAcceptEncodedQuery,
  });
  requirePermission(key, route.weight.permission);
  const pool = route.weight.pool;
  ex.reading = deps.pools.charge(
    `${pool}:${key.userId}`,
    route.weight.weight ?? deps.settings.unsetEndpointWeight,
    poolLimit(deps.settings, pool),
    now,
  );
  return key;
}

function checkContentType(ex: Exchange, rawBody: string): void {
  if (rawBody === '') return;
  const type = ex.req.headers['content-type'] ?? '';
  if (!type.toLowerCase().includes('application/json')) refuse('415000');
}

async function serveKuCoin(ex: Exchange, deps: FrontDoorDeps): Promise<void> {
  const match = deps.routes.match(ex.method, ex.path);
  const rawBody = await readBody(ex.req, deps.settings.maxBodyBytes);
  if (match === undefined) refuse('404000');
  const key = authorise(ex, match, rawBody, deps);
  if (ex.reading?.allowed === false) refuse('429000');
  checkContentType(ex, rawBody);
  const rejected = deps.faults.fire('reject', ex.method, ex.path);
  if (rejected !== undefined) refuse(rejected.code ?? '300000', rejected.msg);
  const data = await doTheWork(ex, match, rawBody, key, deps);
  if (deps.faults.fire('drop-response', ex.method, ex.path) !== undefined) {
    // The work is done (e.g. the order rests on the book); the client never learns it.
    ex.req.socket.destroy();
    return;
  }
  sendJson(
    ex.res,
    200,
    { code: '200000', data: answerFaults(ex, deps, data ?? null) },
    ex.reading === undefined ? {} : rateLimitHeaders(ex.reading),
  );
}

/** Runs the route's handler (with duplicate clientOids accepted when that fault fires). */
async function doTheWork(
  ex: Exchange,
  match: RouteMatch,
  rawBody: string,
  key: ApiKeyRecord | undefined,
  deps: FrontDoorDeps,
): Promise<unknown> {
  const handle = (): unknown =>
    match.route.handle({
      params: match.params,
      query: new URLSearchParams(ex.rawQuery),
      body: parseJsonBody(rawBody),
      key,
      ip: ex.ip,
      nowMs: deps.now(),
    });
  const placing = placementRoutes.has(`${match.route.method} ${match.route.pattern}`);
  const duplicates =
    placing && deps.faults.fire('accept-duplicate-client-oid', ex.method, ex.path) !== undefined;
  return duplicates ? deps.withDuplicateClientOids(handle) : await handle();
}

/** Faults that change a successful answer after the work: corrupt-success, blank-fields (ADR 0140). */
function answerFaults(ex: Exchange, deps: FrontDoorDeps, data: unknown): unknown {
  let answer = data;
  const corrupt = deps.faults.fire('corrupt-success', ex.method, ex.path);
  if (corrupt !== undefined) answer = corruptData(answer, corrupt);
  const blank = deps.faults.fire('blank-fields', ex.method, ex.path);
  if (blank !== undefined) answer = blankFields(answer, blank.fields ?? []);
  return answer;
}

async function serve(ex: Exchange, deps: FrontDoorDeps): Promise<void> {
  deps.requestLog.record({ at: deps.now(), method: ex.method, path: ex.path, query: ex.rawQuery });
  const delay = deps.faults.delayMs(ex.method, ex.path);
  if (delay > 0) await deps.sleep(delay);
  if (injectedFailure(ex, deps)) return;
  try {
    await serveKuCoin(ex, deps);
  } catch (error) {
    sendRefusal(ex, deps, error);
  }
}

/** The body of a loopback-guard refusal: KuCoin's `{code, msg}` shape so any client shows the reason. */
export function loopbackRefusalBody(refusal: LoopbackRefusal): string {
  return JSON.stringify({ code: `${String(refusal.status)}000`, msg: refusal.reason });
}

/**
 * A request from anyone but our own client (a foreign Host: DNS rebinding; an Origin: a web
 * page) is answered with the refusal before the venue records or does anything; true when refused.
 */
function refusedByGuard(req: IncomingMessage, res: ServerResponse, deps: FrontDoorDeps): boolean {
  const refusal = loopbackRefusal(req, deps.ownPort());
  if (refusal === undefined) return false;
  deps.logger.warn('venue-request-refused', {
    reason: refusal.reason,
    host: req.headers.host,
    origin: req.headers.origin,
  });
  res.writeHead(refusal.status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(loopbackRefusalBody(refusal));
  return true;
}

/** Builds the node:http request listener: admin API under `/__venue/`, KuCoin's REST elsewhere. */
export function createRequestListener(
  deps: FrontDoorDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (refusedByGuard(req, res, deps)) return;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    const ex: Exchange = {
      req,
      res,
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      rawQuery,
      ip: clientIp(req),
      reading: undefined,
    };
    const { admin } = deps;
    const work =
      admin !== undefined && path.startsWith('/__venue/') ? admin(req, res, path, rawQuery) : serve(ex, deps);
    work.catch((error: unknown) => {
      sendRefusal(ex, deps, error);
    });
  };
}
