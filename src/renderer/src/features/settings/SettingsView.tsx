import { Paper, Stack, Text, Title } from '@mantine/core';

/**
 * Settings. The "Exchange connection" section will host the credentials developer's
 * `ConnectionPage` (src/renderer/src/features/settings/connection/) as soon as it lands.
 */
export function SettingsView(): React.JSX.Element {
  return (
    <Stack>
      <Paper withBorder p="md" data-testid="settings-connection-placeholder">
        <Title order={4}>Exchange connection</Title>
        <Text size="sm" c="dimmed" mt={4}>
          Coming in this build: adding, verifying and rotating your KuCoin API key (kept in the OS keychain,
          never shown again), with the permissions the key has. The connection page is not wired in yet.
        </Text>
      </Paper>
    </Stack>
  );
}
