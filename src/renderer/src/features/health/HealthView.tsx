import { Stack, Table, Text } from '@mantine/core';
import { formatDuration } from '../../components/format.ts';
import { useConnection } from '../../stores/hooks.ts';
import { ExchangeHealthPanel } from './ExchangeHealthPanel.tsx';

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

/** The engine link, then the exchange link: breaker, rate-limit pools, clock and streams. */
export function HealthView(): React.JSX.Element {
  return (
    <Stack>
      <EngineLink />
      <ExchangeHealthPanel />
      <Text size="xs" c="dimmed">
        Everything here is reported by the engine; the renderer estimates nothing.
      </Text>
    </Stack>
  );
}
