import { randomBytes } from 'node:crypto';
import {
  ConnectionError,
  ExchangeError,
  NetworkError,
  OrderUnknownError,
  TimeoutError,
  TimeSyncError,
  TradingError,
  ValidationError,
} from '../../../shared/errors.ts';
import type { ExchangeConfig } from '../../config/sections/exchange.ts';
import type { Logger } from '../../observability/logger.ts';
import type { CircuitBreaker } from '../../resilience/circuit-breaker.ts';
import { endpointWeights } from './endpoint-weights.ts';

/** Weight charged for a route whose spec row leaves it unset (recentFills). */
const UNSET_ENDPOINT_WEIGHT = 3;
import type { EndpointWeight } from '../../resilience/pools.ts';
import type { RateLimiter, RateOutcome, RatePermit } from '../../resilience/rate-limiter.ts';
import { retryRead } from '../../resilience/retry-policy.ts';
import type { TimeSync } from '../../time/time-sync.ts';
import type { HttpPool } from './http-pool.ts';
import { buildQuery } from './query.ts';
import { readRateHeaders } from './rate-headers.ts';
import type { ApiHost, RestCall } from './rest-call.ts';
import { interpretResponse } from './response-parser.ts';
import type { RequestSigner } from './signer.ts';
import { mapTransportError, type RequestRef } from './transport-errors.ts';

/** Sends RestCalls: limiter → breaker → sign → HTTP pool → parse, with the retry rules of docs/adr/0200-exchange-rest-transport.md. */
export interface RestTransport {
  /** Sends one call and returns its parsed `data`. Throws only TradingError subclasses. */
  request<T>(call: RestCall<T>): Promise<T>;
  /** Stops: aborts in-flight requests and back-off waits; later calls are refused. */
  stop(): Promise<void>;
}

/** Dependencies of {@link createRestTransport}. */
export interface RestTransportOptions {
  readonly config: ExchangeConfig['rest'];
  readonly baseUrls: Readonly<Record<ApiHost, string>>;
  readonly pool: HttpPool;
  /** Absent when the client runs without credentials (market data only). */
  readonly signer: RequestSigner | undefined;
  readonly limiter: RateLimiter;
  /** One breaker per host (ADR 0220): a dead general host must not fail-fast order traffic. */
  readonly breakers: Readonly<Record<ApiHost, CircuitBreaker>>;
  readonly timeSync: TimeSync;
  readonly logger: Logger;
  /** Told about every finished request (metrics); an empty set costs one size check per request. */
  readonly requestListeners?: ReadonlySet<(completed: RestRequestCompleted) => void>;
}

/** One finished REST request, as the client's `onRequestCompleted` listeners see it. */
export interface RestRequestCompleted {
  /** `METHOD /path/{template}`, e.g. `POST /api/v1/orders`. */
  readonly route: string;
  readonly host: ApiHost;
  readonly pool: EndpointWeight['pool'];
  readonly weight: number;
  readonly lane: RestCall<unknown>['lane'];
  /** From the breaker's admission to the parsed answer or the error (limiter wait excluded). */
  readonly durationMs: number;
  /** Absent when no HTTP answer arrived (timeout, reset, breaker open). */
  readonly httpStatus?: number;
  /** `ok`, or the TradingError code the request failed with. */
  readonly outcome: string;
  /** The TradingError subclass name when it failed (`TimeoutError`, `ExchangeError` …). */
  readonly errorClass?: string;
}

/** Creates the transport. See {@link RestTransport}. */
export function createRestTransport(options: RestTransportOptions): RestTransport {
  return new KucoinRestTransport(options);
}

interface Attempt {
  readonly requestId: string;
  readonly ref: RequestRef;
}

class KucoinRestTransport implements RestTransport {
  readonly #options: RestTransportOptions;
  readonly #abort = new AbortController();
  readonly #inFlight = new Set<AbortController>();
  readonly #idPrefix = randomBytes(3).toString('hex');
  #sequence = 0;

  constructor(options: RestTransportOptions) {
    this.#options = options;
  }

  async request<T>(call: RestCall<T>): Promise<T> {
    if (this.#abort.signal.aborted)
      throw new ConnectionError('client-stopped', 'The exchange client is stopped.', {
        details: { sent: false },
        retryable: false,
      });
    // Entries wait for a trusted clock; protective orders go out signed with the best offset known,
    // and a 400002 still resyncs and re-signs once (ADR 0231).
    if (call.kind === 'order-placement' && !call.protective) this.#options.timeSync.assertOrderEntryAllowed();
    if (call.kind === 'read') {
      return retryRead(
        () => this.#withTimeResync(call),
        this.#options.config,
        this.#abort.signal,
        (attempt, delayMs, error) => {
          this.#options.logger.info('exchange-request-retry', {
            route: call.route,
            attempt,
            delayMs,
            error: describe(error),
          });
        },
      );
    }
    try {
      return await this.#withTimeResync(call);
    } catch (error) {
      if (error instanceof AdmissionRefused) throw error.refusal;
      throw call.kind === 'order-placement' ? asOrderOutcome(error, call) : error;
    }
  }

  /** On 400002, resync the clock and re-sign once (docs/reference/kucoin-futures.md#server-time; #timestamp-drift). */
  async #withTimeResync<T>(call: RestCall<T>): Promise<T> {
    try {
      return await this.#once(call);
    } catch (error) {
      if (!(error instanceof TimeSyncError) || error.code !== 'timestamp-rejected') throw error;
      this.#options.logger.warn('exchange-timestamp-rejected-resyncing', {
        route: call.route,
        requestId: error.details.requestId,
      });
      await this.#options.timeSync.sync();
      return this.#once(call);
    }
  }

  async #once<T>(call: RestCall<T>): Promise<T> {
    const weight = this.#weightOf(call.route);
    // A short-lived signal per request: deriving from one long-lived signal (AbortSignal.any) keeps
    // every request's signal reachable and was the client's main GC cost. stop() aborts the set.
    const controller = new AbortController();
    const signal = controller.signal;
    const detachCaller = linkCallerSignal(call.signal, controller);
    this.#inFlight.add(controller);
    let permit: RatePermit;
    try {
      const entry = call.kind === 'order-placement' && !call.protective;
      permit = await this.#options.limiter.acquire(
        { pool: weight.pool, weight: weight.weight, lane: call.lane, route: call.route, entry },
        signal,
      );
    } catch (error) {
      this.#inFlight.delete(controller);
      detachCaller();
      throw error;
    }
    const attempt = this.#newAttempt(call);
    const sent: { outcome: RateOutcome; httpStatus?: number } = { outcome: { kind: 'not-sent' } };
    const report = (next: RateOutcome, httpStatus: number): void => {
      sent.outcome = next;
      sent.httpStatus = httpStatus;
    };
    const startedAt = performance.now();
    try {
      this.#admit(call);
      // A protective request is never failed fast: while open it goes out as a probe (ADR 0232).
      const value = await this.#options.breakers[call.host].execute(
        () => this.#send(call, attempt, controller, report),
        { protective: call.protective },
      );
      this.#completed(call, weight, startedAt, sent.httpStatus, undefined);
      return value;
    } catch (error) {
      this.#completed(call, weight, startedAt, sent.httpStatus, error);
      // A request that may have arrived keeps its weight counted; one that never left is refunded.
      if (
        error instanceof NetworkError &&
        !(error instanceof ConnectionError && error.details.sent === false) &&
        sent.outcome.kind === 'not-sent'
      ) {
        sent.outcome = { kind: 'answered', headers: undefined };
      }
      throw error;
    } finally {
      permit.release(sent.outcome);
      this.#inFlight.delete(controller);
      detachCaller();
    }
  }

  /**
   * Right before signing and sending: an entry re-checks the clock (it may have waited in the queue
   * while the clock became untrusted), then the caller's admit hook runs. Either refusal leaves
   * nothing sent; the hook's error is carried past the resync and order-outcome wrapping unchanged.
   */
  #admit(call: RestCall<unknown>): void {
    if (call.kind === 'order-placement' && !call.protective) this.#options.timeSync.assertOrderEntryAllowed();
    if (call.admit === undefined) return;
    try {
      call.admit();
    } catch (error) {
      throw new AdmissionRefused(error);
    }
  }

  async #send<T>(
    call: RestCall<T>,
    attempt: Attempt,
    controller: AbortController,
    report: (outcome: RateOutcome, httpStatus: number) => void,
  ): Promise<T> {
    const startedAt = performance.now();
    const query = buildQuery(call.query);
    const bodyText = call.body === undefined ? '' : JSON.stringify(call.body);
    const headers = this.#headers(call, query.raw, bodyText);
    const url = `${this.#options.baseUrls[call.host]}${call.path}${query.encoded === '' ? '' : `?${query.encoded}`}`;
    // Our own timeout on our own per-request signal (covers the body read too). No layer in between
    // derives another signal from it: each derived one is GC work per request (ADR 0200, 0210).
    const timeoutMs = call.timeoutMs ?? this.#options.config.requestTimeoutMs;
    const timer = abortAfter(controller, call, attempt, timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.#options.pool.send(url, {
        method: call.method,
        headers,
        body: bodyText === '' ? undefined : bodyText,
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      const mapped = mapTransportError(
        controller.signal.aborted ? controller.signal.reason : error,
        attempt.ref,
      );
      this.#options.logger.warn('exchange-request-failed', {
        ...attempt.ref,
        code: mapped.code,
        error: mapped.message,
      });
      throw mapped;
    } finally {
      clearTimeout(timer);
    }
    report(rateOutcomeOf(response.status, response.headers, text), response.status);
    this.#options.logger.debug('exchange-response', {
      ...attempt.ref,
      status: response.status,
      ms: performance.now() - startedAt,
    });
    return interpretResponse(call, response.status, text, attempt.ref, this.#options.logger);
  }

  #headers(call: RestCall<unknown>, rawQuery: string, body: string): Record<string, string> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (!call.auth) return headers;
    const signer = this.#options.signer;
    if (signer === undefined)
      throw new ValidationError(
        'credentials-missing',
        'This request needs API credentials, and none are configured.',
      );
    const signed = signer.sign({
      timestampMs: this.#options.timeSync.serverNow(),
      method: call.method,
      path: call.path,
      rawQuery,
      body,
    });
    return { ...headers, ...signed };
  }

  /** Tells the request listeners; builds nothing when there are none (the order path stays free). */
  #completed(
    call: RestCall<unknown>,
    weight: EndpointWeight,
    startedAt: number,
    httpStatus: number | undefined,
    error: unknown,
  ): void {
    const listeners = this.#options.requestListeners;
    if (listeners === undefined || listeners.size === 0) return;
    const failed = error instanceof TradingError ? error : undefined;
    const completed: RestRequestCompleted = {
      route: call.route,
      host: call.host,
      pool: weight.pool,
      weight: weight.weight,
      lane: call.lane,
      durationMs: performance.now() - startedAt,
      ...(httpStatus === undefined ? {} : { httpStatus }),
      outcome: error === undefined ? 'ok' : (failed?.code ?? 'internal-error'),
      ...(error === undefined ? {} : { errorClass: failed?.name ?? 'Error' }),
    };
    for (const listener of listeners) {
      try {
        listener(completed);
      } catch (listenerError) {
        // A metrics listener must never turn an answered order into a failed one.
        this.#options.logger.warn('request-listener-failed', { route: call.route, error: listenerError });
      }
    }
  }

  #newAttempt(call: RestCall<unknown>): Attempt {
    this.#sequence += 1;
    const requestId = `${this.#idPrefix}-${this.#sequence}`;
    const ref: RequestRef = { requestId, method: call.method, path: call.path };
    this.#options.logger.debug('exchange-request', {
      ...ref,
      route: call.route,
      lane: call.lane,
      ...(call.clientOid === undefined ? {} : { clientOid: call.clientOid }),
    });
    return { requestId, ref };
  }

  #weightOf(route: string): EndpointWeight {
    const row = endpointWeights[route];
    if (row === undefined)
      throw new ValidationError('unknown-route', `No rate-limit weight is known for ${route}.`, {
        details: { route },
      });
    // recentFills has no weight in the spec; ccxt charges 3 (docs/reference/kucoin-futures.md#orders), as does the venue by default.
    return { pool: row.pool, weight: row.weight ?? UNSET_ENDPOINT_WEIGHT };
  }

  async stop(): Promise<void> {
    const reason = new ConnectionError('client-stopped', 'The exchange client is stopping.', {
      details: { sent: false },
      retryable: false,
    });
    this.#abort.abort(reason);
    // A request cut off mid-flight may have reached KuCoin: say so, so an order becomes OrderUnknownError.
    const inFlightReason = new ConnectionError(
      'client-stopped',
      'The exchange client stopped while the request was in flight.',
      { details: { sent: true }, retryable: false },
    );
    for (const controller of this.#inFlight) controller.abort(inFlightReason);
    this.#inFlight.clear();
    await this.#options.pool.destroy();
  }
}

/** Carries an admit hook's error, untouched, from #once up to request(). */
class AdmissionRefused extends Error {
  readonly refusal: unknown;

  constructor(refusal: unknown) {
    super('the order was refused by its admit hook');
    this.refusal = refusal;
  }
}

/** Aborts `controller` when the caller's signal aborts; returns the detach function. */
/** Aborts the request with TimeoutError `request-timeout` once `timeoutMs` passes without an answer. */
function abortAfter(
  controller: AbortController,
  call: RestCall<unknown>,
  attempt: Attempt,
  timeoutMs: number,
): NodeJS.Timeout {
  return setTimeout(() => {
    controller.abort(
      new TimeoutError(
        'request-timeout',
        `KuCoin did not answer ${call.method} ${call.path} within ${timeoutMs} ms.`,
        { details: { ...attempt.ref, sent: true, timeoutMs } },
      ),
    );
  }, timeoutMs);
}

function linkCallerSignal(caller: AbortSignal | undefined, controller: AbortController): () => void {
  if (caller === undefined) return () => undefined;
  if (caller.aborted) {
    controller.abort(caller.reason);
    return () => undefined;
  }
  const onAbort = (): void => {
    controller.abort(caller.reason);
  };
  caller.addEventListener('abort', onAbort, { once: true });
  return () => {
    caller.removeEventListener('abort', onAbort);
  };
}

/** What the limiter should learn from an answer: quota used, quota exhausted, or overload (docs/reference/kucoin-futures.md#overload-is-not-quota). */
function rateOutcomeOf(status: number, headers: Headers, text: string): RateOutcome {
  const rateHeaders = readRateHeaders(headers);
  const tooMany = status === 429 || text.includes('"429000"');
  if (!tooMany) return { kind: 'answered', headers: rateHeaders };
  if (rateHeaders === undefined) return { kind: 'overloaded' };
  return rateHeaders.remaining <= 0
    ? { kind: 'quota-exceeded', headers: rateHeaders }
    : { kind: 'overloaded' };
}

function describe(error: unknown): string {
  return error instanceof TradingError ? `${error.code}: ${error.message}` : String(error);
}

/**
 * An order POST that failed after it may have reached the exchange has an unknown outcome: never
 * resend blindly, ask by clientOid (ADR 0200). "May have arrived" is every transport failure except a
 * connection that never opened (timeout, reset, 5xx, stop mid-flight) and every answer we could not
 * read or trust (not JSON, not KuCoin's envelope, a 200000 without the orderId or with another
 * order's clientOid): KuCoin may well hold the order, so it must never look "rejected".
 */
function asOrderOutcome(error: unknown, call: RestCall<unknown>): unknown {
  if (error instanceof ExchangeError && error.code === 'malformed-response') {
    return new OrderUnknownError(
      'order-outcome-unknown',
      `KuCoin's answer to the order could not be used (${String(error.details.reason)}); the order may exist at KuCoin and is being checked by its clientOid.`,
      {
        details: {
          ...error.details,
          clientOid: call.clientOid ?? null,
          route: call.route,
          transportCode: error.code,
        },
        cause: error,
      },
    );
  }
  if (!(error instanceof NetworkError)) return error;
  if (error instanceof ConnectionError && error.details.sent === false) return error;
  return new OrderUnknownError(
    'order-outcome-unknown',
    'The order may or may not have reached KuCoin; it is being checked by its clientOid.',
    {
      details: {
        ...error.details,
        clientOid: call.clientOid ?? null,
        route: call.route,
        transportCode: error.code,
      },
      cause: error,
    },
  );
}
