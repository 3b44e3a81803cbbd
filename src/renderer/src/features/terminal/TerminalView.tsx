import { Box, ScrollArea, Stack } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { useMarket, useMarketSampled } from '../../stores/hooks.ts';
import type { MarketState } from '../../stores/market.store.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { VerdictStrip } from '../analysis/VerdictStrip.tsx';
import { useTicketStore } from '../../stores/ticket.store.ts';
import { BookPanel, TradesPanel } from '../book/index.ts';
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

/** How often the ticket's reference price follows the last price. */
const ticketReferenceEveryMs = 1_000;

/** The ticket column: the multi-timeframe verdict above the ticket, scrolling inside its pane only. */
function TicketColumn(): React.JSX.Element {
  const symbol = useSettingsStore((state) => state.symbol);
  // The ticket checks the stop's side and sizes USDT against it; main prices the preview itself,
  // so a reference a second old is enough, and the ticket need not re-render on every tick.
  const lastPriceOf = useCallback((state: MarketState) => state.lastPrice[symbol], [symbol]);
  const referencePrice = useMarketSampled(lastPriceOf, ticketReferenceEveryMs);
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

const pickLimitPrice = (price: string): void => {
  useTicketStore.getState().setLimitPrice(price);
};

/** The book over the tape, beside the chart; a click on a book price sets the ticket's limit price. */
function BookColumn(): React.JSX.Element {
  const split = useDefaultLayout({ id: 'bulwark-terminal-book', storage: localStorage });
  return (
    <Group
      id="bulwark-terminal-book"
      orientation="vertical"
      defaultLayout={split.defaultLayout}
      onLayoutChanged={split.onLayoutChanged}
      style={fill}
    >
      <Panel id="book" defaultSize="62" minSize="25">
        <Box style={fill} className="bulwark-pane">
          <BookPanel onPickPrice={pickLimitPrice} />
        </Box>
      </Panel>
      <Handle id="book-trades" />
      <Panel id="trades" defaultSize="38" minSize="15">
        <Box style={fill} className="bulwark-pane">
          <TradesPanel />
        </Box>
      </Panel>
    </Group>
  );
}

/** The chart with the book beside it. */
function ChartRow(): React.JSX.Element {
  const split = useDefaultLayout({ id: 'bulwark-terminal-chart-book', storage: localStorage });
  return (
    <Group
      id="bulwark-terminal-chart-book"
      orientation="horizontal"
      defaultLayout={split.defaultLayout}
      onLayoutChanged={split.onLayoutChanged}
      style={fill}
    >
      <Panel id="chart" minSize="40">
        <Box style={fill}>
          <ChartPanel />
        </Box>
      </Panel>
      <Handle id="chart-book" />
      <Panel id="book-column" defaultSize={250} minSize={200} maxSize="40">
        <BookColumn />
      </Panel>
    </Group>
  );
}

/** Chart and book above, the dock below; the split is the trader's and is kept between sessions. */
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
      <Panel id="chart-row" defaultSize="62" minSize="25">
        <ChartRow />
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
 * The one-screen terminal (ADR 0520): the market strip over the chart and the order book with
 * the tape, the dock of positions, orders, fills and alerts below them, and the ticket beside. Every split
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
