import { Stack } from '@mantine/core';
import { SettingsForm } from '../forms/SettingsForm.tsx';
import { ResetPaperAccount } from '../paper/ResetPaperAccount.tsx';

/** Paper settings main lists as editable: the starting balance and where the market comes from. */
const paperPaths = ['venue.startingBalanceUsdt', 'venue.marketData.source'] as const;

/** Settings → Paper account: its settings, and "Reset paper account" (features/settings/paper/). */
export function PaperSettingsPage(): React.JSX.Element {
  return (
    <Stack gap="xl" data-testid="settings-paper-page">
      <SettingsForm
        id="paper"
        title="Paper account"
        paths={paperPaths}
        intro="The paper venue credits the starting balance to a new paper account; both apply when Bulwark next starts."
      />
      <div data-testid="paper-reset-slot">
        <ResetPaperAccount />
      </div>
    </Stack>
  );
}
