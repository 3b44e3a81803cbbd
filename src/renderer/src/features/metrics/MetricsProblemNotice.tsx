import { Alert, Stack, Text } from '@mantine/core';
import { formatClockTime } from '../../components/format.ts';
import type { MetricsProblem } from './useMetricsSnapshot.ts';

/**
 * Why the metrics could not be read, and what to do about it. With an older snapshot still on
 * screen it says so, so figures that stopped updating are not taken for current ones.
 */
export function MetricsProblemNotice(props: {
  readonly problem: MetricsProblem;
  readonly pollMs: number;
  readonly showingOlder: boolean;
}): React.JSX.Element {
  const { problem } = props;
  return (
    <Alert color="red" variant="light" title="The metrics could not be read" data-testid="metrics-error">
      <Stack gap={4}>
        <Text size="sm" data-testid="metrics-error-message">
          {problem.message}
          {problem.code === undefined ? '' : ` (${problem.code})`}
        </Text>
        <Text size="sm">
          Last try at {formatClockTime(problem.at)}; the page tries again every {props.pollMs / 1000} s by
          itself. If this does not clear, the engine is not answering: look at the Health page and the log, or
          restart Bulwark. Reading metrics never touches orders or stops.
        </Text>
        {props.showingOlder ? (
          <Text size="sm" fw={600} data-testid="metrics-error-stale">
            The figures below are from the last snapshot that arrived, at the time shown above them.
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
