import { Badge, Tooltip } from '@mantine/core';
import { useConnection } from '../stores/hooks.ts';
import { tradingColors } from '../theme/theme.ts';
import { modeBadgeLabel } from './mode-badge-label.ts';

/**
 * PAPER / LIVE, always visible in the header so a trader never confuses the paper venue with
 * real money; in paper mode it also says whether the venue runs on live KuCoin data or on the
 * simulated market (and why). Until `app:get-status` answers, it says so instead of guessing.
 */
export function ModeBadge(): React.JSX.Element {
  const mode = useConnection((state) => state.mode);
  const statusError = useConnection((state) => state.statusError);
  const marketData = useConnection((state) => state.marketData);
  if (mode === undefined) {
    return (
      <Tooltip label={statusError ?? 'Waiting for the engine to report its mode'}>
        <Badge data-testid="mode-badge" data-mode="unknown" color="gray" variant="outline" size="lg">
          MODE ?
        </Badge>
      </Tooltip>
    );
  }
  const label = modeBadgeLabel(mode, marketData);
  return (
    <Tooltip label={label}>
      <Badge
        data-testid="mode-badge"
        data-mode={mode}
        data-market-data={marketData?.source ?? ''}
        data-stale={marketData !== undefined && marketData.stale !== ''}
        color={tradingColors[mode]}
        variant="filled"
        size="md"
        maw={340}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
