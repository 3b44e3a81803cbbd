import { Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { DayPnl, SafetyRecord, TrackSummary } from '../../../../shared/ipc/channels/trackrecord.ts';
import { holdText, ratioText, signedUsdt } from './track-format.ts';

function Figure(props: {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
}): React.JSX.Element {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={600} data-testid={props.testId}>
        {props.value}
      </Text>
    </Paper>
  );
}

/** The trade figures as tiles. */
export function SummaryFigures(props: { readonly summary: TrackSummary }): React.JSX.Element {
  const s = props.summary;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="xs" data-testid="track-summary">
      <Figure
        label="Trades"
        value={`${s.trades}${s.openTrades > 0 ? ` (+${s.openTrades} open)` : ''}`}
        testId="fig-trades"
      />
      <Figure label="Win rate" value={ratioText(s.winRatePct, 1, ' %')} testId="fig-win-rate" />
      <Figure
        label="Profit factor"
        value={s.profitFactor === null ? (s.wins > 0 ? 'no losses' : '—') : s.profitFactor.toFixed(2)}
        testId="fig-profit-factor"
      />
      <Figure label="Net PnL (USDT)" value={signedUsdt(s.netPnlUsdt)} testId="fig-net" />
      <Figure label="Max drawdown" value={`${s.maxDrawdownPct.toFixed(2)} %`} testId="fig-drawdown" />
      <Figure label="Average hold" value={holdText(s.averageHoldMs)} testId="fig-hold" />
      <Figure label="Average R" value={ratioText(s.averageR, 2, 'R')} testId="fig-average-r" />
      <Figure label="Trading days" value={String(s.tradingDays)} testId="fig-days" />
    </SimpleGrid>
  );
}

/** Seconds unprotected, denials by rule, kill switch, breaker, emergency closes, daily-loss halts. */
export function SafetyFigures(props: { readonly safety: SafetyRecord }): React.JSX.Element {
  const f = props.safety;
  return (
    <Paper withBorder p="sm" data-testid="track-safety">
      <Text fw={600}>Safety record</Text>
      <Text size="sm" data-testid="safety-unprotected">
        {f.secondsUnprotected.toFixed(1)} s unprotected in {f.nakedEpisodes} episode
        {f.nakedEpisodes === 1 ? '' : 's'}; {f.secondsUnprotectedPastLimit.toFixed(1)} s past the{' '}
        {f.unprotectedLimitS} s limit
      </Text>
      <Text size="sm" data-testid="safety-counts">
        Kill switch {f.killSwitchUses} · breaker opened {f.breakerOpens} · emergency closes{' '}
        {f.emergencyCloses} · daily-loss halts {f.dailyLossHalts}
      </Text>
      <Text size="sm" data-testid="safety-denials">
        Risk denials:{' '}
        {f.riskDenials.length === 0 ? 'none' : f.riskDenials.map((d) => `${d.ruleId} ${d.count}`).join(', ')}
      </Text>
    </Paper>
  );
}

/** Net PnL per UTC day, newest first. */
export function DayPnlTable(props: { readonly days: readonly DayPnl[] }): React.JSX.Element {
  return (
    <Table withTableBorder data-testid="track-days">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Day (UTC)</Table.Th>
          <Table.Th>Trades</Table.Th>
          <Table.Th>Net PnL (USDT)</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...props.days].reverse().map((d) => (
          <Table.Tr key={d.day} data-testid="track-day-row">
            <Table.Td>{d.day}</Table.Td>
            <Table.Td>{d.trades}</Table.Td>
            <Table.Td c={Number(d.pnlUsdt) < 0 ? 'red' : 'teal'}>{signedUsdt(d.pnlUsdt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
