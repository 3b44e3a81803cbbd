import { Stack, Text, Title } from '@mantine/core';
import { HistogramSummaryTable } from './HistogramSummaryTable.tsx';
import type { MetricsSection } from './metric-sections.ts';
import { SeriesValuesTable } from './SeriesValuesTable.tsx';

/** One section: its heading, what it answers, then its tables, or what an empty section means. */
export function MetricsSectionBlock(props: { readonly section: MetricsSection }): React.JSX.Element {
  const { section } = props;
  const headingId = `metrics-heading-${section.id}`;
  const empty = section.histograms.length + section.values.length === 0;
  return (
    <Stack
      component="section"
      gap="xs"
      aria-labelledby={headingId}
      data-testid={`metrics-section-${section.id}`}
    >
      <Title order={3} id={headingId}>
        {section.title}
      </Title>
      <Text size="sm" c="dimmed">
        {section.about}
      </Text>
      {empty ? (
        <Text size="sm" data-testid={`metrics-section-${section.id}-none`}>
          {section.none}
        </Text>
      ) : null}
      {section.histograms.map((table) => (
        <HistogramSummaryTable key={table.name} table={table} />
      ))}
      {section.values.map((table) => (
        <SeriesValuesTable key={table.key} table={table} />
      ))}
    </Stack>
  );
}
