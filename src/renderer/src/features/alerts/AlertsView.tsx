import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { NumbersList } from '../../components/ErrorNotice.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { formatClockTime } from '../../components/format.ts';
import { useAlerts, useTrading } from '../../stores/hooks.ts';
import type { Alert } from '../../../../shared/ipc/channels/alerts.ts';

const severityColor = { info: 'blue', warning: 'yellow', critical: 'red' } as const;

/** Liquidation warnings that hold right now (the trading engine clears them itself). */
function ActiveLiquidationWarnings(): React.JSX.Element | null {
  const bySymbol = useTrading((state) => state.liquidationWarnings);
  const warnings = useMemo(() => Object.values(bySymbol).sort((a, b) => b.at - a.at), [bySymbol]);
  if (warnings.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="alerts-liquidation">
      <Title order={4}>Near liquidation now</Title>
      {warnings.map((w) => (
        <Text
          key={w.symbol}
          size="sm"
          c={w.level === 'critical' ? 'red' : 'yellow'}
          data-testid={`alert-liquidation-${w.symbol}`}
        >
          {w.symbol}: mark {w.markPrice}, liquidation {w.liquidationPrice} — {w.distancePct.toFixed(2)} % away
          {w.distanceAtr === undefined ? '' : ` (${w.distanceAtr.toFixed(1)} ATR)`}
        </Text>
      ))}
    </Stack>
  );
}

function AlertRow(props: { readonly alert: Alert }): React.JSX.Element {
  const a = props.alert;
  return (
    <Table.Tr data-testid={`alert-row-${a.id}`} data-severity={a.severity}>
      <Table.Td>{formatClockTime(a.at)}</Table.Td>
      <Table.Td>
        <Badge color={severityColor[a.severity]}>{a.severity}</Badge>
      </Table.Td>
      <Table.Td ff="monospace" fz="xs">
        {a.code}
      </Table.Td>
      <Table.Td>{a.symbol ?? ''}</Table.Td>
      <Table.Td>
        <Text size="sm">{a.message}</Text>
        <NumbersList numbers={a.details} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Alerts the engine raised (fills, stops, breaker, clock, liquidation…), newest first. */
export function AlertsView(): React.JSX.Element {
  const alerts = useAlerts((state) => state.alerts);
  const load = useAlerts((state) => state.load);
  return (
    <Stack>
      <ActiveLiquidationWarnings />
      {load.kind !== 'ready' && alerts.length === 0 ? <LoadState status={load} what="alerts" /> : null}
      {load.kind === 'ready' && alerts.length === 0 ? <EmptyState title="No alerts yet" /> : null}
      {alerts.length === 0 ? null : (
        <Table data-testid="alerts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>At</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Code</Table.Th>
              <Table.Th>Symbol</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {alerts.map((alert) => (
              <AlertRow key={alert.id} alert={alert} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
