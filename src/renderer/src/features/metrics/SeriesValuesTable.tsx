import { Table, Text } from '@mantine/core';
import { LabelCells } from './LabelCells.tsx';
import type { ValueTable } from './metric-sections.ts';

/** The caption: each column's heading, what it counts, and the registry's name for it. */
function ValuesCaption(props: { readonly table: ValueTable }): React.JSX.Element {
  return (
    <Table.Caption ta="left">
      {props.table.columns.map((column, index) => (
        <Text key={index} size="xs">
          <Text span fw={600} size="xs">
            {column.title}
          </Text>
          : {column.help}{' '}
          <Text span ff="monospace" size="xs" c="dimmed">
            {column.name}
          </Text>
        </Text>
      ))}
    </Table.Caption>
  );
}

/**
 * Counters and gauges that share their labels, a column each: calls, weight and quota left per
 * pool in one row. A `—` cell means main has no such series for that row, not zero.
 */
export function SeriesValuesTable(props: { readonly table: ValueTable }): React.JSX.Element {
  const { table } = props;
  return (
    <Table striped withTableBorder captionSide="top" data-testid={`metrics-values-${table.key}`}>
      <ValuesCaption table={table} />
      <Table.Thead>
        <Table.Tr>
          {table.labelHeaders.map((header) => (
            <Table.Th key={header} scope="col">
              {header}
            </Table.Th>
          ))}
          {table.columns.map((column, index) => (
            <Table.Th key={index} scope="col" ta="right">
              {column.title}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <Table.Tr key={row.key} data-testid="metrics-values-row">
            <LabelCells labels={row.labels} />
            {row.cells.map((cell, index) => (
              <Table.Td key={index} ta="right" ff="monospace">
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
