import { useEffect, useState } from 'react';
import { call, subscribeAll, subscribe } from '../../bridge/index.ts';
import { toTradingError } from '../../../../shared/errors.ts';
import { fillRowsOf, startOfLocalDay, type FillRow } from './fill-entry.ts';

/** Where the fills list stands: asking, shown, or why the engine could not answer. */
export type FillsLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly fills: readonly FillRow[] }
  | { readonly kind: 'unavailable'; readonly message: string };

/** Fills arrive in bursts (a market order walking the book): one query after the burst settles. */
const refetchAfterMs = 300;

/**
 * Today's fills from the journal (the engine records every fill there, idempotent by trade id),
 * asked again shortly after an order or a position changes, since that is when fills happen. An
 * answer that arrives after a newer question is dropped.
 */
export function useTodaysFills(): FillsLoad {
  const [load, setLoad] = useState<FillsLoad>({ kind: 'loading' });
  useEffect(() => {
    let asked = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void => {
      const question = ++asked;
      const request = { kind: 'fill' as const, sinceMs: startOfLocalDay(Date.now()), limit: 500 };
      call('trading:query-journal', request).then(
        (entries) => {
          if (question === asked) setLoad({ kind: 'ready', fills: fillRowsOf(entries) });
        },
        (error: unknown) => {
          if (question === asked) setLoad({ kind: 'unavailable', message: toTradingError(error).message });
        },
      );
    };
    const askSoon = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(ask, refetchAfterMs);
    };
    ask();
    const unsubscribe = subscribeAll([
      () => subscribe('trading:order-updated', askSoon),
      () => subscribe('trading:position-updated', askSoon),
    ]);
    return () => {
      asked = Number.POSITIVE_INFINITY;
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    };
  }, []);
  return load;
}
