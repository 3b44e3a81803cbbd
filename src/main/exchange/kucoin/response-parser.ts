import { NetworkError, RateLimitError, type TradingError } from '../../../shared/errors.ts';
import type { Logger } from '../../observability/logger.ts';
import { mapKucoinError } from './error-map.ts';
import type { RestCall } from './rest-call.ts';
import { envelopeSchema } from './schemas/common.ts';
import { malformedResponse, type RequestRef } from './transport-errors.ts';

/** KuCoin's success code (docs/reference/kucoin-futures.md#rest-conventions). */
export const successCode = '200000';

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** An answer that is not a KuCoin envelope: a gateway page (5xx), a bare 429, or garbage. */
function unreadableAnswer(status: number, ref: RequestRef, reason: string): TradingError {
  if (status >= 500) {
    return new NetworkError(
      'exchange-unavailable',
      `KuCoin answered HTTP ${status}; it may be overloaded or in maintenance.`,
      { details: { ...ref, httpStatus: status } },
    );
  }
  if (status === 429)
    return new RateLimitError('exchange-rate-limit', 'KuCoin answered HTTP 429 "too many requests".', {
      details: { ...ref, httpStatus: status },
    });
  return malformedResponse(reason, ref, { httpStatus: status });
}

/**
 * Turns one HTTP answer into the call's parsed `data`, or throws: KuCoin error codes through
 * {@link mapKucoinError}; anything that fails the envelope, the call's zod schema or its echo
 * check as ExchangeError `malformed-response` (logged with the request id). For an order placement the
 * transport turns `malformed-response` into OrderUnknownError: the order may exist (ADR 0230).
 */
export function interpretResponse<T>(
  call: RestCall<T>,
  status: number,
  text: string,
  ref: RequestRef,
  logger: Logger,
): T {
  const json = parseJson(text);
  const envelope = json.ok ? envelopeSchema.safeParse(json.value) : undefined;
  if (!envelope?.success) {
    const error = unreadableAnswer(status, ref, json.ok ? 'not a KuCoin envelope' : 'not JSON');
    logger.warn('exchange-unreadable-response', { ...ref, httpStatus: status, code: error.code });
    throw error;
  }
  const { code, msg, data } = envelope.data;
  if (code !== successCode) {
    const error = mapKucoinError(code, msg ?? '', {
      ...ref,
      httpStatus: status,
      ...(call.clientOid === undefined ? {} : { clientOid: call.clientOid }),
    });
    logger.warn('exchange-error-response', {
      ...ref,
      httpStatus: status,
      kucoinCode: code,
      kucoinMsg: msg ?? '',
      mappedTo: error.code,
    });
    throw error;
  }
  const parsed = call.schema.safeParse(data);
  const reason =
    status < 200 || status > 299
      ? `HTTP ${status} with a success code`
      : !parsed.success
        ? parsed.error.issues
            .slice(0, 3)
            .map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`)
            .join('; ')
        : call.verify?.(parsed.data);
  if (reason !== undefined || !parsed.success) {
    const error = malformedResponse(reason ?? 'schema', ref, { route: call.route });
    logger.error('exchange-malformed-response', { ...ref, route: call.route, reason: reason ?? 'schema' });
    throw error;
  }
  return parsed.data;
}
