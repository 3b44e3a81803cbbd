import { Stack } from '@mantine/core';
import { SettingsForm } from '../forms/SettingsForm.tsx';

const protectionPaths = [
  'trading.protection.nakedAlertAfterS',
  'trading.protection.closeOnStopFailure',
  'trading.protection.closeAfterNakedS',
  'trading.protection.stopPlaceMaxAttempts',
  'trading.protection.emergencyCloseRetryInitialMs',
  'trading.protection.emergencyCloseRetryMaxMs',
  'trading.protection.adoptedPositionStopPct',
  'trading.protection.useStOrders',
] as const;

const trailingPaths = [
  'trading.trailing.minMoveTicks',
  'trading.trailing.minMoveIntervalMs',
  'trading.trailing.atrPeriod',
  'trading.trailing.atrTimeframeMin',
] as const;

/** Settings → Protection: how long a position may be without its exchange stop, and what then; trailing defaults. */
export function ProtectionPage(): React.JSX.Element {
  return (
    <Stack gap="xl" data-testid="settings-protection-page">
      <SettingsForm
        id="protection"
        title="Protection"
        paths={protectionPaths}
        intro="The watchdog checks every position's exchange-side stop; these say when it alerts and when it closes."
      />
      <SettingsForm id="trailing" title="Trailing defaults" paths={trailingPaths} />
    </Stack>
  );
}
