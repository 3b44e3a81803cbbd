import { describe, expect, it } from 'vitest';
import { ConnectionError, NetworkError, TimeoutError } from '../../../shared/errors.ts';
import { mapTransportError } from './transport-errors.ts';

const ref = { requestId: 'r-1', method: 'POST', path: '/api/v1/orders' };

/** An error as undici raises it: a socket code on the error or on its cause. */
function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

// These failures used to reach us wrapped by ky; they now come straight from undici (ADR 0210).
describe('transport failure → taxonomy', () => {
  it('a refused connection never left: ConnectionError with sent = false', () => {
    const error = mapTransportError(
      new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED') }),
      ref,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.details).toMatchObject({ sent: false, socketCode: 'ECONNREFUSED', requestId: 'r-1' });
  });

  it('a reset after sending may have arrived: ConnectionError with sent = true', () => {
    const error = mapTransportError(withCode('other side closed', 'UND_ERR_SOCKET'), ref);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.details).toMatchObject({ sent: true, socketCode: 'UND_ERR_SOCKET' });
  });

  it.each(['fetch failed', 'terminated'])(
    'undici\'s code-less "%s" is a connection failure that may have arrived',
    (message) => {
      const error = mapTransportError(new TypeError(message), ref);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.details).toMatchObject({ sent: true, socketCode: null });
    },
  );

  it('our own abort reason (the per-request timeout) comes back as it is, even wrapped', () => {
    const timeout = new TimeoutError('request-timeout', 'late', {
      details: { ...ref, sent: true, timeoutMs: 5 },
    });
    expect(mapTransportError(new Error('aborted', { cause: timeout }), ref)).toBe(timeout);
  });

  it('anything else is a NetworkError that may have arrived', () => {
    const error = mapTransportError(new TypeError('something odd'), ref);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error.code).toBe('transport-failed');
    expect(error.details).toMatchObject({ sent: true });
  });
});
