import {
  AuthError,
  ExchangeError,
  InsufficientMarginError,
  NetworkError,
  OrderRejectedError,
  RateLimitError,
  TimeSyncError,
  type TradingError,
} from '../../../shared/errors.ts';

/** Where a KuCoin error answer came from, for the error's details and the log line. */
export interface KucoinErrorContext {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly httpStatus: number;
  readonly clientOid?: string;
}

/** Which credential KuCoin refused, per §4.2. */
const authReasons: Readonly<Record<string, { reason: string; message: string }>> = {
  '400001': { reason: 'missing-header', message: 'KuCoin says an authentication header is missing; check the API key settings.' },
  '400003': { reason: 'key', message: 'KuCoin does not know this API key; check the key or create a new one.' },
  '400004': { reason: 'passphrase', message: 'KuCoin refused the API passphrase; re-enter it exactly as created.' },
  '400005': { reason: 'signature', message: 'KuCoin refused the request signature; check the API secret.' },
  '400006': { reason: 'ip', message: 'KuCoin refused this IP address; add it to the API key whitelist.' },
  '400007': { reason: 'permission', message: 'The API key lacks a permission this request needs (General/Futures).' },
  '400008': { reason: 'key-version', message: 'KuCoin no longer accepts this key version; create a V3 API key.' },
  '400009': { reason: 'key-version', message: 'KuCoin refused the KC-API-KEY-VERSION header; use key version 3.' },
};

/** Order rule codes: definitive rejections of one order (§4.2 futures business table). */
const orderRejectCodes = new Set([
  '100001', '100003', '100005', '200003', '300000', '300001', '300002', '300004', '300005', '300006', '300007',
  '300008', '300009', '300010', '300011', '300012', '300013', '300014', '300015', '300016', '300017', '300018',
  '330011', '40010',
]);

const insufficientMarginCodes = new Set(['300003', '200004', '200005']);

/**
 * Maps a KuCoin error answer onto the taxonomy (§4): 400002 → TimeSyncError, 400001/400003–400009 →
 * AuthError (details.reason says which credential), 429000 → RateLimitError, 300003 →
 * InsufficientMarginError, order rules → OrderRejectedError, HTTP 5xx / 500000 → NetworkError,
 * anything else → ExchangeError. Every error carries the KuCoin code, msg and request id.
 */
export function mapKucoinError(code: string, msg: string, context: KucoinErrorContext): TradingError {
  const details = { kucoinCode: code, kucoinMsg: msg, ...context };
  if (code === '400002') {
    return new TimeSyncError('timestamp-rejected', 'KuCoin refused the request timestamp (clock off by more than 5 s).', { details });
  }
  const auth = authReasons[code];
  if (auth !== undefined) return new AuthError(`auth-${auth.reason}`, auth.message, { details: { ...details, reason: auth.reason } });
  if (code === '429000' || code === '200002') {
    return new RateLimitError('exchange-rate-limit', 'KuCoin answered "too many requests"; requests are being slowed down.', { details });
  }
  if (insufficientMarginCodes.has(code)) {
    return new InsufficientMarginError('margin-insufficient', `KuCoin: not enough margin for this order (${msg}).`, { details });
  }
  if (orderRejectCodes.has(code)) return new OrderRejectedError('order-rejected', `KuCoin rejected the order: ${msg} (${code}).`, { details });
  if (context.httpStatus >= 500 || code === '500000') {
    return new NetworkError('exchange-unavailable', `KuCoin answered HTTP ${context.httpStatus} (${code}); it may be overloaded or in maintenance.`, { details });
  }
  return new ExchangeError('exchange-error', `KuCoin answered ${code}: ${msg}`, { details });
}
