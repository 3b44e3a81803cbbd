import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { subscribe } from '../../bridge/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import type { TradingMode } from '../../../../shared/ipc/channels/app.ts';
import type { TrackRecord } from '../../../../shared/ipc/channels/trackrecord.ts';
import { CsvExportButton } from './CsvExportButton.tsx';
import { EquityCurveChart } from './EquityCurveChart.tsx';
import { ReadinessPanel } from './ReadinessPanel.tsx';
import { DayPnlTable, SafetyFigures, SummaryFigures } from './RecordFigures.tsx';
import { TradesTable } from './TradesTable.tsx';
import { useTrackRecord } from './useTrackRecord.ts';

function RecordBody(props: { readonly record: TrackRecord }): React.JSX.Element {
  const { record } = props;
  return (
    <Stack gap="sm" data-testid="track-record" data-mode={record.mode}>
      <ReadinessPanel readiness={record.readiness} />
      <SummaryFigures summary={record.summary} />
      <SafetyFigures safety={record.safety} />
      {record.trades.length === 0 ? (
        <EmptyState title={`No closed ${record.mode} trades yet`}>
          The record fills from the {record.mode} journal as positions open and close.
        </EmptyState>
      ) : (
        <>
          <Title order={4}>Equity (USDT)</Title>
          {record.startingEquityUsdt === null ? (
            <Text size="sm" c="dimmed">
              No starting equity in the journal: the curve starts at 0 and shows PnL only.
            </Text>
          ) : null}
          <EquityCurveChart points={record.equityCurve} />
          <Title order={4}>PnL per day</Title>
          <DayPnlTable days={record.pnlByDay} />
          <Title order={4}>Trades</Title>
          <TradesTable trades={record.trades} />
        </>
      )}
    </Stack>
  );
}

/** A position that closes ends a trade: the record is asked for again. */
function useReloadOnClose(reload: () => void): void {
  useEffect(() => {
    try {
      return subscribe('trading:position-updated', (payload) => {
        if (payload.position === null) reload();
      });
    } catch {
      // No event feed (a build without trading): the Refresh button still works.
      return undefined;
    }
    // Subscribed once per mount; `reload` only bumps a counter.
  }, []);
}

/** The Track record view: paper or live, computed by main from that mode's journal. */
export function TrackRecordView(): React.JSX.Element {
  const [mode, setMode] = useState<TradingMode>('paper');
  const [reloadKey, setReloadKey] = useState(0);
  useReloadOnClose(() => {
    setReloadKey((k) => k + 1);
  });
  const load = useTrackRecord(mode, reloadKey);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          value={mode}
          onChange={(value) => {
            setMode(value === 'live' ? 'live' : 'paper');
          }}
          data={[
            { value: 'paper', label: 'Paper' },
            { value: 'live', label: 'Live' },
          ]}
          data-testid="track-mode"
        />
        <Group gap="sm">
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setReloadKey((k) => k + 1);
            }}
            data-testid="track-refresh"
          >
            Refresh
          </Button>
          <CsvExportButton mode={mode} />
        </Group>
      </Group>
      {load.kind === 'loading' ? (
        <Text size="sm" c="dimmed" data-testid="track-loading">
          Computing the {mode} track record…
        </Text>
      ) : null}
      {load.kind === 'error' ? <ErrorNotice error={load.error} testId="track-error" /> : null}
      {load.kind === 'ready' ? <RecordBody record={load.record} /> : null}
    </Stack>
  );
}
