/**
 * Bulwark's error taxonomy. Every failure in the product is one of these classes; KuCoin's
 * codes, transport failures and our own rules all map onto it (after ccxt's errorHierarchy).
 * Whether a failure may be retried is a property of the class, not of the call site.
 *
 * Errors cross IPC as {@link SerializedError} and are rebuilt into the same class by
 * {@link deserializeError}, so the renderer can `instanceof` them.
 */

/** Structured, JSON-safe details that explain an error with numbers, never with secrets. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** The wire form of an error: what `{ ok: false, error }` carries across IPC. */
export interface SerializedError {
  readonly code: string;
  readonly message: string;
  readonly details: ErrorDetails;
  readonly name?: string;
  readonly retryable?: boolean;
}

/** Options shared by every error constructor. */
export interface TradingErrorOptions {
  readonly details?: ErrorDetails;
  readonly cause?: unknown;
  readonly retryable?: boolean;
}

/**
 * Root of the taxonomy.
 * @param code - stable machine-readable code (kebab-case), e.g. `margin-insufficient`.
 * @param message - a sentence a trader can act on: what was wrong and what to do.
 */
export class TradingError extends Error {
  readonly code: string;
  readonly details: ErrorDetails;
  readonly retryable: boolean;
  /** Whether instances of this class are retryable unless told otherwise. */
  static readonly defaultRetryable: boolean = false;

  constructor(code: string, message: string, options: TradingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
    this.retryable = options.retryable ?? new.target.defaultRetryable;
  }

  /** The JSON-safe form sent across IPC; the cause chain stays in main. */
  toJSON(): SerializedError {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      details: this.details,
      retryable: this.retryable,
    };
  }
}

/** Input that fails a schema or a contract rule: a bad IPC payload, a bad config value. */
export class ValidationError extends TradingError {}

/** The pre-trade risk engine refused an order; `details.ruleId` and the numbers say why. */
export class RiskRejectedError extends TradingError {
  /** The id of the risk rule that denied the order, e.g. `margin-available`. */
  get ruleId(): string {
    const ruleId = this.details.ruleId;
    return typeof ruleId === 'string' ? ruleId : this.code;
  }
}

/** The exchange refused our credentials: key, passphrase, signature, IP or permission. */
export class AuthError extends TradingError {}

/** The exchange could not be reached or answered with a transport-level failure. */
export class NetworkError extends TradingError {
  static override readonly defaultRetryable: boolean = true;
}

/** A request took longer than its timeout. */
export class TimeoutError extends NetworkError {}

/** The connection was refused, reset or closed. */
export class ConnectionError extends NetworkError {}

/** A rate-limit pool is exhausted (ours or KuCoin's 429000). */
export class RateLimitError extends TradingError {
  static override readonly defaultRetryable: boolean = true;
}

/** The circuit breaker is open: calls fail fast until the probe succeeds. */
export class CircuitOpenError extends TradingError {
  static override readonly defaultRetryable: boolean = true;
}

/** Our clock cannot be trusted against the exchange's (KuCoin 400002 or too much uncertainty). */
export class TimeSyncError extends TradingError {
  static override readonly defaultRetryable: boolean = true;
}

/** The exchange answered with a business error (KuCoin code and msg in details). */
export class ExchangeError extends TradingError {}

/** An order-specific failure. */
export class OrderError extends TradingError {}

/** The exchange definitively rejected an order (size, price, post-only, reduce-only rules). */
export class OrderRejectedError extends OrderError {}

/**
 * The outcome of an order request is unknown (timeout, reset, 5xx after it left).
 * `details.clientOid` identifies it so the trading layer can ask the exchange; never resend blindly.
 */
export class OrderUnknownError extends OrderError {}

/** The account does not have the margin the order needs (KuCoin 300003). */
export class InsufficientMarginError extends TradingError {}

/** A configuration value is invalid; details name the field, the value and what is allowed. */
export class ConfigError extends TradingError {}

/** The OS keychain is missing, locked or refused the operation; the message says the remedy. */
export class SecretStoreError extends TradingError {}

/** Every class by name, so that {@link deserializeError} rebuilds the same class. */
const errorClasses = {
  TradingError,
  ValidationError,
  RiskRejectedError,
  AuthError,
  NetworkError,
  TimeoutError,
  ConnectionError,
  RateLimitError,
  CircuitOpenError,
  TimeSyncError,
  ExchangeError,
  OrderError,
  OrderRejectedError,
  OrderUnknownError,
  InsufficientMarginError,
  ConfigError,
  SecretStoreError,
} as const;

/** Name of a class in the taxonomy. */
export type TradingErrorName = keyof typeof errorClasses;

function isErrorName(name: unknown): name is TradingErrorName {
  return typeof name === 'string' && Object.hasOwn(errorClasses, name);
}

/**
 * Turns any thrown value into the wire form. Unknown errors become an `internal-error`
 * TradingError whose message is kept but whose stack and cause stay in main.
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof TradingError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { name: 'TradingError', code: 'internal-error', message, details: {}, retryable: false };
}

/** Rebuilds a wire error into the class it was sent as (TradingError when the name is unknown). */
export function deserializeError(wire: SerializedError): TradingError {
  const ErrorClass = isErrorName(wire.name) ? errorClasses[wire.name] : TradingError;
  return new ErrorClass(wire.code, wire.message, {
    details: wire.details,
    ...(wire.retryable === undefined ? {} : { retryable: wire.retryable }),
  });
}

/** Narrows an unknown thrown value to a TradingError, wrapping anything else. */
export function toTradingError(error: unknown): TradingError {
  if (error instanceof TradingError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TradingError('internal-error', message, { cause: error });
}
