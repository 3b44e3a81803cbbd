import ky, { type KyInstance, type Options } from 'ky';
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

/** ky options plus the request body, carried beside ky's Request so it is not streamed twice. */
export type PooledOptions = Options & {
  readonly rawBody?: string | undefined;
  readonly abortSignal?: AbortSignal;
  /** The exact headers to send; saves re-reading them from ky's Request. */
  readonly rawHeaders?: Record<string, string>;
};

/** The keep-alive HTTP pool and the ky instance that uses it. */
export interface HttpPool {
  readonly ky: KyInstance;
  /** Closes every pooled socket; waits for in-flight requests to settle. */
  close(): Promise<void>;
  /** Destroys every socket at once (used when stopping with requests in flight). */
  destroy(): Promise<void>;
}

/**
 * ky over an undici `Agent` (ADR 0200). Node's global fetch cannot take a dispatcher from the
 * undici package (different major version), so ky is given a small adapter that sends through the
 * Agent: with `undici.request` (default, `rest.httpClient = 'request'`) or undici's own `fetch`
 * (`'fetch'`). The bench measured the request path at the bare-fetch round trip and the fetch path
 * ~35 % above it (a second Request/Response pair per call), see ADR 0204.
 */
export function createHttpPool(config: ExchangeConfig['rest'], fetchImpl?: FetchLike): HttpPool {
  const agent = new Agent({
    connections: config.httpPoolConnections,
    keepAliveTimeout: config.httpKeepAliveTimeoutMs,
    pipelining: 1,
  });
  const send: FetchLike = fetchImpl ?? (config.httpClient === 'fetch' ? viaFetch : viaRequest);
  const adapter = async (input: Request | URL | string, requestInit?: RequestInit & { rawBody?: string; abortSignal?: AbortSignal; rawHeaders?: Record<string, string> }): Promise<Response> => {
    if (!(input instanceof Request)) throw new TypeError('ky always passes a Request');
    // Reading a bodiless Request would still yield to the event loop and reorder dispatch: skip it.
    const body = requestInit?.rawBody ?? (input.body === null ? undefined : await input.text());
    const headers = requestInit?.rawHeaders ?? Object.fromEntries(input.headers);
    const init: UndiciInit = { method: input.method, headers, signal: requestInit?.abortSignal ?? input.signal, dispatcher: agent };
    return send(input.url, body === undefined ? init : { ...init, body });
  };
  const instance = ky.create({ fetch: adapter, retry: 0, throwHttpErrors: false });
  return {
    ky: instance,
    close: () => agent.close(),
    destroy: () => agent.destroy(),
  };
}

/** Statuses whose Response must have a null body (Fetch standard). */
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/** Sends with `undici.request` on the Agent and hands ky a standard Response with the read body. */
async function viaRequest(input: string, init: UndiciInit): Promise<Response> {
  const answer = await undiciRequest(input, { method: init.method, headers: init.headers, body: init.body ?? null, signal: init.signal, dispatcher: init.dispatcher });
  const text = await answer.body.text();
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Response(nullBodyStatuses.has(answer.statusCode) ? null : text, { status: answer.statusCode, headers });
}

async function viaFetch(input: string, init: UndiciInit): Promise<Response> {
  const response = await undiciFetch(input, init);
  // undici's Response implements the same Fetch standard as the global one (a different copy of undici).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  return response;
}
