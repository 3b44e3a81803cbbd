import { Group, Text } from '@mantine/core';
import type { PublicTrade } from '../../../../shared/ipc/channels/market.ts';
import { formatClockTime } from '../../components/format.ts';
import { useBook, useMarket } from '../../stores/hooks.ts';
import { formatToTick } from './book-grouping.ts';
import { PanelPlaceholder, StaleNotice, panelStyle } from './PanelNotice.tsx';

const sideText = { buy: '▲ Buy', sell: '▼ Sell' } as const;
const sideColour = { buy: 'teal.4', sell: 'red.4' } as const;

const rowStyle: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '1.2fr 1fr 0.8fr 1fr',
  flex: '0 0 auto',
  padding: '0 var(--mantine-spacing-xs)',
  fontFamily: 'var(--mantine-font-family-monospace)',
  fontSize: 'var(--mantine-font-size-xs)',
  lineHeight: 1.6,
};

function TradeRow(props: { readonly trade: PublicTrade; readonly tickSize: string | undefined }) {
  const { trade } = props;
  const price = props.tickSize === undefined ? trade.price : formatToTick(trade.price, props.tickSize);
  return (
    <div data-testid="trade-row" data-side={trade.side} data-trade-id={trade.tradeId} style={rowStyle}>
      <Text span inherit c={sideColour[trade.side]}>
        {price}
      </Text>
      <Text span inherit ta="right">
        {trade.sizeLots}
      </Text>
      {/* The side in words and an arrow, not colour alone. */}
      <Text span inherit ta="right" c={sideColour[trade.side]}>
        {sideText[trade.side]}
      </Text>
      <Text span inherit ta="right" c="dimmed">
        {formatClockTime(trade.timeMs)}
      </Text>
    </div>
  );
}

/**
 * The watched symbol's recent trades, newest first (ADR 0530): price to the tick, size in lots,
 * the taker's side as "▲ Buy" / "▼ Sell" (green / red) and the time. Fills its parent's height;
 * older trades that do not fit are clipped. Greyed with "stale since …" while the market stream
 * is down. Takes no props: it reads the book store.
 */
export function TradesPanel(): React.JSX.Element {
  const trades = useBook((state) => state.trades);
  const load = useBook((state) => state.load);
  const book = useBook((state) => state.book);
  const symbol = useBook((state) => state.symbol);
  const tickSize = useMarket((state) =>
    symbol === undefined ? undefined : state.contracts[symbol]?.tickSize,
  );
  const stale = book?.stale ?? false;
  return (
    <div data-testid="trades-panel" data-stale={stale} style={panelStyle(stale)}>
      <Group px="xs" py={4} style={{ flex: '0 0 auto' }}>
        <Text size="sm" fw={600}>
          Recent trades
        </Text>
      </Group>
      <StaleNotice stale={stale} staleSinceMs={book?.staleSinceMs} testId="trades-stale" />
      <PanelPlaceholder
        load={load}
        empty={trades.length === 0}
        what="recent trades"
        emptyText="No trades since the book was opened."
      />
      <div style={{ flex: 1, minHeight: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>
        {trades.map((trade) => (
          <TradeRow key={trade.tradeId} trade={trade} tickSize={tickSize} />
        ))}
      </div>
    </div>
  );
}
