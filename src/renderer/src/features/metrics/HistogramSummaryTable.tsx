import { Table, Text } from '@mantine/core';
import { LabelCells } from './LabelCells.tsx';
import type { HistogramTable } from './metric-sections.ts';

/** The figure columns, after the label columns: what a latency table always says. */
const figureHeaders = ['p50 (median)', 'p95', 'p99', 'Max', 'Samples in window', 'Samples since start'];

/**
 * One histogram metric: a row per label set (endpoint, order purpose, stream …) with p50 / p95 /
 * p99 / max over the window and the sample counts. The caption names the metric, says what it
 * measures and gives the registry's name, as the Prometheus endpoint spells it after `bulwark_`.
 */
export function HistogramSummaryTable(props: { readonly table: HistogramTable }): React.JSX.Element {
  const { table } = props;
  return (
    <Table striped withTableBorder captionSide="top" data-testid={`metrics-histogram-${table.name}`}>
      <Table.Caption ta="left">
        <Text span fw={600} size="sm">
          {table.title}
        </Text>
        <Text size="xs" c="dimmed">
          {table.help}{' '}
          <Text span ff="monospace" size="xs">
            {table.name}
          </Text>
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {table.labelHeaders.map((header) => (
            <Table.Th key={header} scope="col">
              {header}
            </Table.Th>
          ))}
          {figureHeaders.map((header) => (
            <Table.Th key={header} scope="col" ta="right">
              {header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <Table.Tr key={row.key} data-testid="metrics-histogram-row">
            <LabelCells labels={row.labels} />
            {[row.p50, row.p95, row.p99, row.max, row.inWindow, row.total].map((figure, index) => (
              <Table.Td key={figureHeaders[index]} ta="right" ff="monospace">
                {figure}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
