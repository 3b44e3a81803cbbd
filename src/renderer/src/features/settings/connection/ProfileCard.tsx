import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ProfileStatus } from '../../../../../shared/ipc/channels/secrets.ts';
import { KeyWarnings, PermissionBadges } from './VerdictNotice.tsx';

const stateColor = { absent: 'gray', present: 'yellow', verified: 'green' } as const;
const stateLabel = { absent: 'No key', present: 'Saved, not verified', verified: 'Verified' } as const;

/** One profile as the renderer may know it: state, last four characters, rights, warnings. */
export function ProfileCard(props: {
  readonly status: ProfileStatus;
  readonly title: string;
  readonly children?: React.ReactNode;
}) {
  const { status } = props;
  return (
    <Card withBorder padding="md" data-testid={`profile-${status.profile}`} data-state={status.state}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{props.title}</Text>
          <Badge color={stateColor[status.state]} data-testid={`profile-${status.profile}-state`}>
            {stateLabel[status.state]}
          </Badge>
        </Group>
        {status.state === 'absent' ? null : (
          <>
            <Text size="sm" ff="monospace" data-testid={`profile-${status.profile}-key`}>
              Key ••••{status.keyLast4} · version {status.keyVersion ?? '3'}
            </Text>
            <PermissionBadges permissions={status.permissions} />
            <Text size="xs" c="dimmed">
              IP whitelist: {status.ipWhitelist.length === 0 ? 'none' : status.ipWhitelist.join(', ')}
            </Text>
            <KeyWarnings warnings={status.warnings} />
          </>
        )}
        {props.children}
      </Stack>
    </Card>
  );
}
