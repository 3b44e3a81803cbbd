import type { ApiKeyRecord } from './api-keys.ts';
import type { EndpointWeight } from '../../exchange/kucoin/endpoint-weights.ts';
import { endpointWeights } from '../../exchange/kucoin/endpoint-weights.ts';

/** What a route handler sees of one request, after auth and rate limits. */
export interface RouteRequest {
  /** Path parameters by the name used in KuCoin's spec path (`{symbol}`, `{orderId}`). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The JSON body, parsed; `undefined` when the request had none. */
  readonly body: unknown;
  /** The signing key (private routes only). */
  readonly key: ApiKeyRecord | undefined;
  readonly ip: string;
  /** Venue time (clock + skew), ms. */
  readonly nowMs: number;
}

/** One KuCoin endpoint the venue serves. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** KuCoin's spec path, e.g. `/api/v1/orders/{orderId}`; also the key into the weight table. */
  readonly pattern: string;
  readonly access: 'public' | 'private';
  /** Spec key when this route is an alias of another endpoint (ccxt's `/api/v1/orders/?clientOid`). */
  readonly weightKey?: string;
  /** Returns the `data` of the `{code:'200000', data}` envelope; throws a refusal otherwise. */
  readonly handle: (request: RouteRequest) => unknown;
}

/** A route with its compiled matcher and its rate-limit row. */
export interface CompiledRoute extends Route {
  readonly regex: RegExp;
  readonly names: readonly string[];
  readonly weight: EndpointWeight;
}

/** Fallback for routes the spec does not list (kept explicit, not silent). */
const unlistedWeight: EndpointWeight = { pool: 'Futures', weight: null, permission: 'General' };

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (part.startsWith('{')) {
        names.push(part.slice(1, -1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
    .join('');
  const weight = endpointWeights[route.weightKey ?? `${route.method} ${route.pattern}`] ?? unlistedWeight;
  return { ...route, regex: new RegExp(`^${source}$`), names, weight };
}

/** The result of matching a request line against the table. */
export interface RouteMatch {
  readonly route: CompiledRoute;
  readonly params: Record<string, string>;
}

/**
 * KuCoin's endpoints by method and path. Literal paths win over parameterised ones
 * (`/api/v1/orders/multi-cancel` before `/api/v1/orders/{orderId}`).
 */
export class RouteTable {
  readonly #routes: CompiledRoute[];
  /** Parameterless routes by `METHOD path`: one map look-up for most requests. */
  readonly #literal = new Map<string, CompiledRoute>();

  constructor(routes: readonly Route[]) {
    this.#routes = routes.map(compile).sort((a, b) => a.names.length - b.names.length);
    for (const route of this.#routes)
      if (route.names.length === 0) this.#literal.set(`${route.method} ${route.pattern}`, route);
  }

  /** The route serving `method path`, or undefined (KuCoin answers 404000). */
  match(method: string, path: string): RouteMatch | undefined {
    const literal = this.#literal.get(`${method} ${path}`);
    if (literal !== undefined) return { route: literal, params: {} };
    for (const route of this.#routes) {
      if (route.names.length === 0) continue;
      if (route.method !== method) continue;
      const found = route.regex.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1] ?? '');
      });
      return { route, params };
    }
    return undefined;
  }

  /** Every served `METHOD pattern`. */
  list(): readonly string[] {
    return this.#routes.map((r) => `${r.method} ${r.pattern}`);
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
