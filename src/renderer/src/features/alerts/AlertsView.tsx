import { Badge, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatClockTime } from '../../components/format.ts';
import { useTrading } from '../../stores/hooks.ts';

/**
 * Alerts as they exist today: the liquidation warnings the trading engine publishes. A general
 * alerts channel (router deliveries) is not in this build's contract.
 */
export function AlertsView(): React.JSX.Element {
  const warningsBySymbol = useTrading((state) => state.liquidationWarnings);
  const warnings = useMemo(
    () => Object.values(warningsBySymbol).sort((a, b) => b.at - a.at),
    [warningsBySymbol],
  );
  return (
    <Stack>
      {warnings.length === 0 ? (
        <EmptyState title="No active alerts">
          Liquidation warnings from the engine appear here as they arrive.
        </EmptyState>
      ) : (
        <Table data-testid="alerts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>At</Table.Th>
              <Table.Th>Symbol</Table.Th>
              <Table.Th>Level</Table.Th>
              <Table.Th>Distance</Table.Th>
              <Table.Th>Mark / Liquidation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {warnings.map((w) => (
              <Table.Tr key={w.symbol} data-testid={`alert-liquidation-${w.symbol}`}>
                <Table.Td>{formatClockTime(w.at)}</Table.Td>
                <Table.Td>{w.symbol}</Table.Td>
                <Table.Td>
                  <Badge color={w.level === 'critical' ? 'red' : 'yellow'}>{w.level}</Badge>
                </Table.Td>
                <Table.Td ff="monospace">
                  {w.distancePct.toFixed(2)} %
                  {w.distanceAtr === undefined ? '' : ` · ${w.distanceAtr.toFixed(1)} ATR`}
                </Table.Td>
                <Table.Td ff="monospace">
                  {w.markPrice} / {w.liquidationPrice}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        Other alert kinds (fills, stop moves, breaker, clock) need the engine's alerts channel.
      </Text>
    </Stack>
  );
}
