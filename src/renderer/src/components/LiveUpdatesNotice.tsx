import { Alert, Stack } from '@mantine/core';
import { useMarket, useTrading } from '../stores/hooks.ts';

/**
 * When the engine build does not publish trading or market events, the views still show
 * snapshots — but they will not move on their own. Say so instead of looking live.
 */
export function LiveUpdatesNotice(): React.JSX.Element | null {
  const trading = useTrading((state) => state.eventsUnavailable);
  const market = useMarket((state) => state.unavailable);
  if (trading === undefined && market === undefined) return null;
  return (
    <Stack gap={4} data-testid="live-updates-notice">
      {trading === undefined ? null : (
        <Alert color="yellow" variant="light" p="xs" title="Positions and orders are not updating live">
          {trading}
        </Alert>
      )}
      {market === undefined ? null : (
        <Alert color="yellow" variant="light" p="xs" title="Prices are not updating live">
          {market}
        </Alert>
      )}
    </Stack>
  );
}
