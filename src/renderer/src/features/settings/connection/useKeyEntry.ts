import { useState } from 'react';
import { toTradingError, type TradingError } from '../../../../../shared/errors.ts';
import type { KeyEntry, KeyVerdict } from '../../../../../shared/ipc/channels/secrets.ts';
import { secretsApi } from './secrets-bridge.ts';

/** The typed fields. They live only in this component's state and are cleared after use. */
export interface KeyFields {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly passphrase: string;
  readonly keyVersion: '1' | '2' | '3';
}

const emptyFields: KeyFields = { apiKey: '', apiSecret: '', passphrase: '', keyVersion: '3' };

/** What the form shows under the buttons. */
export type EntryOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'verdict'; readonly verdict: KeyVerdict }
  | { readonly kind: 'error'; readonly error: TradingError };

/** Form state and actions: verify (nothing stored) and commit (save or rotate, then clear). */
export function useKeyEntry(commit: (entry: KeyEntry) => Promise<unknown>, onCommitted: () => void) {
  const [fields, setFields] = useState<KeyFields>(emptyFields);
  const [outcome, setOutcome] = useState<EntryOutcome>({ kind: 'none' });
  const [busy, setBusy] = useState<'verify' | 'commit' | undefined>(undefined);
  const set = (name: keyof KeyFields) => (value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
  };
  const run = (which: 'verify' | 'commit'): void => {
    setBusy(which);
    setOutcome({ kind: 'none' });
    const entry: KeyEntry = { ...fields };
    const action = which === 'verify' ? secretsApi.verifyKey(entry) : commit(entry);
    action.then(
      (value) => {
        setBusy(undefined);
        if (which === 'verify') {
          setOutcome({ kind: 'verdict', verdict: value as KeyVerdict });
          return;
        }
        setFields(emptyFields); // the secret leaves the page as soon as main has it
        onCommitted();
      },
      (error: unknown) => {
        setBusy(undefined);
        setOutcome({ kind: 'error', error: toTradingError(error) });
      },
    );
  };
  const complete = fields.apiKey.trim() !== '' && fields.apiSecret.trim() !== '' && fields.passphrase !== '';
  return {
    fields,
    set,
    outcome,
    busy,
    complete,
    verify: () => {
      run('verify');
    },
    commit: () => {
      run('commit');
    },
  };
}
