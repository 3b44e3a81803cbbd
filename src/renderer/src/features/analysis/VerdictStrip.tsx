import { Alert, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { SignalDirection } from '../../../../shared/ipc/channels/analysis.ts';
import type { TimeframeView, VerdictView } from './strip-view.ts';
import { useAnalysis, useFollowAnalysis } from './useAnalysis.ts';

const colors: Record<SignalDirection, string> = { up: 'teal', down: 'red', flat: 'gray' };

function TimeframeBadge(props: { readonly view: TimeframeView }): React.JSX.Element {
  const { view } = props;
  const badge = (
    <Badge
      variant={view.status === 'ready' ? 'light' : 'outline'}
      color={view.direction === undefined ? 'gray' : colors[view.direction]}
      data-testid={`verdict-tf-${view.timeframe}`}
      data-status={view.status}
      data-direction={view.direction ?? ''}
      tt="none"
    >
      {view.timeframe} {view.text}
    </Badge>
  );
  if (view.details.length === 0) return badge;
  return (
    <Tooltip
      multiline
      w={420}
      label={
        <Stack gap={2} data-testid={`verdict-tf-${view.timeframe}-details`}>
          {view.details.map((line) => (
            <Text key={line} size="xs" ff="monospace">
              {line}
            </Text>
          ))}
        </Stack>
      }
    >
      {badge}
    </Tooltip>
  );
}

function VerdictBadge(props: { readonly verdict: VerdictView | undefined }): React.JSX.Element {
  const { verdict } = props;
  if (verdict === undefined) {
    return (
      <Text size="sm" c="dimmed" data-testid="verdict-none">
        No verdict yet: no timeframe has enough history.
      </Text>
    );
  }
  return (
    <Group gap="xs">
      <Badge
        size="lg"
        color={colors[verdict.direction]}
        data-testid="verdict-value"
        data-direction={verdict.direction}
      >
        Verdict {verdict.value}
      </Badge>
      <Text size="sm" data-testid="verdict-confidence">
        confidence {verdict.confidence} · led by {verdict.strongestTimeframe}
      </Text>
    </Group>
  );
}

/** An entry against the verdict, said where the trader looks before sending. */
export function EntryWarningNotice(props: {
  readonly warning: string | undefined;
  readonly testId?: string;
}): React.JSX.Element | null {
  if (props.warning === undefined) return null;
  return (
    <Alert color="yellow" variant="light" p="xs" data-testid={props.testId ?? 'entry-warning'}>
      <Text size="sm">{props.warning}</Text>
    </Alert>
  );
}

/**
 * The multi-timeframe strip beside the ticket (ADR 0706): per timeframe its direction and signal
 * (the components on hover), the weighted verdict and its confidence. With `side`, it warns an entry
 * on that side against the verdict; without, it names the side that would go against it.
 */
export function VerdictStrip(props: {
  readonly symbol: string;
  readonly side?: 'buy' | 'sell';
}): React.JSX.Element {
  useFollowAnalysis(props.symbol);
  const strip = useAnalysis((state) => state.strips[props.symbol]);
  const load = useAnalysis((state) => state.load[props.symbol]);
  const unavailable = useAnalysis((state) => state.unavailable);
  const problem = unavailable ?? (load?.kind === 'unavailable' ? load.message : undefined);
  const warnings = strip?.view.warnings;
  const warning = props.side === undefined ? (warnings?.buy ?? warnings?.sell) : warnings?.[props.side];
  return (
    <Paper withBorder p="sm" mb="xs" data-testid="verdict-strip">
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={600}>
            {props.symbol} · multi-timeframe
          </Text>
          {strip === undefined ? null : <VerdictBadge verdict={strip.view.verdict} />}
        </Group>
        {problem !== undefined ? (
          <Text size="sm" c="red" data-testid="verdict-unavailable">
            No analysis from the engine: {problem}
          </Text>
        ) : strip === undefined ? (
          <Text size="sm" c="dimmed">
            Loading the analysis…
          </Text>
        ) : (
          <Group gap="xs">
            {strip.view.timeframes.map((view) => (
              <TimeframeBadge key={view.timeframe} view={view} />
            ))}
          </Group>
        )}
        <EntryWarningNotice warning={warning} />
      </Stack>
    </Paper>
  );
}

/** The ticket's warning for an entry on `side`, or nothing (for the ticket to place under its side switch). */
export function EntryWarning(props: {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
}): React.JSX.Element | null {
  useFollowAnalysis(props.symbol);
  const warning = useAnalysis((state) => state.strips[props.symbol]?.view.warnings[props.side]);
  return <EntryWarningNotice warning={warning} testId="ticket-entry-warning" />;
}
