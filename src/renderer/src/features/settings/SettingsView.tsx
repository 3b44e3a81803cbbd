import { Stack } from '@mantine/core';
// The credentials developer owns connection/ and exports ConnectionPage; import from its
// index.ts once that file exists (it does not yet — ConnectionPage.tsx is the component itself).
import { ConnectionPage } from './connection/ConnectionPage.tsx';

/** Settings: the exchange connection (KuCoin key entry, verification, rotation). */
export function SettingsView(): React.JSX.Element {
  return (
    <Stack>
      <ConnectionPage />
    </Stack>
  );
}
