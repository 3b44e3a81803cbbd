import { Anchor, Badge, Table, Text } from '@mantine/core';
import { formatClockTime } from '../../components/format.ts';
import { describeJournalEntry } from './journal-describe.ts';
import type { JournalEntry } from './journal-query.ts';

const kindColors: Partial<Record<string, string>> = {
  order: 'blue',
  fill: 'teal',
  stop: 'orange',
  trailing: 'yellow',
  'risk-decision': 'grape',
  alert: 'red',
  'state-change': 'pink',
};

function JournalRow(props: {
  readonly entry: JournalEntry;
  readonly showOrder: (clientOid: string) => void;
}): React.JSX.Element {
  const { entry } = props;
  return (
    <Table.Tr
      data-testid={`journal-row-${entry.seq}`}
      data-kind={entry.kind}
      data-client-oid={entry.clientOid}
    >
      <Table.Td ff="monospace">{entry.seq}</Table.Td>
      <Table.Td ff="monospace">{formatClockTime(entry.at)}</Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={kindColors[entry.kind] ?? 'gray'}>
          {entry.kind}
        </Badge>
      </Table.Td>
      <Table.Td>{entry.symbol ?? '—'}</Table.Td>
      <Table.Td ff="monospace">
        {entry.clientOid === undefined ? (
          '—'
        ) : (
          <Anchor
            component="button"
            size="sm"
            title="Show this order's history"
            onClick={() => {
              if (entry.clientOid !== undefined) props.showOrder(entry.clientOid);
            }}
          >
            {entry.clientOid.slice(0, 12)}…
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {describeJournalEntry(entry)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Journal entries, newest first; a clientOid opens that order's history. */
export function JournalTable(props: {
  readonly entries: readonly JournalEntry[];
  readonly showOrder: (clientOid: string) => void;
}): React.JSX.Element {
  return (
    <Table striped highlightOnHover data-testid="journal-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Time</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Symbol</Table.Th>
          <Table.Th>Order</Table.Th>
          <Table.Th>What happened</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.entries.map((entry) => (
          <JournalRow key={entry.seq} entry={entry} showOrder={props.showOrder} />
        ))}
      </Table.Tbody>
    </Table>
  );
}
