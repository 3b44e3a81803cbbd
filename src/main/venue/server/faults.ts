import { ValidationError } from '../../../shared/errors.ts';

/**
 * Faults a test can switch on in the venue (docs/ARCHITECTURE.md: faults live in the venue, never in stubs).
 * Each REST fault may be scoped to a method and a path pattern (`*` matches within a segment,
 * `**` across segments) and limited to a number of hits.
 */
export type RestFaultKind =
  /** Delay the answer by `latencyMs` ± `jitterMs`. */
  | 'latency'
  /** Answer 500000 / HTTP 500 (or `httpStatus`) without doing the work. */
  | 'server-error'
  /** Answer 429000 / HTTP 429 without gw-ratelimit headers: server overload, not a pool (P-RL1). */
  | 'overload'
  /** Hold the request and never answer (the client must time out). */
  | 'timeout'
  /** Do the work (the order is placed), then destroy the connection instead of answering. */
  | 'drop-response'
  /**
   * After authentication and rate limiting, refuse without doing the work with KuCoin's business
   * envelope `{code, msg}` (default 300000) and the HTTP status KuCoin pairs with the code (docs/reference/kucoin-futures.md#errors:
   * 200 for business codes): a definitive rejection, e.g. 300004 for a stop order.
   */
  | 'reject'
  /**
   * Do the work (the order really is placed), then answer a 200000 envelope whose `data` is
   * corrupted as `variant` says (ADR 0140): the client must treat the outcome as unknown.
   */
  | 'corrupt-success'
  /** Do the work, then set `fields` of every object in the answer's data to null (ADR 0140). */
  | 'blank-fields'
  /**
   * While on, order placement (POST /api/v1/orders, /orders/multi, /st-orders) accepts a clientOid
   * the account already uses and places a second order with it (ADR 0140): KuCoin's 300018
   * refusal is old-doc behaviour a client must not rely on.
   */
  | 'accept-duplicate-client-oid';

/** How `corrupt-success` corrupts a successful answer's data (ADR 0140). */
export type CorruptVariant =
  /** Every `orderId` of the data is removed (a place-order answer without its id). */
  | 'drop-order-id'
  /** Every `clientOid` of the data is replaced by one the client never sent. */
  | 'wrong-client-oid'
  /** `field` (default: the first field) is removed from the data object, or from each element/item. */
  | 'drop-field';

/** One REST fault rule. */
export interface RestFaultSpec {
  readonly kind: RestFaultKind;
  /** Probability per matching request, 0…1 (default 1). */
  readonly rate?: number;
  /** e.g. `/api/v1/orders`, `/api/v1/orders/*`, `/api/**`; default every KuCoin path. */
  readonly path?: string;
  readonly method?: string;
  /** Stop after this many hits (default unlimited). */
  readonly count?: number;
  readonly latencyMs?: number;
  readonly jitterMs?: number;
  /** For `server-error`: 500, 502, 503 or 504 (default 500). */
  readonly httpStatus?: number;
  /** For `reject`: KuCoin's code, e.g. '300003' (default '300000'). */
  readonly code?: string;
  /** For `reject`: the message (default KuCoin's for known codes, else 'Error'). */
  readonly msg?: string;
  /**
   * For `corrupt-success` (default: `drop-order-id` when the data carries an `orderId`, else
   * `drop-field`).
   */
  readonly variant?: CorruptVariant;
  /** For `corrupt-success` with `drop-field`: the field to remove. */
  readonly field?: string;
  /** For `blank-fields`: the fields set to null, e.g. `['markPrice', 'liquidationPrice']`. */
  readonly fields?: readonly string[];
}

/** A rule as stored, with its id and how often it fired. */
export interface RestFaultRule extends RestFaultSpec {
  readonly id: string;
  hits: number;
}

/** Deterministic 32-bit PRNG (mulberry32) so a seeded venue injects the same faults each run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Turns a path pattern into a matcher: `*` = one segment's characters, `**` = anything. */
export function pathMatcher(pattern: string): (path: string) => boolean {
  const source = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  const regex = new RegExp(`^${source}$`);
  return (path) => regex.test(path);
}

/** The set of active REST faults and the dice they roll. */
export class RestFaults {
  readonly #rules: RestFaultRule[] = [];
  readonly #random: () => number;
  #nextId = 1;

  constructor(seed: number) {
    this.#random = seededRandom(seed);
  }

  /**
   * Adds a rule; returns its id for {@link remove}.
   * @throws ValidationError for a `blank-fields` rule without fields (it would change nothing).
   */
  add(spec: RestFaultSpec): string {
    if (spec.kind === 'blank-fields' && (spec.fields ?? []).length === 0) {
      throw new ValidationError(
        'venue-fault-invalid',
        'A blank-fields fault needs `fields`: the names to set to null, e.g. ["markPrice"].',
      );
    }
    const id = `fault-${this.#nextId++}`;
    this.#rules.push({ ...spec, id, hits: 0 });
    return id;
  }

  /** Removes one rule. */
  remove(id: string): void {
    const at = this.#rules.findIndex((rule) => rule.id === id);
    if (at >= 0) this.#rules.splice(at, 1);
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules.length = 0;
  }

  /** The active rules. */
  list(): readonly RestFaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  /** Rolls every matching rule of `kind` once; returns the first that fires. */
  fire(kind: RestFaultKind, method: string, path: string): RestFaultRule | undefined {
    for (const rule of this.#rules) {
      if (rule.kind !== kind || !matches(rule, method, path)) continue;
      if (rule.count !== undefined && rule.hits >= rule.count) continue;
      if (this.#random() >= (rule.rate ?? 1)) continue;
      rule.hits += 1;
      return rule;
    }
    return undefined;
  }

  /** Total delay for this request: every matching latency rule adds latency ± jitter (never negative). */
  delayMs(method: string, path: string): number {
    let total = 0;
    for (const rule of this.#rules) {
      if (rule.kind !== 'latency' || !matches(rule, method, path)) continue;
      if (rule.count !== undefined && rule.hits >= rule.count) continue;
      if (this.#random() >= (rule.rate ?? 1)) continue;
      rule.hits += 1;
      const jitter = (this.#random() * 2 - 1) * (rule.jitterMs ?? 0);
      total += Math.max(0, (rule.latencyMs ?? 0) + jitter);
    }
    return total;
  }
}

const matcherCache = new Map<string, (path: string) => boolean>();

function matches(rule: RestFaultSpec, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  let matcher = matcherCache.get(rule.path);
  if (matcher === undefined) {
    matcher = pathMatcher(rule.path);
    matcherCache.set(rule.path, matcher);
  }
  return matcher(path);
}
