import { Group, Text } from '@mantine/core';
import { memo, useRef } from 'react';
import type { PublicTrade } from '../../../../shared/ipc/channels/market.ts';
import { formatClockTime } from '../../components/format.ts';
import { useBook, useMarket } from '../../stores/hooks.ts';
import { formatToTick } from './book-grouping.ts';
import { PanelPlaceholder, StaleNotice, panelStyle } from './PanelNotice.tsx';
import { monoRowStyle, rowPx, useRowsThatFit } from './useRowsThatFit.ts';

const sideText = { buy: '▲ Buy', sell: '▼ Sell' } as const;
const sideColour = { buy: 'var(--mantine-color-teal-4)', sell: 'var(--mantine-color-red-4)' } as const;

/**
 * Rows drawn at most: the panel clips what does not fit, and even a 1440-pixel-high window shows
 * fewer; the tape is redrawn up to ten times a second, so rows nobody can see are not built.
 */
export const tradesShown = 30;

const rowStyle: React.CSSProperties = {
  ...monoRowStyle,
  gridTemplateColumns: '1.25fr 0.6fr 1fr 1.15fr',
  columnGap: 4,
  // One line per trade: a wrapped "Sell" made the tape hard to read in a narrow column.
  whiteSpace: 'nowrap',
  overflow: 'hidden',
};
const right: React.CSSProperties = { textAlign: 'right' };
const dimmed: React.CSSProperties = { textAlign: 'right', color: 'var(--mantine-color-dimmed)' };

// Plain elements and memoised by trade: a trade never changes, so a push re-renders only the
// rows that are new (Mantine's Text costs a style resolution per cell, per push).
interface TradeRowProps {
  readonly trade: PublicTrade;
  readonly tickSize: string | undefined;
}

function TradeRowView(props: TradeRowProps) {
  const { trade } = props;
  const price = props.tickSize === undefined ? trade.price : formatToTick(trade.price, props.tickSize);
  const colour = { color: sideColour[trade.side] };
  return (
    <div data-testid="trade-row" data-side={trade.side} data-trade-id={trade.tradeId} style={rowStyle}>
      <span style={colour}>{price}</span>
      <span style={right}>{trade.sizeLots}</span>
      {/* The side in words and an arrow, not colour alone. */}
      <span style={{ ...right, ...colour }}>{sideText[trade.side]}</span>
      <span style={dimmed}>{formatClockTime(trade.timeMs)}</span>
    </div>
  );
}

// Each push brings the tape as new objects; a trade with the same id is the same trade.
const TradeRow = memo(
  TradeRowView,
  (before, after) => before.trade.tradeId === after.trade.tradeId && before.tickSize === after.tickSize,
);

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
  const list = useRef<HTMLDivElement>(null);
  const shown = useRowsThatFit(list, rowPx, tradesShown);
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
      <div
        ref={list}
        style={{ flex: 1, minHeight: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}
      >
        {trades.slice(0, shown).map((trade) => (
          <TradeRow key={trade.tradeId} trade={trade} tickSize={tickSize} />
        ))}
      </div>
    </div>
  );
}
