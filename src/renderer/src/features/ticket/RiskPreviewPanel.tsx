import { Alert, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { ErrorNotice, NumbersList } from '../../components/ErrorNotice.tsx';
import type { PreviewState, ReadyPreview } from './usePreview.ts';
import type { RiskPreview } from './ticket.types.ts';

function Figure(props: {
  readonly label: string;
  readonly value: string;
  readonly testId: string | undefined;
}): React.JSX.Element {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" ff="monospace" {...(props.testId === undefined ? {} : { 'data-testid': props.testId })}>
        {props.value}
      </Text>
    </Stack>
  );
}

/**
 * The preview's numbers. `stale` shows the previous ticket's numbers dimmed while the engine
 * computes the new ones — without test ids, so nothing reads them as current.
 */
function PreviewFigures(props: {
  readonly preview: RiskPreview;
  readonly stale?: boolean;
}): React.JSX.Element {
  const p = props.preview;
  const id = (name: string): string | undefined => (props.stale === true ? undefined : name);
  return (
    <SimpleGrid
      cols={3}
      spacing="xs"
      opacity={props.stale === true ? 0.45 : 1}
      data-stale={props.stale === true}
    >
      <Figure label="Margin needed" value={`${p.marginNeeded} USDT`} testId={id('preview-margin')} />
      <Figure label="Fees (in + out)" value={`${p.fees} USDT`} testId={id('preview-fees')} />
      <Figure label="Liquidation (est.)" value={p.liquidationPrice} testId={id('preview-liquidation')} />
      <Figure label="Loss at stop" value={`${p.lossAtStop} USDT`} testId={id('preview-loss-at-stop')} />
      <Figure label="Risk of equity" value={`${p.riskPctOfEquity} %`} testId={id('preview-risk-pct')} />
      <Figure label="Notional" value={`${p.notional} USDT`} testId={id('preview-notional')} />
      <Figure label="Available margin" value={`${p.availableMargin} USDT`} testId={id('preview-available')} />
      <Figure label="Equity" value={`${p.equity} USDT`} testId={id('preview-equity')} />
      <Figure label="At price" value={p.referencePrice} testId={id('preview-reference')} />
      {p.profitAtTakeProfit === undefined ? null : (
        <Figure
          label="Profit at take-profit"
          value={`${p.profitAtTakeProfit} USDT`}
          testId={id('preview-profit-at-tp')}
        />
      )}
      {p.rewardToRisk === undefined ? null : (
        <Figure label="Reward : risk" value={`${p.rewardToRisk} : 1`} testId={id('preview-reward-risk')} />
      )}
    </SimpleGrid>
  );
}

function Denial(props: { readonly preview: RiskPreview }): React.JSX.Element | null {
  const denial = props.preview.denial;
  if (props.preview.verdict !== 'deny') return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={`Denied: ${denial?.ruleId ?? 'risk rule'}`}
      data-testid="preview-denial"
    >
      <Text size="sm">{denial?.message ?? 'The risk engine denied this order.'}</Text>
      {denial === undefined ? null : <NumbersList numbers={denial.numbers} />}
    </Alert>
  );
}

/** The live risk preview: the engine's numbers for the ticket as typed, and its verdict. */
export function RiskPreviewPanel(props: {
  readonly state: PreviewState;
  readonly lastReady?: ReadyPreview | undefined;
}): React.JSX.Element {
  const { state, lastReady } = props;
  return (
    <Paper withBorder p="sm" data-testid="risk-preview" data-preview-state={state.kind}>
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          Risk preview
        </Text>
        {state.kind === 'loading' ? <Loader size="xs" /> : null}
        {state.kind === 'ready' ? (
          <Badge color={state.preview.verdict === 'allow' ? 'teal' : 'red'} data-testid="preview-verdict">
            {state.preview.verdict === 'allow' ? 'ALLOWED' : 'DENIED'}
          </Badge>
        ) : null}
      </Group>
      {state.kind === 'idle' ? (
        <Text size="sm" c="dimmed">
          Complete the ticket (with its stop) to see margin, fees, liquidation and loss at stop.
        </Text>
      ) : null}
      {state.kind === 'loading' && lastReady !== undefined ? (
        <PreviewFigures preview={lastReady.preview} stale />
      ) : null}
      {state.kind === 'failed' ? <ErrorNotice error={state.error} testId="preview-error" /> : null}
      {state.kind === 'ready' ? (
        <Stack gap="xs">
          <PreviewFigures preview={state.preview} />
          <Denial preview={state.preview} />
        </Stack>
      ) : null}
    </Paper>
  );
}
