import { Stack } from '@mantine/core';
import { SettingsForm } from '../forms/SettingsForm.tsx';

/** Paper settings main lists as editable: the starting balance and where the market comes from. */
const paperPaths = ['venue.startingBalanceUsdt', 'venue.marketData.source'] as const;

/**
 * Settings → Paper account. `reset` is the place for the "Reset paper account" action, which the
 * paper account's own folder (features/settings/paper/) provides.
 */
export function PaperSettingsPage(props: { readonly reset?: React.ReactNode }): React.JSX.Element {
  return (
    <Stack gap="xl" data-testid="settings-paper-page">
      <SettingsForm id="paper" title="Paper account" paths={paperPaths} intro="The paper venue credits the starting balance to a new paper account; both apply when Bulwark next starts." />
      <div data-testid="paper-reset-slot">{props.reset}</div>
    </Stack>
  );
}
