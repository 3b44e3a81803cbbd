import { ExchangeError } from '../../../../shared/errors.ts';

/**
 * A KuCoin business or parameter error raised by the paper venue. `code` is KuCoin's code
 * (string, e.g. '300003'), `msg` its message, `httpStatus` the status the server answers with
 * (docs/reference/kucoin-futures.md#errors: business errors travel in HTTP 200, parameter errors 400100 in 400).
 * Extends ExchangeError so anything in main may treat it as the exchange's answer.
 */
export class VenueError extends ExchangeError {
  /** KuCoin's message text, sent as `msg` in the envelope. */
  readonly msg: string;
  /** HTTP status the server should use. */
  readonly httpStatus: number;

  constructor(code: string, msg: string, httpStatus = 200) {
    super(code, msg, { details: { code, msg } });
    this.msg = msg;
    this.httpStatus = httpStatus;
  }
}

/** The errors the venue raises, by KuCoin code (docs/reference/kucoin-futures.md#error-codes); each call builds a fresh VenueError. */
export const venueErrors = {
  /** 100001: a parameter is missing, malformed or contradicts another. */
  invalidParameter: (msg: string): VenueError => new VenueError('100001', msg),
  /** 100003: unknown or untradable contract. */
  contractInvalid: (symbol: string): VenueError =>
    new VenueError('100003', `Contract parameter invalid: ${symbol}`),
  /** 100004: the order is done or does not exist. */
  notCancelable: (): VenueError => new VenueError('100004', 'Order is in not cancelable state'),
  /** 400100: the request itself is malformed (HTTP 400). */
  parameterError: (msg: string): VenueError => new VenueError('400100', msg, 400),
  /** 404000: an order or resource the user asked for does not exist (HTTP 404). */
  notFound: (msg: string): VenueError => new VenueError('404000', msg, 404),
  /** 300001: too many active orders on one contract. */
  activeOrderLimit: (limit: number, current: number): VenueError =>
    new VenueError('300001', `Active order quantity limit exceeded (limit: ${limit}, current: ${current})`),
  /** 300003: the order needs more margin than is available. */
  balanceInsufficient: (cost: string): VenueError =>
    new VenueError('300003', `Balance insufficient. The order would cost ${cost}.`),
  /** 300004: too many untriggered stop orders on one contract. */
  stopOrderLimit: (limit: number, current: number): VenueError =>
    new VenueError('300004', `Stop order quantity limit exceeded (limit: ${limit}, current: ${current})`),
  /** 300005: the position would exceed the highest risk-limit tier. */
  riskLimitExceeded: (): VenueError => new VenueError('300005', 'Risk limit exceeded'),
  /** 300009: closeOrder/reduceOnly with no position to reduce. */
  noPositionToClose: (): VenueError => new VenueError('300009', 'No open positions to close.'),
  /** 300011: buy price above the band. */
  priceTooHigh: (limit: string): VenueError =>
    new VenueError('300011', `Order price cannot be higher than ${limit}`),
  /** 300012: sell price below the band. */
  priceTooLow: (limit: string): VenueError =>
    new VenueError('300012', `Order price cannot be lower than ${limit}`),
  /** 300013: a market order found nothing to trade against. */
  noContraOrder: (): VenueError => new VenueError('300013', 'No contra order in book'),
  /** 300016: leverage above the contract's or tier's maximum. */
  leverageTooHigh: (max: number): VenueError =>
    new VenueError('300016', `Leverage cannot be greater than ${max}`),
  /** 300018: the user already used this clientOid (docs/reference/kucoin-futures.md#orders). */
  clientOidRepeated: (): VenueError => new VenueError('300018', 'clientOid parameter repeated'),
  /** 300002: the venue is in cancel-only or closed state. */
  tradingSuspended: (): VenueError => new VenueError('300002', 'Order placement/cancellation suspended'),
  /** 50002: margin mode cannot change while orders or a position exist. */
  marginModeLocked: (): VenueError => new VenueError('50002', 'exist.order.or.position'),
  /** 200004: not enough free balance for a margin transfer. */
  transferInsufficient: (): VenueError => new VenueError('200004', 'Balance insufficient'),
} as const;
