import { Stack, Table, Text } from '@mantine/core';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDuration } from '../../components/format.ts';
import { useConnection } from '../../stores/hooks.ts';

/** The engine link itself: the one health fact the renderer has today (from `app:heartbeat`). */
function EngineLink(): React.JSX.Element {
  const connection = useConnection((state) => state.connection);
  const heartbeat = useConnection((state) => state.lastHeartbeat);
  const status = useConnection((state) => state.status);
  return (
    <Table data-testid="health-engine">
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>Engine link</Table.Td>
          <Table.Td>{connection}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>Heartbeat</Table.Td>
          <Table.Td>{heartbeat === undefined ? '—' : `#${heartbeat.seq}`}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>Uptime</Table.Td>
          <Table.Td>{heartbeat === undefined ? '—' : formatDuration(heartbeat.uptimeMs)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>Version</Table.Td>
          <Table.Td>{status?.version ?? '—'}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>Venue</Table.Td>
          <Table.Td>{status?.venueUrl ?? '—'}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** Circuit breaker, rate-limit pools, clock offset and stream liveness, as the engine reports them. */
export function HealthView(): React.JSX.Element {
  return (
    <Stack>
      <EngineLink />
      <EmptyState title="No data from the engine yet">
        Breaker state, rate-limit usage per pool, clock offset/uncertainty and stream liveness appear here
        once the engine publishes a health channel; this build's IPC contract has none.
      </EmptyState>
      <Text size="xs" c="dimmed">
        Nothing on this page is estimated by the renderer.
      </Text>
    </Stack>
  );
}
