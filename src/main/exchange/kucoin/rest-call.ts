import type { z } from 'zod';
import type { Lane } from '../../resilience/pools.ts';
import type { QueryParams } from './query.ts';

/**
 * How a failure of this call is handled: `read` is retried with back-off; `order-placement` is
 * never retried and an ambiguous failure becomes OrderUnknownError; `write` is sent once.
 */
export type CallKind = 'read' | 'order-placement' | 'write';

/** What a caller may ask of one read: its lane. `{ lane: 'protective' }` makes the read protective (ADR 0233). */
export interface RequestOptions {
  readonly lane?: Lane;
}

/** A read's lane and whether it is protective: `market` unless the caller asks otherwise. */
export function readPriority(options: RequestOptions | undefined): {
  readonly lane: Lane;
  readonly protective: boolean;
} {
  const lane = options?.lane ?? 'market';
  return { lane, protective: lane === 'protective' };
}

/** Which base URL a call goes to: the futures API, or the general host (`/api/v1/user/api-key`). */
export type ApiHost = 'futures' | 'general';

/** One REST call, fully described by the endpoint function that builds it. */
export interface RestCall<T> {
  readonly host: ApiHost;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** `METHOD /path/{template}`: the key into the weight table. */
  readonly route: string;
  /** The concrete path, starting with `/api/`. */
  readonly path: string;
  readonly query?: QueryParams;
  /** A JSON body; serialised once, and exactly those bytes are signed and sent. */
  readonly body?: unknown;
  readonly auth: boolean;
  readonly lane: Lane;
  /**
   * A request that keeps a trader safe when something is wrong: a reduce-only or close order, any
   * cancel, a read the caller marks protective. Our own gates never refuse it: no clock gate, an open
   * breaker lets it through as a probe, no queue deadline, never dropped by the kill switch (ADR 0231).
   * Independent of `lane`: an entry sent in the protective lane is still an entry.
   */
  readonly protective: boolean;
  readonly kind: CallKind;
  readonly schema: z.ZodType<T>;
  /** The order's clientOid, for OrderUnknownError details and echo checks. */
  readonly clientOid?: string;
  readonly timeoutMs?: number;
  /**
   * Order placements only: called when the limiter grants the permit, right before signing and
   * sending. If it throws, nothing is sent, the permit is released as not-sent and that error reaches
   * the caller unchanged (the trading engine re-checks its trading state here, ADR 0234).
   */
  readonly admit?: () => void;
  /** Checks the answer against what was sent (e.g. the clientOid echo); returns why it does not match. */
  verify?(value: T): string | undefined;
  readonly signal?: AbortSignal;
}
