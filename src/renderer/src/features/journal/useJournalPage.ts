import { useEffect, useState } from 'react';
import { call } from '../../bridge/index.ts';
import { toTradingError } from '../../../../shared/errors.ts';
import { journalPageOf, journalQueryFor, type JournalFilters, type JournalPage } from './journal-query.ts';

/** Where the journal page stands: asking, shown, or why the engine could not answer. */
export type JournalLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly page: JournalPage }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'unavailable'; readonly message: string };

/**
 * Asks `trading:query-journal` for a page whenever the filters, the page or `reloadKey` change.
 * An answer that arrives after the inputs moved on is dropped.
 */
export function useJournalPage(filters: JournalFilters, page: number, reloadKey: number): JournalLoad {
  const [load, setLoad] = useState<JournalLoad>({ kind: 'loading' });
  const query = journalQueryFor(filters, page);
  const key = JSON.stringify(query);
  useEffect(() => {
    if (!query.ok) {
      setLoad({ kind: 'invalid', message: query.reason });
      return undefined;
    }
    let current = true;
    setLoad({ kind: 'loading' });
    call('trading:query-journal', query.request).then(
      (answer) => {
        if (current) setLoad({ kind: 'ready', page: journalPageOf(answer, page) });
      },
      (error: unknown) => {
        if (current) setLoad({ kind: 'unavailable', message: toTradingError(error).message });
      },
    );
    return () => {
      current = false;
    };
    // `key` stands for `query` (a fresh object each render).
  }, [key, page, reloadKey]);
  return load;
}
