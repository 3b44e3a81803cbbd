import { Group, Text } from '@mantine/core';
import { formatClockTime } from '../../components/format.ts';
import { formatWindow } from './metric-format.ts';
import type { MetricsSnapshot } from './metric-sections.ts';

/** What the figures cover and how fresh they are: the window, when main took the snapshot, the pace. */
export function MetricsTakenLine(props: {
  readonly snapshot: MetricsSnapshot;
  readonly pollMs: number;
}): React.JSX.Element {
  const { snapshot } = props;
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" data-testid="metrics-window">
        Percentiles over the last {formatWindow(snapshot.windowMs)}; counts since Bulwark started.
      </Text>
      <Text size="sm" c="dimmed" data-testid="metrics-taken">
        Taken at {formatClockTime(snapshot.at)} · refreshed every {props.pollMs / 1000} s while this page is
        open
      </Text>
    </Group>
  );
}
