import { VenueError } from '../core/wire/errors.ts';

/** What KuCoin answers when it refuses a request: its code, message and HTTP status (docs/reference/kucoin-futures.md#errors). */
export interface KuCoinRefusal {
  readonly code: string;
  readonly msg: string;
  readonly httpStatus: number;
}

/**
 * HTTP status KuCoin pairs with a gateway code (docs/reference/kucoin-futures.md#errors). Business codes (1xxxxx, 2xxxxx, 3xxxxx)
 * travel with HTTP 200 and the code in the body, as KuCoin does.
 */
const gatewayStatus: Readonly<Record<string, number>> = {
  '400001': 401,
  '400002': 400, // kucoin-python-sdk#82 observed 400 with 400002
  '400003': 401,
  '400004': 401,
  '400005': 401,
  '400006': 401,
  '400007': 401,
  '400009': 401,
  '400100': 400,
  '404000': 404,
  '415000': 415,
  '429000': 429,
  '500000': 500,
  '503000': 503,
};

/** The HTTP status KuCoin sends with `code`. */
export function httpStatusFor(code: string): number {
  return gatewayStatus[code] ?? 200;
}

/** KuCoin's messages for the codes the front door produces itself (docs/reference/kucoin-futures.md#error-codes, P-WSERR texts). */
export const kucoinMessages = {
  '100001': 'Invalid parameter.',
  '400001':
    'Please check the header of your request for KC-API-KEY, KC-API-SIGN, KC-API-TIMESTAMP, KC-API-PASSPHRASE',
  '400002': 'KC-API-TIMESTAMP Invalid -- Time differs from server time by more than 5 seconds',
  '400003': 'KC-API-KEY not exists',
  '400004': 'Invalid KC-API-PASSPHRASE',
  '400005': 'Invalid KC-API-SIGN',
  '400007': 'Access Denied, requires more permission',
  '400009': 'Invalid KC-API-KEY-VERSION',
  '400100': 'Invalid Parameter.',
  '404000': 'Not Found',
  '415000': 'Unsupported Media Type, Content-Type must be application/json',
  '429000': 'Too Many Requests',
  '500000': 'Internal Server Error',
} as const;

/** Builds the refusal for `code` with KuCoin's message unless one is given. */
export function refusal(code: keyof typeof kucoinMessages | (string & {}), msg?: string): KuCoinRefusal {
  const known = (kucoinMessages as Record<string, string>)[code];
  return { code, msg: msg ?? known ?? 'Error', httpStatus: httpStatusFor(code) };
}

/** Throws KuCoin's refusal `code` (with KuCoin's message unless one is given) as the core's {@link VenueError}. */
export function refuse(code: keyof typeof kucoinMessages | (string & {}), msg?: string): never {
  const r = refusal(code, msg);
  throw new VenueError(r.code, r.msg, r.httpStatus);
}

/** Shorthand for KuCoin's 100001 "invalid parameter" with a message naming the parameter. */
export function invalidParameter(msg: string): never {
  return refuse('100001', msg);
}

/**
 * Reads KuCoin's refusal out of anything thrown by the front door or the exchange core
 * (`VenueError {code, msg, httpStatus}`); `undefined` means an unexpected failure (a defect).
 */
export function refusalOf(error: unknown): KuCoinRefusal | undefined {
  if (error instanceof VenueError) return { code: error.code, msg: error.msg, httpStatus: error.httpStatus };
  return undefined;
}
