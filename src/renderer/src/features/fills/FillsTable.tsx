import { Table, Text } from '@mantine/core';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { formatClockTime } from '../../components/format.ts';
import type { FillRow } from './fill-entry.ts';
import type { FillsLoad } from './useTodaysFills.ts';

const headers = ['Time', 'Symbol', 'Side', 'Lots', 'Price', 'Fee', 'Liquidity', 'Type', 'clientOid'];

function FillLine(props: { readonly fill: FillRow }): React.JSX.Element {
  const f = props.fill;
  const forced = f.tradeType === 'liquid' || f.tradeType === 'adl';
  return (
    <Table.Tr data-testid={`fill-row-${f.tradeId}`}>
      <Table.Td>{formatClockTime(f.at)}</Table.Td>
      <Table.Td>{f.symbol}</Table.Td>
      <Table.Td c={f.side === 'buy' ? 'teal' : 'red'}>{f.side === 'buy' ? '▲ buy' : '▼ sell'}</Table.Td>
      <Table.Td ff="monospace">{f.sizeLots}</Table.Td>
      <Table.Td ff="monospace">{f.price}</Table.Td>
      <Table.Td ff="monospace">{f.fee}</Table.Td>
      <Table.Td>{f.liquidity}</Table.Td>
      <Table.Td c={forced ? 'red' : 'inherit'}>
        {forced ? `${f.tradeType} (by the exchange)` : f.tradeType}
      </Table.Td>
      <Table.Td ff="monospace" fz="xs">
        {f.clientOid ?? (
          <Text span size="xs" c="dimmed">
            placed outside Bulwark
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Today's fills, newest first; a liquidation or auto-deleverage says the exchange did it. */
export function FillsTable(props: { readonly load: FillsLoad }): React.JSX.Element {
  const { load } = props;
  if (load.kind === 'loading') return <LoadState status={{ kind: 'loading' }} what="fills" />;
  if (load.kind === 'unavailable') return <LoadState status={load} what="fills" />;
  if (load.fills.length === 0) return <EmptyState title="No fills today" />;
  return (
    <Table striped highlightOnHover stickyHeader data-testid="fills-table">
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {load.fills.map((f) => (
          <FillLine key={f.tradeId} fill={f} />
        ))}
      </Table.Tbody>
    </Table>
  );
}
