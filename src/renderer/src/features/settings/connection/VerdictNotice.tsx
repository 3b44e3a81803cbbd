import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import type { KeyVerdict } from '../../../../../shared/ipc/channels/secrets.ts';

/** Warnings about a key; fund-moving rights are shown as a red alert, others in yellow. */
export function KeyWarnings(props: { readonly warnings: readonly string[] }): React.JSX.Element | null {
  if (props.warnings.length === 0) return null;
  return (
    <Stack gap={4}>
      {props.warnings.map((warning) => (
        <Alert
          key={warning}
          color={warning.startsWith('WARNING') ? 'red' : 'yellow'}
          variant="light"
          data-testid="key-warning"
        >
          <Text size="sm">{warning}</Text>
        </Alert>
      ))}
    </Stack>
  );
}

/** The permissions a key has, as badges. */
export function PermissionBadges(props: { readonly permissions: readonly string[] }): React.JSX.Element {
  return (
    <Group gap={4} data-testid="key-permissions">
      {props.permissions.map((p) => (
        <Badge key={p} variant="outline" size="sm">
          {p}
        </Badge>
      ))}
    </Group>
  );
}

/** What verification said: accepted with rights and warnings, or which part is wrong. */
export function VerdictNotice(props: { readonly verdict: KeyVerdict }): React.JSX.Element {
  const { verdict } = props;
  if (!verdict.accepted) {
    return (
      <Alert
        color="red"
        variant="light"
        title={`Key …${verdict.keyLast4} refused`}
        data-testid="verdict-refused"
        data-reason={verdict.reason}
      >
        <Text size="sm">{verdict.message}</Text>
        {verdict.exchangeCode === undefined ? null : (
          <Text size="xs" c="dimmed">
            KuCoin code {verdict.exchangeCode}
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid="verdict-accepted">
      <Alert color="green" variant="light" title={`Key …${verdict.keyLast4} works`}>
        <PermissionBadges permissions={verdict.permissions} />
        <Text size="xs" c="dimmed">
          IP whitelist: {verdict.ipWhitelist.length === 0 ? 'none' : verdict.ipWhitelist.join(', ')}
        </Text>
      </Alert>
      <KeyWarnings warnings={verdict.warnings} />
    </Stack>
  );
}
