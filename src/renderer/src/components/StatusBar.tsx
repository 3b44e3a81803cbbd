import { Group, Text } from '@mantine/core';
import { useConnection } from '../stores/hooks.ts';
import type { EngineConnection } from '../stores/connection.store.ts';
import { formatDuration } from './format.ts';

const connectionLabel: Record<EngineConnection, { text: string; color: string }> = {
  waiting: { text: 'Waiting for engine', color: 'dimmed' },
  live: { text: 'Engine live', color: 'teal' },
  stale: { text: 'Engine stale (no heartbeat for 3 s)', color: 'red' },
};

/** Bottom bar fed by main's `app:heartbeat`: connection, mode, uptime and the heartbeat number. */
export function StatusBar(): React.JSX.Element {
  const connection = useConnection((state) => state.connection);
  const heartbeat = useConnection((state) => state.lastHeartbeat);
  const mode = useConnection((state) => state.mode);
  const label = connectionLabel[connection];
  return (
    <Group data-testid="status-bar" h="100%" px="sm" gap="lg" wrap="nowrap">
      <Text size="xs" c={label.color} data-testid="status-connection" data-connection={connection}>
        ● {label.text}
      </Text>
      <Text size="xs" c="dimmed" data-testid="status-mode">
        Mode: {mode === undefined ? '—' : mode.toUpperCase()}
      </Text>
      <Text size="xs" c="dimmed" data-testid="status-uptime">
        Uptime: {heartbeat === undefined ? '—' : formatDuration(heartbeat.uptimeMs)}
      </Text>
      <Text size="xs" c="dimmed">
        Heartbeat #
        <span data-testid="status-heartbeat-seq">{heartbeat === undefined ? '—' : heartbeat.seq}</span>
      </Text>
    </Group>
  );
}
