import { Badge, Button, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { JournalTable } from './JournalTable.tsx';
import { journalKinds, noJournalFilters, type JournalFilters, type JournalKind } from './journal-query.ts';
import { useJournalPage, type JournalLoad } from './useJournalPage.ts';

const kindOptions = [
  { value: '', label: 'All kinds' },
  ...journalKinds.map((kind) => ({ value: kind, label: kind })),
];

function isKind(value: string): value is JournalKind {
  return (journalKinds as readonly string[]).includes(value);
}

function Filters(props: {
  readonly filters: JournalFilters;
  readonly change: (patch: Partial<JournalFilters>) => void;
  readonly reload: () => void;
}): React.JSX.Element {
  const { filters, change } = props;
  return (
    <Group align="flex-end">
      <TextInput
        label="Symbol"
        placeholder="all symbols"
        value={filters.symbol}
        w={150}
        data-testid="journal-symbol"
        onChange={(e) => {
          change({ symbol: e.currentTarget.value });
        }}
      />
      <Select
        label="Kind"
        data={kindOptions}
        value={filters.kind}
        allowDeselect={false}
        w={170}
        data-testid="journal-kind"
        onChange={(value) => {
          change({ kind: value !== null && isKind(value) ? value : '' });
        }}
      />
      {filters.clientOid === '' ? null : (
        <Badge size="lg" variant="light" tt="none" data-testid="journal-order-filter">
          order {filters.clientOid}
        </Badge>
      )}
      {filters.clientOid === '' ? null : (
        <Button
          variant="subtle"
          onClick={() => {
            change({ clientOid: '' });
          }}
        >
          All orders
        </Button>
      )}
      <Button variant="default" data-testid="journal-refresh" onClick={props.reload}>
        Refresh
      </Button>
    </Group>
  );
}

function Pager(props: {
  readonly load: JournalLoad;
  readonly page: number;
  readonly go: (page: number) => void;
}): React.JSX.Element | null {
  const { load, page, go } = props;
  if (load.kind !== 'ready') return null;
  return (
    <Group>
      <Button
        variant="default"
        disabled={page === 0}
        data-testid="journal-newer"
        onClick={() => {
          go(page - 1);
        }}
      >
        Newer
      </Button>
      <Text size="sm" data-testid="journal-page">
        Page {page + 1}
      </Text>
      <Button
        variant="default"
        disabled={!load.page.hasOlder}
        data-testid="journal-older"
        onClick={() => {
          go(page + 1);
        }}
      >
        Older
      </Button>
      {load.page.capped ? (
        <Text size="xs" c="dimmed">
          One query reaches back 1000 entries; narrow the symbol or kind to see older ones.
        </Text>
      ) : null}
    </Group>
  );
}

function JournalBody(props: {
  readonly load: JournalLoad;
  readonly filtered: boolean;
  readonly showOrder: (clientOid: string) => void;
}): React.JSX.Element {
  const { load } = props;
  if (load.kind === 'loading') {
    return (
      <Group gap="xs" data-testid="load-state" data-load="loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Asking the engine for the journal…
        </Text>
      </Group>
    );
  }
  if (load.kind === 'invalid') return <EmptyState title="Check the filter">{load.message}</EmptyState>;
  if (load.kind === 'unavailable')
    return <EmptyState title="The engine could not read the journal">{load.message}</EmptyState>;
  if (load.page.entries.length === 0) {
    return (
      <EmptyState
        title={props.filtered ? 'Nothing in the journal matches these filters' : 'The journal is empty'}
      >
        {props.filtered
          ? 'Clear a filter to see more.'
          : 'Orders, fills, stops, risk decisions, alerts and state changes appear here as the engine records them.'}
      </EmptyState>
    );
  }
  return <JournalTable entries={load.page.entries} showOrder={props.showOrder} />;
}

/** The engine's journal (`trading:query-journal`), newest first, filtered and paged. */
export function JournalView(): React.JSX.Element {
  const [filters, setFilters] = useState<JournalFilters>(noJournalFilters);
  const [page, setPage] = useState(0);
  const [reloadKey, setReloadKey] = useState(0);
  const load = useJournalPage(filters, page, reloadKey);
  const change = (patch: Partial<JournalFilters>): void => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(0);
  };
  const filtered = filters.symbol.trim() !== '' || filters.kind !== '' || filters.clientOid !== '';
  return (
    <Stack data-testid="journal-view">
      <Filters
        filters={filters}
        change={change}
        reload={() => {
          setReloadKey((k) => k + 1);
        }}
      />
      <JournalBody
        load={load}
        filtered={filtered}
        showOrder={(clientOid) => {
          change({ clientOid });
        }}
      />
      <Pager load={load} page={page} go={setPage} />
    </Stack>
  );
}
