import { Agent, fetch as undiciFetch, request as undiciRequest } from 'undici';
import type { ExchangeConfig } from '../../config/sections/exchange.ts';

/** A fetch-compatible function; injectable so the bench can time the transport alone. */
export type FetchLike = (input: string, init: UndiciInit) => Promise<Response>;

/** The subset of undici's fetch init we use. */
export interface UndiciInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly signal: AbortSignal;
  readonly dispatcher: Agent;
}

/** One request as the transport hands it over: exactly the signed headers and body bytes. */
export interface PooledRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  /** The exact JSON text that was signed; absent for a bodiless request. */
  readonly body?: string | undefined;
  /** The transport's per-request signal (its own timeout and stop()). */
  readonly signal: AbortSignal;
}

/** The keep-alive HTTP pool requests go out on. */
export interface HttpPool {
  /** Sends one request on the Agent; resolves with KuCoin's answer (any HTTP status). */
  send(url: string, request: PooledRequest): Promise<Response>;
  /** Closes every pooled socket; waits for in-flight requests to settle. */
  close(): Promise<void>;
  /** Destroys every socket at once (used when stopping with requests in flight). */
  destroy(): Promise<void>;
}

/**
 * The transport's last hop: an undici `Agent` (ADR 0200) and a send function over it, with
 * `undici.request` (default, `rest.httpClient = 'request'`) or undici's own `fetch` (`'fetch'`),
 * ADR 0204. ky used to sit in front of this; it built a signal-following `Request` per call whose
 * garbage only a full GC frees, which alone cost more than the order p99 budget (ADR 0210).
 */
export function createHttpPool(config: ExchangeConfig['rest'], fetchImpl?: FetchLike): HttpPool {
  const agent = new Agent({
    connections: config.httpPoolConnections,
    keepAliveTimeout: config.httpKeepAliveTimeoutMs,
    pipelining: 1,
  });
  const transmit: FetchLike = fetchImpl ?? (config.httpClient === 'fetch' ? viaFetch : viaRequest);
  return {
    send: (url, request) => {
      const init: UndiciInit = {
        method: request.method,
        headers: request.headers,
        signal: request.signal,
        dispatcher: agent,
      };
      return transmit(url, request.body === undefined ? init : { ...init, body: request.body });
    },
    close: () => agent.close(),
    destroy: () => agent.destroy(),
  };
}

/** Statuses whose Response must have a null body (Fetch standard). */
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/** Sends with `undici.request` on the Agent and returns a standard Response with the read body. */
async function viaRequest(input: string, init: UndiciInit): Promise<Response> {
  const answer = await undiciRequest(input, {
    method: init.method,
    headers: init.headers,
    body: init.body ?? null,
    signal: init.signal,
    dispatcher: init.dispatcher,
  });
  const text = await answer.body.text();
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Response(nullBodyStatuses.has(answer.statusCode) ? null : text, {
    status: answer.statusCode,
    headers,
  });
}

async function viaFetch(input: string, init: UndiciInit): Promise<Response> {
  const response = await undiciFetch(input, init);
  // undici's Response implements the same Fetch standard as the global one (a different copy of undici).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  return response;
}
