import { Group, Loader, Text } from '@mantine/core';
import { formatClockTime } from '../../components/format.ts';
import type { LoadStatus } from '../../stores/trading.types.ts';

/** "stale since HH:MM:SS" above a panel whose stream is down; nothing while it is fresh. */
export function StaleNotice(props: {
  readonly staleSinceMs: number | undefined;
  readonly stale: boolean;
  readonly testId: string;
}): React.JSX.Element | null {
  if (!props.stale) return null;
  return (
    <Text size="xs" c="yellow" fw={600} px="xs" data-testid={props.testId} role="status">
      {props.staleSinceMs === undefined ? 'stale' : `stale since ${formatClockTime(props.staleSinceMs)}`} —
      the market stream is down, showing the last known data
    </Text>
  );
}

/** Loading, failed or empty: what a panel says instead of rows; nothing once there are rows. */
export function PanelPlaceholder(props: {
  readonly load: LoadStatus;
  readonly empty: boolean;
  readonly what: string;
  readonly emptyText: string;
}): React.JSX.Element | null {
  if (props.load.kind === 'loading') {
    return (
      <Group gap="xs" p="xs" data-load="loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Loading {props.what}…
        </Text>
      </Group>
    );
  }
  if (props.load.kind === 'unavailable') {
    return (
      <Text size="sm" c="dimmed" p="xs" data-load="unavailable">
        No {props.what} from the engine: {props.load.message}
      </Text>
    );
  }
  if (!props.empty) return null;
  return (
    <Text size="sm" c="dimmed" p="xs" data-load="empty">
      {props.emptyText}
    </Text>
  );
}

/** The panel frame: fills its parent's height, never scrolls the page, greys out when stale. */
export function panelStyle(stale: boolean): React.CSSProperties {
  return {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minHeight: 0,
    overflow: 'hidden',
    ...(stale ? { filter: 'grayscale(1)', opacity: 0.55 } : {}),
  };
}
