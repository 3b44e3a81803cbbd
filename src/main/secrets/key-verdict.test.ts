import { describe, expect, it } from 'vitest';
import { AuthError, NetworkError, TimeSyncError } from '../../shared/errors.ts';
import { mapKucoinError } from '../exchange/kucoin/error-map.ts';
import { verdictFromError, verdictFromFacts } from './key-verdict.ts';

const apiKey = '6650aa11bb22cc33dd44ee55';
const context = { requestId: 'r1', method: 'GET', path: '/api/v1/user/api-key', httpStatus: 401 };

describe('verdictFromError: which part of the key KuCoin refused', () => {
  it.each([
    ['400003', 'key', /does not recognise this API key/],
    ['400004', 'passphrase', /passphrase or the secret is wrong.*not your login or trading password/],
    ['400005', 'signature', /API secret is wrong/],
    ['400006', 'ip', /whitelisted IP addresses/],
    ['400007', 'permission', /Enable "General" and "Futures"/],
    ['400008', 'key-version', /key version/],
    ['400002', 'clock', /clock is more than 5 seconds off/],
  ])('KuCoin %s → %s, in a sentence the trader can act on', (code, reason, sentence) => {
    // The exchange client's own error map produces the error, as in production.
    const verdict = verdictFromError(apiKey, mapKucoinError(code, 'msg', context));
    expect(verdict).toMatchObject({ accepted: false, reason, keyLast4: 'ee55', exchangeCode: code });
    expect(verdict?.accepted === false && verdict.message).toMatch(sentence);
  });

  it('is no verdict when the exchange could not be asked (network, unknown)', () => {
    expect(verdictFromError(apiKey, new NetworkError('exchange-unavailable', 'down'))).toBeUndefined();
    expect(verdictFromError(apiKey, new Error('boom'))).toBeUndefined();
  });

  it('an AuthError without a known reason still says which rights to enable', () => {
    expect(verdictFromError(apiKey, new AuthError('auth-x', 'x'))).toMatchObject({ reason: 'permission' });
    expect(verdictFromError(apiKey, new TimeSyncError('t', 't'))).toMatchObject({ reason: 'clock' });
  });
});

describe('verdictFromFacts: what the key may do', () => {
  it('accepts General+Futures with an IP whitelist and no warning', () => {
    expect(
      verdictFromFacts(apiKey, { apiKey, permission: 'General,Futures', ipWhitelist: '203.0.113.7' }),
    ).toEqual({
      accepted: true,
      keyLast4: 'ee55',
      permissions: ['General', 'Futures'],
      ipWhitelist: ['203.0.113.7'],
      warnings: [],
    });
  });

  it('refuses a key without Futures permission', () => {
    expect(verdictFromFacts(apiKey, { apiKey, permission: 'General,Spot', ipWhitelist: '' })).toMatchObject({
      accepted: false,
      reason: 'no-futures-permission',
    });
  });

  it.each(['Transfer', 'InnerTransfer', 'Withdraw'])('warns loudly when the key has %s rights', (right) => {
    const verdict = verdictFromFacts(apiKey, {
      apiKey,
      permission: `General,Futures,${right}`,
      ipWhitelist: '1.2.3.4',
    });
    expect(verdict.accepted && verdict.warnings).toEqual([
      expect.stringMatching(new RegExp(`^WARNING: this key can move funds.*${right}`)),
    ]);
  });

  it('mentions a missing IP restriction', () => {
    const verdict = verdictFromFacts(apiKey, { apiKey, permission: 'General,Futures', ipWhitelist: null });
    expect(verdict.accepted && verdict.warnings).toEqual([expect.stringContaining('no IP restriction')]);
  });
});
