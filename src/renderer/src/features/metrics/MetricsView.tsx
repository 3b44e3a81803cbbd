import { Stack, Text } from '@mantine/core';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { formatWindow } from './metric-format.ts';
import {
  isEmptySnapshot,
  metricsSections,
  samplesInWindow,
  type MetricsSnapshot,
} from './metric-sections.ts';
import { MetricsProblemNotice } from './MetricsProblemNotice.tsx';
import { MetricsSectionBlock } from './MetricsSectionBlock.tsx';
import { MetricsTakenLine } from './MetricsTakenLine.tsx';
import { metricsPollMs, useMetricsSnapshot } from './useMetricsSnapshot.ts';

/** The snapshot itself: nothing recorded yet, or its sections (with a word when the window is idle). */
function SnapshotBody(props: { readonly snapshot: MetricsSnapshot }): React.JSX.Element {
  const { snapshot } = props;
  const windowText = formatWindow(snapshot.windowMs);
  if (isEmptySnapshot(snapshot))
    return (
      <EmptyState title={`No samples yet in the last ${windowText}`}>
        Series appear as Bulwark calls KuCoin, reads its streams and sends orders; this page asks again every{' '}
        {metricsPollMs / 1000} s.
      </EmptyState>
    );
  return (
    <Stack gap="lg">
      {snapshot.histograms.length > 0 && samplesInWindow(snapshot) === 0 ? (
        <Text size="sm" data-testid="metrics-no-samples">
          No samples yet in the last {windowText}: the latency tables fill in as orders go out and KuCoin is
          called.
        </Text>
      ) : null}
      {metricsSections(snapshot).map((section) => (
        <MetricsSectionBlock key={section.id} section={section} />
      ))}
    </Stack>
  );
}

/**
 * The Metrics page: what main's metrics registry measures (order and REST latency, rate-limit
 * pools, errors, streams, protection, alert deliveries), asked for every 2 s while the page is
 * open. Every figure is main's; the page only lays them out and rounds them.
 */
export function MetricsView(): React.JSX.Element {
  const { snapshot, problem } = useMetricsSnapshot(metricsPollMs);
  return (
    <Stack gap="sm" data-testid="metrics">
      {problem === undefined ? null : (
        <MetricsProblemNotice
          problem={problem}
          pollMs={metricsPollMs}
          showingOlder={snapshot !== undefined}
        />
      )}
      {snapshot === undefined && problem === undefined ? (
        <LoadState status={{ kind: 'loading' }} what="the metrics" />
      ) : null}
      {snapshot === undefined ? null : (
        <>
          <MetricsTakenLine snapshot={snapshot} pollMs={metricsPollMs} />
          <SnapshotBody snapshot={snapshot} />
        </>
      )}
    </Stack>
  );
}
