import { useEffect, useState } from 'react';
import { call } from '../../bridge/index.ts';
import { toTradingError, type TradingError } from '../../../../shared/errors.ts';
import type { TradingMode } from '../../../../shared/ipc/channels/app.ts';
import type { TrackRecord } from '../../../../shared/ipc/channels/trackrecord.ts';

/** Where the record stands: asking, shown, or why main could not compute it. */
export type TrackRecordLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly record: TrackRecord }
  | { readonly kind: 'error'; readonly error: TradingError };

/** Asks `trackrecord:get-record` for `mode` whenever it or `reloadKey` changes; a late answer for an old mode is dropped. */
export function useTrackRecord(mode: TradingMode, reloadKey: number): TrackRecordLoad {
  const [load, setLoad] = useState<TrackRecordLoad>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setLoad({ kind: 'loading' });
    call('trackrecord:get-record', { mode }).then(
      (record) => {
        if (current) setLoad({ kind: 'ready', record });
      },
      (error: unknown) => {
        if (current) setLoad({ kind: 'error', error: toTradingError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [mode, reloadKey]);
  return load;
}
