import { Stack } from '@mantine/core';
import { SettingsForm } from '../forms/SettingsForm.tsx';
import { PerContractLimits } from './PerContractLimits.tsx';

const riskPaths = [
  'trading.risk.maxRiskPerTradePct',
  'trading.risk.userMaxLeverage',
  'trading.risk.contractLimits.maxPositionLots',
  'trading.risk.contractLimits.maxPositionNotionalUsdt',
  'trading.risk.maxAccountExposureUsdt',
  'trading.risk.priceBandPct',
  'trading.risk.stopLiquidationBufferPct',
  'trading.risk.maxOrdersPerMinute',
] as const;

const statePaths = ['trading.state.dailyLossLimitUsdt', 'trading.state.maxConsecutiveStopOuts'] as const;

/** Settings → Risk: the limits every order is checked against (the next check uses a saved value). */
export function RiskPage(): React.JSX.Element {
  return (
    <Stack gap="xl" data-testid="settings-risk-page">
      <SettingsForm
        id="risk"
        title="Risk limits"
        paths={riskPaths}
        intro="Every new order and every risk preview is checked against these; a saved limit governs the next check."
      />
      <PerContractLimits />
      <SettingsForm
        id="loss"
        title="Loss limits"
        paths={statePaths}
        intro="Reaching either moves trading to REDUCING: only orders that reduce a position are accepted."
      />
    </Stack>
  );
}
