import { ConnectionError, ExchangeError, NetworkError, TradingError } from '../../../shared/errors.ts';

/** Where a transport failure happened, for the error's details. */
export interface RequestRef {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
}

/** Socket error codes that prove the request never reached the exchange. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** undici's own words for a dropped connection without a socket code ('fetch failed', 'terminated'). */
const networkFailureMessages = new Set(['fetch failed', 'terminated']);

function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && networkFailureMessages.has(error.message);
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

/**
 * Maps a thrown transport error onto the taxonomy: our own abort reasons (timeout, stop) as they are, refused
 * connections → ConnectionError with `details.sent = false`, resets → ConnectionError with
 * `details.sent = true` (the request may have arrived). Our own TradingErrors pass through.
 */
export function mapTransportError(error: unknown, ref: RequestRef): TradingError {
  const own = ownError(error);
  if (own !== undefined) return own;
  const code = causeCode(error);
  if (isNetworkFailure(error) || code !== undefined) {
    const sent = code === undefined || !notSentCodes.has(code);
    return new ConnectionError(
      'connection-failed',
      `The connection to KuCoin failed (${code ?? 'network error'}).`,
      { details: { ...ref, sent, socketCode: code ?? null }, cause: error },
    );
  }
  return new NetworkError(
    'transport-failed',
    `The request to KuCoin failed: ${error instanceof Error ? error.message : String(error)}`,
    { details: { ...ref, sent: true }, cause: error },
  );
}

/** Our own abort reason (timeout, stop), possibly wrapped by undici as a cause. */
function ownError(error: unknown): TradingError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    if (current instanceof TradingError) return current;
    current = current.cause;
  }
  return undefined;
}

/** A response we cannot trust: not JSON, wrong types, missing fields, or an echo that does not match. */
export function malformedResponse(
  reason: string,
  ref: RequestRef,
  extra: Record<string, unknown> = {},
): ExchangeError {
  return new ExchangeError(
    'malformed-response',
    `KuCoin's answer to ${ref.method} ${ref.path} was malformed (${reason}); it was not used.`,
    {
      details: { ...ref, reason, ...extra },
    },
  );
}
