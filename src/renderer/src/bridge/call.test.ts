import { afterEach, describe, expect, it } from 'vitest';
import { call, subscribe, subscribeAll } from './index.ts';
import {
  AuthError,
  ConnectionError,
  OrderUnknownError,
  RiskRejectedError,
  TradingError,
} from '../../../shared/errors.ts';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
} from './fake-bulwark.test-helper.ts';

const status = {
  mode: 'paper',
  version: '0.1.0',
  startedAt: 1,
  uptimeMs: 5,
  venueUrl: 'http://127.0.0.1:1',
} as const;

afterEach(() => {
  removeFakeBulwark();
});

describe('bridge call', () => {
  it('unwraps an ok result into its value and routes app:get-status to app.getStatus', async () => {
    const fake = createFakeBulwark({ 'app:get-status': () => ({ ok: true, value: status }) });
    installFakeBulwark(fake);
    await expect(call('app:get-status')).resolves.toEqual(status);
    expect(fake.calls).toEqual([{ channel: 'app:get-status', request: undefined }]);
  });

  it('rebuilds a RiskRejectedError with its rule and numbers', async () => {
    installFakeBulwark(
      createFakeBulwark({
        'app:get-status': () =>
          failure({
            name: 'RiskRejectedError',
            code: 'risk-per-trade',
            message: 'Loss at stop 52.10 USDT exceeds 1% of equity (50.00 USDT)',
            details: { ruleId: 'risk-per-trade', lossAtStop: '52.10', limit: '50.00' },
          }),
      }),
    );
    const error: unknown = await call('app:get-status').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RiskRejectedError);
    expect(error).toBeInstanceOf(TradingError);
    const rejected = error as RiskRejectedError;
    expect(rejected.ruleId).toBe('risk-per-trade');
    expect(rejected.details).toMatchObject({ lossAtStop: '52.10' });
    expect(rejected.message).toContain('52.10');
  });

  it.each([
    ['AuthError', AuthError],
    ['OrderUnknownError', OrderUnknownError],
  ] as const)('rebuilds %s into its own class', async (name, ErrorClass) => {
    installFakeBulwark(
      createFakeBulwark({ 'app:get-status': () => failure({ name, code: 'x', message: 'm', details: {} }) }),
    );
    await expect(call('app:get-status')).rejects.toBeInstanceOf(ErrorClass);
  });

  it('falls back to TradingError for an unknown class name', async () => {
    installFakeBulwark(
      createFakeBulwark({
        'app:get-status': () => failure({ name: 'Bogus', code: 'x', message: 'm', details: {} }),
      }),
    );
    const error: unknown = await call('app:get-status').catch((caught: unknown) => caught);
    expect((error as Error).constructor).toBe(TradingError);
  });

  it('throws ConnectionError when the bridge is missing', async () => {
    await expect(call('app:get-status')).rejects.toBeInstanceOf(ConnectionError);
  });

  it('throws ConnectionError naming the channel when this build does not offer it', async () => {
    installFakeBulwark(createFakeBulwark({}));
    await expect(call('app:get-status')).rejects.toMatchObject({
      code: 'bridge-channel-missing',
      details: { channel: 'app:get-status' },
    });
  });
});

describe('bridge subscribe', () => {
  it('passes only the payload and unsubscribes', () => {
    const fake = createFakeBulwark({});
    installFakeBulwark(fake);
    const seen: number[] = [];
    const unsubscribe = subscribe('app:heartbeat', (payload) => seen.push(payload.seq));
    fake.emit('app:heartbeat', { seq: 3, at: 1, mode: 'paper', uptimeMs: 1 });
    unsubscribe();
    fake.emit('app:heartbeat', { seq: 4, at: 2, mode: 'paper', uptimeMs: 2 });
    expect(seen).toEqual([3]);
    expect(fake.listenerCount('app:heartbeat')).toBe(0);
  });
});

describe('bridge failures that are not answers from main', () => {
  it('turns a rejected transport into ConnectionError bridge-call-failed', async () => {
    installFakeBulwark(
      createFakeBulwark({
        'app:get-status': () => {
          throw new Error('ipc torn down');
        },
      }),
    );
    await expect(call('app:get-status')).rejects.toMatchObject({
      name: 'ConnectionError',
      code: 'bridge-call-failed',
    });
  });

  it('turns an unknown event into ConnectionError bridge-event-missing', () => {
    const fake = createFakeBulwark({});
    fake.api.on = () => {
      throw new TypeError('Unknown event');
    };
    installFakeBulwark(fake);
    expect(() => subscribe('app:heartbeat', () => undefined)).toThrow(ConnectionError);
  });
});

describe('subscribeAll', () => {
  it('is all or nothing: a failing subscription undoes the ones before it', () => {
    const fake = createFakeBulwark({});
    installFakeBulwark(fake);
    const failing = (): (() => void) => {
      throw new ConnectionError('bridge-event-missing', 'no such event');
    };
    expect(() => subscribeAll([() => subscribe('app:heartbeat', () => undefined), failing])).toThrow(
      ConnectionError,
    );
    expect(fake.listenerCount('app:heartbeat')).toBe(0);
  });

  it('undoes every subscription with one call', () => {
    const fake = createFakeBulwark({});
    installFakeBulwark(fake);
    const stop = subscribeAll([
      () => subscribe('app:heartbeat', () => undefined),
      () => subscribe('trading:order-updated', () => undefined),
    ]);
    expect(fake.listenerCount('app:heartbeat') + fake.listenerCount('trading:order-updated')).toBe(2);
    stop();
    expect(fake.listenerCount('app:heartbeat') + fake.listenerCount('trading:order-updated')).toBe(0);
  });
});
