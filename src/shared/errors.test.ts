import { describe, expect, it } from 'vitest';
import {
  AuthError,
  CircuitOpenError,
  ConfigError,
  ConnectionError,
  ExchangeError,
  InsufficientMarginError,
  NetworkError,
  OrderRejectedError,
  OrderUnknownError,
  RateLimitError,
  RiskRejectedError,
  SecretStoreError,
  TimeSyncError,
  TimeoutError,
  TradingError,
  ValidationError,
  deserializeError,
  serializeError,
  toTradingError,
} from './errors.ts';

const classes = [
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
  OrderRejectedError,
  OrderUnknownError,
  InsufficientMarginError,
  ConfigError,
  SecretStoreError,
];

describe('error taxonomy', () => {
  it.each(classes.map((C) => [C.name, C] as const))(
    '%s survives a round trip across IPC as the same class',
    (_n, C) => {
      const original = new C('some-code', 'what went wrong and what to do', {
        details: { clientOid: 'abc', n: 1 },
      });
      const wire = JSON.parse(JSON.stringify({ ok: false, error: serializeError(original) })) as {
        error: Parameters<typeof deserializeError>[0];
      };
      const rebuilt = deserializeError(wire.error);
      expect(rebuilt).toBeInstanceOf(C);
      expect(rebuilt).toBeInstanceOf(TradingError);
      expect(rebuilt).toMatchObject({
        code: 'some-code',
        message: original.message,
        details: { clientOid: 'abc', n: 1 },
      });
      expect(rebuilt.retryable).toBe(original.retryable);
    },
  );

  it('retryable is a property of the class: transport and limits retry, business rejections do not', () => {
    expect(new TimeoutError('t', 'm').retryable).toBe(true);
    expect(new ConnectionError('t', 'm').retryable).toBe(true);
    expect(new RateLimitError('t', 'm').retryable).toBe(true);
    expect(new TimeSyncError('t', 'm').retryable).toBe(true);
    expect(new InsufficientMarginError('t', 'm').retryable).toBe(false);
    expect(new OrderRejectedError('t', 'm').retryable).toBe(false);
    expect(new OrderUnknownError('t', 'm').retryable).toBe(false);
    expect(new TimeoutError('t', 'm', { retryable: false }).retryable).toBe(false);
  });

  it('an unknown class name comes back as a plain TradingError, never as something else', () => {
    const rebuilt = deserializeError({ name: 'Object', code: 'x', message: 'm', details: {} });
    expect(rebuilt.constructor).toBe(TradingError);
  });

  it('foreign throwables become internal-error without their stack or cause on the wire', () => {
    const wire = serializeError(new Error('boom'));
    expect(wire).toEqual({
      name: 'TradingError',
      code: 'internal-error',
      message: 'boom',
      details: {},
      retryable: false,
    });
    expect(toTradingError('x')).toBeInstanceOf(TradingError);
    expect(new RiskRejectedError('c', 'm', { details: { ruleId: 'leverage-max' } }).ruleId).toBe(
      'leverage-max',
    );
  });
});
