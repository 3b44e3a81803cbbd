import { describe, expect, it } from 'vitest';
import {
  AuthError,
  ExchangeError,
  InsufficientMarginError,
  NetworkError,
  OrderRejectedError,
  RateLimitError,
  TimeSyncError,
  ValidationError,
} from '../../../shared/errors.ts';
import { mapKucoinError } from './error-map.ts';
import { checkExchangeUrl, isLoopbackHost } from './endpoint-urls.ts';

const context = { requestId: 'r-1', method: 'POST', path: '/api/v1/orders', httpStatus: 200 };

describe('KuCoin code → taxonomy (docs/reference/kucoin-futures.md#error-codes)', () => {
  it.each([
    ['400002', TimeSyncError, 'timestamp-rejected'],
    ['400001', AuthError, 'auth-missing-header'],
    ['400003', AuthError, 'auth-key'],
    ['400004', AuthError, 'auth-passphrase'],
    ['400005', AuthError, 'auth-signature'],
    ['400006', AuthError, 'auth-ip'],
    ['400007', AuthError, 'auth-permission'],
    ['429000', RateLimitError, 'exchange-rate-limit'],
    ['300003', InsufficientMarginError, 'margin-insufficient'],
    ['300011', OrderRejectedError, 'order-rejected'],
    ['300018', OrderRejectedError, 'order-rejected'],
    ['100004', ExchangeError, 'exchange-error'],
  ])('%s → %s', (code, ErrorClass, errorCode) => {
    const error = mapKucoinError(code, 'msg', context);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.code).toBe(errorCode);
    expect(error.details).toMatchObject({ kucoinCode: code, requestId: 'r-1' });
  });

  it('says which credential failed', () => {
    expect(mapKucoinError('400004', 'x', context).details.reason).toBe('passphrase');
    expect(mapKucoinError('400006', 'x', context).details.reason).toBe('ip');
  });

  it('treats HTTP 5xx as the exchange being unreachable, not a business error', () => {
    expect(mapKucoinError('500000', 'oops', { ...context, httpStatus: 500 })).toBeInstanceOf(NetworkError);
  });
});

describe('margin-mode and position-mode refusals say what to do', () => {
  const secretLike = /apiSecret|passphrase|KC-API|[0-9a-f]{8}-[0-9a-f]{4}-/i;

  it("330005: the order's margin mode differs from the symbol's; the mode changes only with no position or open order", () => {
    const error = mapKucoinError(
      '330005',
      "The order's margin mode does not match your selected margin mode.",
      context,
    );
    expect(error).toBeInstanceOf(OrderRejectedError);
    expect(error.code).toBe('margin-mode-mismatch');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/margin mode/i);
    expect(error.message).toMatch(/no position and no open order/i);
    expect(error.details).toMatchObject({ kucoinCode: '330005', requestId: 'r-1' });
  });

  it("330011: the order's position mode differs from the account's (one-way vs hedge)", () => {
    const error = mapKucoinError(
      '330011',
      "The order's position mode does not match your selected mode",
      context,
    );
    expect(error).toBeInstanceOf(OrderRejectedError);
    expect(error.code).toBe('position-mode-mismatch');
    expect(error.message).toMatch(/one-way/i);
    expect(error.message).toMatch(/hedge/i);
    expect(error.details).toMatchObject({ kucoinCode: '330011' });
  });

  it('50002 (exist.order.or.position): the margin mode cannot change while the symbol has orders or a position', () => {
    const error = mapKucoinError('50002', 'exist.order.or.position', {
      ...context,
      path: '/api/v2/position/changeMarginMode',
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('margin-mode-locked');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/open order/i);
    expect(error.message).toMatch(/position/i);
    expect(error.details).toMatchObject({ kucoinCode: '50002', kucoinMsg: 'exist.order.or.position' });
  });

  it.each(['330005', '330011', '50002'])('%s: the message carries no credential or header', (code) => {
    const error = mapKucoinError(
      code,
      'KC-API-KEY 67a1b2c3 apiSecret a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      context,
    );
    expect(error.message).not.toMatch(secretLike);
  });
});

describe('exchange URLs per mode', () => {
  it('accepts https/wss in both modes', () => {
    expect(checkExchangeUrl('f', 'https://api-futures.kucoin.com/', 'live', 'https:')).toBe(
      'https://api-futures.kucoin.com',
    );
    expect(checkExchangeUrl('f', 'wss://ws-api-futures.kucoin.com/', 'paper', 'wss:')).toBe(
      'wss://ws-api-futures.kucoin.com',
    );
  });

  it('accepts plain http/ws only towards loopback in paper mode', () => {
    expect(checkExchangeUrl('f', 'http://127.0.0.1:9', 'paper', 'https:')).toBe('http://127.0.0.1:9');
    expect(checkExchangeUrl('f', 'ws://localhost:9', 'paper', 'wss:')).toBe('ws://localhost:9');
    expect(checkExchangeUrl('f', 'http://[::1]:9', 'paper', 'https:')).toBe('http://[::1]:9');
    expect(() => checkExchangeUrl('f', 'http://127.0.0.1:9', 'live', 'https:')).toThrow(/only https/);
    expect(() => checkExchangeUrl('f', 'http://10.0.0.1:9', 'paper', 'https:')).toThrow(/loopback/);
    expect(() => checkExchangeUrl('f', 'ftp://127.0.0.1', 'paper', 'https:')).toThrow(/must use https/);
  });

  it('knows loopback', () => {
    expect(isLoopbackHost('127.255.0.1')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.evil.com')).toBe(false);
  });
});
