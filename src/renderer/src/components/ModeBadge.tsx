import { Badge, Tooltip } from '@mantine/core';
import { useConnection } from '../stores/hooks.ts';
import { tradingColors } from '../theme/theme.ts';

/**
 * PAPER / LIVE, always visible in the header so a trader never confuses the paper venue with
 * real money. Until `app:get-status` answers, it says so instead of guessing.
 */
export function ModeBadge(): React.JSX.Element {
  const mode = useConnection((state) => state.mode);
  const statusError = useConnection((state) => state.statusError);
  if (mode === undefined) {
    return (
      <Tooltip label={statusError ?? 'Waiting for the engine to report its mode'}>
        <Badge data-testid="mode-badge" data-mode="unknown" color="gray" variant="outline" size="lg">
          MODE ?
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge data-testid="mode-badge" data-mode={mode} color={tradingColors[mode]} variant="filled" size="lg">
      {mode === 'live' ? 'LIVE' : 'PAPER'}
    </Badge>
  );
}
