import { Stack } from '@mantine/core';
// The credentials developer owns connection/; index.ts is its public entry.
import { ConnectionPage } from './connection/index.ts';

/** Settings: the exchange connection (KuCoin key entry, verification, rotation). */
export function SettingsView(): React.JSX.Element {
  return (
    <Stack>
      <ConnectionPage />
    </Stack>
  );
}
