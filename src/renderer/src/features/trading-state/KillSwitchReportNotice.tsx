import { Alert, List, Text } from '@mantine/core';
import { formatClockTime } from '../../components/format.ts';
import { useKillReport } from '../../stores/kill-report.store.ts';
import { killReportLines } from './kill-report-lines.ts';

/** After the kill switch: what it did, above the dock's tabs until dismissed; red when something was left live. */
export function KillSwitchReportNotice(): React.JSX.Element | null {
  const report = useKillReport((state) => state.report);
  const dismiss = useKillReport((state) => state.dismiss);
  if (report === undefined) return null;
  const { problems, done } = killReportLines(report);
  return (
    <Alert
      color={problems.length > 0 ? 'red' : 'yellow'}
      variant="light"
      p="xs"
      withCloseButton
      closeButtonLabel="Dismiss the kill switch report"
      onClose={dismiss}
      title={`Kill switch at ${formatClockTime(report.at)}${problems.length > 0 ? ': not everything is off' : ''}`}
      data-testid="kill-switch-report"
    >
      <List size="sm" spacing={0}>
        {[...problems, ...done].map((line) => (
          <List.Item key={line}>
            <Text size="sm" c={problems.includes(line) ? 'red' : 'inherit'}>
              {line}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
