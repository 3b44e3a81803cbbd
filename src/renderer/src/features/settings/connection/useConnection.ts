import { useCallback, useEffect, useState } from 'react';
import { toTradingError, type TradingError } from '../../../../../shared/errors.ts';
import type { Connection } from '../../../../../shared/ipc/channels/secrets.ts';
import { secretsApi } from './secrets-bridge.ts';

/** The page's picture of the connection: loading, loaded, or the engine's error. */
export type ConnectionState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly connection: Connection }
  | { readonly kind: 'error'; readonly error: TradingError };

/** Loads the connection status once and on `reload()` (after save, rotate, delete). */
export function useConnection(): { state: ConnectionState; reload: () => void } {
  const [state, setState] = useState<ConnectionState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    secretsApi.getConnection().then(
      (connection) => {
        if (live) setState({ kind: 'ready', connection });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'error', error: toTradingError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [generation]);
  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
  }, []);
  return { state, reload };
}
