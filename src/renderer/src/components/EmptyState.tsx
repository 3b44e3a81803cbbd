import { Paper, Text } from '@mantine/core';

/** What a view says when the engine has not sent (or does not yet offer) its data. Never fake rows. */
export function EmptyState(props: {
  readonly title?: string;
  readonly children?: React.ReactNode;
}): React.JSX.Element {
  return (
    <Paper withBorder p="lg" data-testid="empty-state">
      <Text fw={600}>{props.title ?? 'No data from the engine yet'}</Text>
      {props.children === undefined ? null : (
        <Text size="sm" c="dimmed" mt={4}>
          {props.children}
        </Text>
      )}
    </Paper>
  );
}
