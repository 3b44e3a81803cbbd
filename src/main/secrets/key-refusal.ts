import { AuthError } from '../../shared/errors.ts';
import type { KeyVerdict } from '../../shared/ipc/channels/secrets.ts';

/** The error save and rotate throw when the exchange (or Bulwark's Futures rule) refused the key. */
export function refusalError(
  verdict: Extract<KeyVerdict, { accepted: false }>,
  action: 'saved' | 'rotated',
): AuthError {
  const outcome =
    action === 'saved' ? 'Nothing was saved.' : 'Your current key is unchanged and still in use.';
  return new AuthError(`key-refused-${verdict.reason}`, `${verdict.message} ${outcome}`, {
    details: {
      reason: verdict.reason,
      keyLast4: verdict.keyLast4,
      ...(verdict.exchangeCode === undefined ? {} : { exchangeCode: verdict.exchangeCode }),
    },
  });
}
