import { Box, ScrollArea, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { useMarket } from '../../stores/hooks.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { VerdictStrip } from '../analysis/VerdictStrip.tsx';
import { ChartPanel } from '../chart/ChartPanel.tsx';
import { OrderTicket } from '../ticket/OrderTicket.tsx';
import { contractRules } from '../ticket/contract-rules.ts';
import type { TicketContext } from '../ticket/ticket.types.ts';
import { BottomDock } from './BottomDock.tsx';
import { MarketStrip } from './MarketStrip.tsx';

const fill = { height: '100%', minHeight: 0, minWidth: 0 } as const;

/** A drag handle between panes; a thin rule that thickens under the pointer (see theme/terminal.css). */
function Handle(props: { readonly id: string }): React.JSX.Element {
  return <Separator id={props.id} className="bulwark-split-handle" />;
}

/** The ticket column: the multi-timeframe verdict above the ticket, scrolling inside its pane only. */
function TicketColumn(): React.JSX.Element {
  const symbol = useSettingsStore((state) => state.symbol);
  const referencePrice = useMarket((state) => state.lastPrice[symbol]);
  const contract = useMarket((state) => state.contracts[symbol]);
  const context = useMemo<TicketContext>(
    () => ({ contract: contractRules(contract), referencePrice }),
    [contract, referencePrice],
  );
  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars data-testid="ticket-column">
      <VerdictStrip symbol={symbol} />
      <OrderTicket context={context} />
    </ScrollArea>
  );
}

/** Chart above, the dock below; the split is the trader's and is kept between sessions. */
function MarketColumn(): React.JSX.Element {
  const rows = useDefaultLayout({ id: 'bulwark-terminal-rows', storage: localStorage });
  return (
    <Group
      id="bulwark-terminal-rows"
      orientation="vertical"
      defaultLayout={rows.defaultLayout}
      onLayoutChanged={rows.onLayoutChanged}
      style={fill}
    >
      <Panel id="chart" defaultSize="62" minSize="25">
        <Box style={fill}>
          <ChartPanel />
        </Box>
      </Panel>
      <Handle id="chart-dock" />
      <Panel id="dock" defaultSize="38" minSize={140}>
        <Box style={fill} className="bulwark-pane">
          <BottomDock />
        </Box>
      </Panel>
    </Group>
  );
}

/**
 * The one-screen terminal (ADR 0520): the market strip over the chart with the dock of
 * positions, orders, fills and alerts below it, and the ticket beside them. Every split
 * resizes, and the layout is saved in localStorage so it opens as the trader left it.
 */
export function TerminalView(): React.JSX.Element {
  const columns = useDefaultLayout({ id: 'bulwark-terminal-columns', storage: localStorage });
  return (
    <Stack gap={4} style={fill} data-testid="terminal">
      <MarketStrip />
      <Box style={{ flex: 1, minHeight: 0 }}>
        <Group
          id="bulwark-terminal-columns"
          orientation="horizontal"
          defaultLayout={columns.defaultLayout}
          onLayoutChanged={columns.onLayoutChanged}
          style={fill}
        >
          <Panel id="market" minSize="45">
            <MarketColumn />
          </Panel>
          <Handle id="market-ticket" />
          <Panel id="ticket" defaultSize={390} minSize={320} maxSize="45">
            <Box style={fill} className="bulwark-pane">
              <TicketColumn />
            </Box>
          </Panel>
        </Group>
      </Box>
    </Stack>
  );
}
