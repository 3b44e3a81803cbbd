import { Loader, Group, Text } from '@mantine/core';
import type { LoadStatus } from '../stores/trading.types.ts';
import { EmptyState } from './EmptyState.tsx';

/**
 * Shows why a list has nothing to show yet: still loading, or the engine could not provide it
 * (with its message). Returns null once the data is ready.
 */
export function LoadState(props: {
  readonly status: LoadStatus;
  readonly what: string;
}): React.JSX.Element | null {
  if (props.status.kind === 'ready') return null;
  if (props.status.kind === 'loading') {
    return (
      <Group gap="xs" data-testid="load-state" data-load="loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Asking the engine for {props.what}…
        </Text>
      </Group>
    );
  }
  return <EmptyState title="No data from the engine yet">{props.status.message}</EmptyState>;
}
