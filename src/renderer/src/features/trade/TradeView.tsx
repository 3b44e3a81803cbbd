import { Grid } from '@mantine/core';
import { useMemo } from 'react';
import { useMarket } from '../../stores/hooks.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { VerdictStrip } from '../analysis/VerdictStrip.tsx';
import { ChartPanel } from '../chart/ChartPanel.tsx';
import { OrderTicket } from '../ticket/OrderTicket.tsx';
import { contractRules } from '../ticket/contract-rules.ts';
import type { TicketContext } from '../ticket/ticket.types.ts';

/** Chart on the left, order ticket on the right. */
export function TradeView(): React.JSX.Element {
  const symbol = useSettingsStore((state) => state.symbol);
  const referencePrice = useMarket((state) => state.lastPrice[symbol]);
  const contract = useMarket((state) => state.contracts[symbol]);
  const context = useMemo<TicketContext>(
    () => ({ contract: contractRules(contract), referencePrice }),
    [contract, referencePrice],
  );
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <ChartPanel />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <VerdictStrip symbol={symbol} />
        <OrderTicket context={context} />
      </Grid.Col>
    </Grid>
  );
}
