import {
  AuthError,
  ExchangeError,
  InsufficientMarginError,
  NetworkError,
  OrderRejectedError,
  RateLimitError,
  TimeSyncError,
  ValidationError,
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

/** Which credential KuCoin refused, per docs/reference/kucoin-futures.md#error-codes. */
const authReasons: Readonly<Record<string, { reason: string; message: string }>> = {
  '400001': {
    reason: 'missing-header',
    message: 'KuCoin says an authentication header is missing; check the API key settings.',
  },
  '400003': {
    reason: 'key',
    message: 'KuCoin does not know this API key; check the key or create a new one.',
  },
  '400004': {
    reason: 'passphrase',
    message: 'KuCoin refused the API passphrase; re-enter it exactly as created.',
  },
  '400005': { reason: 'signature', message: 'KuCoin refused the request signature; check the API secret.' },
  '400006': { reason: 'ip', message: 'KuCoin refused this IP address; add it to the API key whitelist.' },
  '400007': {
    reason: 'permission',
    message: 'The API key lacks a permission this request needs (General/Futures).',
  },
  '400008': {
    reason: 'key-version',
    message: 'KuCoin no longer accepts this key version; create a V3 API key.',
  },
  '400009': {
    reason: 'key-version',
    message: 'KuCoin refused the KC-API-KEY-VERSION header; use key version 3.',
  },
};

/** Order rule codes: definitive rejections of one order (docs/reference/kucoin-futures.md#error-codes futures business table). */
const orderRejectCodes = new Set([
  '100001',
  '100003',
  '100005',
  '200003',
  '300000',
  '300001',
  '300002',
  '300004',
  '300005',
  '300006',
  '300007',
  '300008',
  '300009',
  '300010',
  '300011',
  '300012',
  '300013',
  '300014',
  '300015',
  '300016',
  '300017',
  '300018',
  '40010',
]);

/**
 * Margin-mode and position-mode refusals, each with what the trader does about it. The message is
 * our own text: KuCoin's `msg` stays in details, so nothing it echoes can reach the screen or a log line.
 * Codes: 330005 (the order's `marginMode` ≠ the symbol's; the paper venue raises it the same way),
 * 330011 (the order's position mode ≠ the account's, since KuCoin's hedge mode; Add Order:
 * https://www.kucoin.com/docs-new/api-3470235), 50002 `exist.order.or.position` (Batch Switch Margin
 * Mode: https://www.kucoin.com/docs-new/api-3472403).
 */
const modeRefusals: Readonly<Record<string, (details: Record<string, unknown>) => TradingError>> = {
  '330005': (details) =>
    new OrderRejectedError(
      'margin-mode-mismatch',
      "KuCoin rejected the order: its margin mode (isolated/cross) differs from the margin mode this symbol is set to. Place it in the symbol's current mode; the mode can be changed in the ticket only while the symbol has no position and no open order.",
      { details },
    ),
  '330011': (details) =>
    new OrderRejectedError(
      'position-mode-mismatch',
      "KuCoin rejected the order: its position mode does not match the account's. Bulwark sends one-way orders; switch the futures account from hedge to one-way mode on KuCoin (possible only with no position and no open order), then place the order again.",
      { details },
    ),
  '50002': (details) =>
    new ValidationError(
      'margin-mode-locked',
      'KuCoin will not change the margin mode of this symbol while it has an open order or a position. Close the position and cancel its orders (stop orders too), then change the mode.',
      { details },
    ),
};

const insufficientMarginCodes = new Set(['300003', '200004', '200005']);

/**
 * Maps a KuCoin error answer onto the taxonomy (docs/reference/kucoin-futures.md#errors): 400002 → TimeSyncError, 400001/400003–400009 →
 * AuthError (details.reason says which credential), 429000 → RateLimitError, 300003 →
 * InsufficientMarginError, 330005 / 330011 → OrderRejectedError `margin-mode-mismatch` /
 * `position-mode-mismatch`, 50002 → ValidationError `margin-mode-locked`, order rules →
 * OrderRejectedError, HTTP 5xx / 500000 → NetworkError,
 * anything else → ExchangeError. Every error carries the KuCoin code, msg and request id.
 */
export function mapKucoinError(code: string, msg: string, context: KucoinErrorContext): TradingError {
  const details = { kucoinCode: code, kucoinMsg: msg, ...context };
  if (code === '400002') {
    return new TimeSyncError(
      'timestamp-rejected',
      'KuCoin refused the request timestamp (clock off by more than 5 s).',
      { details },
    );
  }
  const auth = authReasons[code];
  if (auth !== undefined)
    return new AuthError(`auth-${auth.reason}`, auth.message, {
      details: { ...details, reason: auth.reason },
    });
  if (code === '429000' || code === '200002') {
    return new RateLimitError(
      'exchange-rate-limit',
      'KuCoin answered "too many requests"; requests are being slowed down.',
      { details },
    );
  }
  const modeRefusal = modeRefusals[code];
  if (modeRefusal !== undefined) return modeRefusal(details);
  if (insufficientMarginCodes.has(code)) {
    return new InsufficientMarginError(
      'margin-insufficient',
      `KuCoin: not enough margin for this order (${msg}).`,
      { details },
    );
  }
  if (orderRejectCodes.has(code))
    return new OrderRejectedError('order-rejected', `KuCoin rejected the order: ${msg} (${code}).`, {
      details,
    });
  if (context.httpStatus >= 500 || code === '500000') {
    return new NetworkError(
      'exchange-unavailable',
      `KuCoin answered HTTP ${context.httpStatus} (${code}); it may be overloaded or in maintenance.`,
      { details },
    );
  }
  return new ExchangeError('exchange-error', `KuCoin answered ${code}: ${msg}`, { details });
}
