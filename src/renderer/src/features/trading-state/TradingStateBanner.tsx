import { Alert, Group, Text } from '@mantine/core';
import { formatClockTime } from '../../components/format.ts';
import { useTrading } from '../../stores/hooks.ts';
import type { TradingStateSummary } from '../../stores/trading.store.ts';
import { ResumeTrading, resumable } from './ResumeTrading.tsx';

const stateColor = { ACTIVE: 'teal', REDUCING: 'yellow', HALTED: 'red' } as const;
const stateMeaning = {
  ACTIVE: 'Entries and exits allowed.',
  REDUCING: 'Only orders that reduce exposure are accepted.',
  HALTED: 'No new orders; protective stops stay in place.',
} as const;

function detailsText(summary: TradingStateSummary): string {
  const triggers = summary.activeTriggers ?? [];
  const parts = [
    triggers.length > 0 ? `triggers: ${triggers.join(', ')}` : '',
    ...Object.entries(summary.details).map(([key, value]) => `${key}: ${String(value)}`),
  ];
  return parts.filter((part) => part !== '').join(' · ');
}

/** ACTIVE / REDUCING / HALTED with its reason, visible above every view. */
export function TradingStateBanner(): React.JSX.Element {
  const summary = useTrading((state) => state.tradingState);
  const load = useTrading((state) => state.tradingStateLoad);
  if (summary === undefined) {
    return (
      <Alert color="gray" variant="light" data-testid="trading-state-banner" data-state="unknown" p="xs">
        <Text size="sm">
          Trading state:{' '}
          {load.kind === 'unavailable' ? `not available — ${load.message}` : 'asking the engine…'}
        </Text>
      </Alert>
    );
  }
  const extra = detailsText(summary);
  return (
    <Alert
      color={stateColor[summary.state]}
      variant="light"
      data-testid="trading-state-banner"
      data-state={summary.state}
      p="xs"
    >
      <Group gap="md" wrap="nowrap">
        <Text fw={700} data-testid="trading-state">
          {summary.state}
        </Text>
        <Text size="sm" data-testid="trading-state-reason">
          {summary.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {stateMeaning[summary.state]} Since {formatClockTime(summary.since)}.
        </Text>
        {summary.reconciled === false ? (
          <Text size="xs" c="yellow">
            Reconciling with the exchange: entries wait.
          </Text>
        ) : null}
        {extra === '' ? null : (
          <Text size="xs" c="dimmed">
            {extra}
          </Text>
        )}
        {summary.state !== 'ACTIVE' && resumable(summary.activeTriggers) ? <ResumeTrading /> : null}
      </Group>
    </Alert>
  );
}
