/**
 * The HTTP channels (Twilio, Slack, Telegram) post through ky: its retries with exponential
 * back-off, per-try and total time limits, `Retry-After` handling and hooks are what a webhook
 * needs (ADR 0601; orders stay on undici, ADR 0210). Every failure becomes a TradingError whose
 * message names the host and the exact reason — never the URL's path, which holds Slack's and
 * Telegram's secrets.
 */
import ky, {
  isHTTPError,
  isNetworkError,
  isTimeoutError,
  type Hooks,
  type KyResponse,
  type Options,
  type RetryOptions,
} from 'ky';
import { ConnectionError, TimeoutError, TradingError } from '../../shared/errors.ts';
import type { AlertsConfig } from '../config/sections/alerts.ts';
import type { DeliveryContext } from './sink.ts';

/** How a provider's error answer reads: its status and parsed body become the exact reason. */
export type ProviderRefusal = (status: number, data: unknown) => TradingError;

/** One webhook call. */
export interface WebhookCall {
  readonly provider: 'Slack' | 'Twilio' | 'Telegram';
  readonly url: string;
  readonly body: { readonly json: unknown } | { readonly form: URLSearchParams };
  readonly headers?: Readonly<Record<string, string>>;
  readonly limits: AlertsConfig['delivery'];
  readonly context: DeliveryContext;
  readonly refusal: ProviderRefusal;
  /** Seconds the provider asks to wait, read from an error body (Telegram's `parameters.retry_after`). */
  readonly retryAfterFromBody?: (data: unknown) => number | undefined;
}

/** What the provider answered, and how many tries it took. */
export interface WebhookAnswer {
  readonly response: KyResponse;
  readonly attempts: number;
}

const tlsWords: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server presented a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in an untrusted self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate could not be verified against a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'the certificate was issued by an authority this computer does not trust',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for a different host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port',
  EPROTO: 'the TLS handshake failed',
};

/**
 * Every `code` on an error, its causes and aggregated errors (undici nests the socket's; nodemailer
 * keeps the socket's as `originalCode`).
 */
function errorCodes(error: unknown, depth = 0): string[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const own = (['originalCode', 'code'] as const).flatMap((name) => {
    const value = (error as Record<string, unknown>)[name];
    return typeof value === 'string' ? [value] : [];
  });
  const nested =
    error instanceof AggregateError
      ? error.errors.flatMap((inner: unknown) => errorCodes(inner, depth + 1))
      : [];
  return [...own, ...nested, ...errorCodes((error as { cause?: unknown }).cause, depth + 1)];
}

/** Whether retrying cannot help: a TLS failure or an unknown host stays so for the next try. */
function isPermanentTransportFailure(error: unknown): boolean {
  return errorCodes(error).some((code) => code in tlsWords || code === 'ENOTFOUND');
}

/** A transport failure (no HTTP answer) in the trader's words. */
export function transportFailure(host: string, error: unknown, attemptTimeoutMs: number): TradingError {
  if (error instanceof TradingError) return error;
  if (isTimeoutError(error))
    return new TimeoutError(
      'channel-timeout',
      `${host} did not answer within ${attemptTimeoutMs / 1000} s.`,
      { details: { host } },
    );
  const codes = errorCodes(error);
  const tls = codes.find((code) => code in tlsWords);
  if (tls !== undefined)
    return new ConnectionError(
      'channel-tls-failed',
      `TLS failure with ${host}: ${tlsWords[tls] ?? tls} (${tls}).`,
      { details: { host, code: tls }, retryable: false },
    );
  if (codes.includes('ECONNREFUSED'))
    return new ConnectionError(
      'channel-unreachable',
      `${host} refused the connection (ECONNREFUSED): nothing accepts connections there.`,
      { details: { host, code: 'ECONNREFUSED' } },
    );
  const dns = codes.find((code) => code === 'ENOTFOUND' || code === 'EAI_AGAIN');
  if (dns !== undefined)
    return new ConnectionError(
      'channel-unreachable',
      `The host ${host} was not found (${dns}): check the address and the internet connection.`,
      { details: { host, code: dns } },
    );
  const [first] = codes;
  if (first !== undefined)
    return new ConnectionError('channel-connection-lost', `The connection to ${host} failed (${first}).`, {
      details: { host, code: first },
    });
  return new ConnectionError(
    'channel-unreachable',
    `Could not reach ${host}${isNetworkError(error) ? ' (network error)' : ''}.`,
    { details: { host } },
  );
}

/** Seconds in a `Retry-After` header (delta-seconds or an HTTP date). */
function retryAfterHeaderSeconds(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

function retryOptions(call: WebhookCall): RetryOptions {
  const { limits } = call;
  return {
    limit: limits.attempts - 1,
    methods: ['post'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [429, 503],
    maxRetryAfter: limits.maxRetryAfterMs,
    backoffLimit: limits.backoffMaxMs,
    delay: (attempt) => limits.backoffInitialMs * 2 ** (attempt - 1),
    retryOnTimeout: true,
    shouldRetry: ({ error }) => {
      if (isNetworkError(error) && isPermanentTransportFailure(error)) return false;
      if (!isHTTPError(error)) return undefined;
      // The provider asked for a longer pause than we wait: fail now with its words instead.
      const askedS = retryAfterHeaderSeconds(error.response) ?? call.retryAfterFromBody?.(error.data);
      return askedS !== undefined && askedS * 1000 > limits.maxRetryAfterMs ? false : undefined;
    },
  };
}

function hooks(call: WebhookCall): Hooks {
  return {
    afterResponse: [
      async ({ response }) => {
        if (response.status !== 429 || call.retryAfterFromBody === undefined) return undefined;
        const data: unknown = await response
          .clone()
          .json()
          .catch(() => undefined);
        const seconds = call.retryAfterFromBody(data);
        // Honour the provider's own pause (Telegram's parameters.retry_after) when it is one we wait for.
        if (seconds === undefined || seconds * 1000 > call.limits.maxRetryAfterMs) return undefined;
        return ky.retry({ delay: seconds * 1000, code: 'RETRY_AFTER' });
      },
    ],
    beforeRetry: [
      ({ error, retryCount }) => {
        const reason = isHTTPError(error)
          ? `HTTP ${error.response.status}`
          : transportFailure(new URL(call.url).host, error, call.limits.attemptTimeoutMs).message;
        call.context.onRetry(retryCount + 1, reason);
      },
    ],
  };
}

/**
 * POSTs to a provider with retries and back-off. Resolves with the 2xx answer; rejects with the
 * provider's refusal (its status and error body read by `call.refusal`) or the transport failure.
 */
export async function postWebhook(call: WebhookCall): Promise<WebhookAnswer> {
  const host = new URL(call.url).host;
  let attempts = 1;
  const context: DeliveryContext = {
    signal: call.context.signal,
    onRetry: (attempt, reason) => {
      attempts = attempt;
      call.context.onRetry(attempt, reason);
    },
  };
  const options: Options = {
    ...('json' in call.body ? { json: call.body.json } : { body: call.body.form }),
    headers: { ...call.headers },
    timeout: call.limits.attemptTimeoutMs,
    totalTimeout: call.limits.totalTimeoutMs,
    retry: retryOptions(call),
    hooks: hooks({ ...call, context }),
    signal: call.context.signal,
  };
  try {
    const response = await ky.post(call.url, options);
    return { response, attempts };
  } catch (error) {
    if (call.context.signal.aborted && call.context.signal.reason instanceof TradingError)
      throw call.context.signal.reason;
    if (isHTTPError(error)) throw call.refusal(error.response.status, error.data);
    throw transportFailure(host, error, call.limits.attemptTimeoutMs);
  }
}
