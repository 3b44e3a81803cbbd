import { Group, SegmentedControl, Text } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import type { BookSnapshot } from '../../../../shared/ipc/channels/market.ts';
import { useBook, useMarket } from '../../stores/hooks.ts';
import { BookLevelRow } from './BookLevelRow.tsx';
import {
  groupLevels,
  groupingMultiples,
  groupingStep,
  spreadOf,
  type GroupedLevel,
  type GroupingMultiple,
} from './book-grouping.ts';
import { PanelPlaceholder, StaleNotice, panelStyle } from './PanelNotice.tsx';
import { rowPx, useRowsThatFit } from './useRowsThatFit.ts';

/** Props of {@link BookPanel}. */
export interface BookPanelProps {
  /**
   * Called with the clicked level's price: a decimal string on the tick grid, formatted to the
   * tick (e.g. "91234.5"); at 10× or 100× it is the bucket's price (bids rounded down, asks up).
   */
  readonly onPickPrice?: (price: string) => void;
}

interface GroupedBook {
  readonly asks: GroupedLevel[];
  readonly bids: GroupedLevel[];
  readonly spread: string | undefined;
}

/** Groups both sides at `multiple` × tick; without a known tick the levels are shown as sent. */
function groupBook(book: BookSnapshot | undefined, tickSize: string | undefined, multiple: GroupingMultiple) {
  if (book === undefined) return { asks: [], bids: [], spread: undefined } satisfies GroupedBook;
  const tick = tickSize ?? '0';
  const step = tickSize === undefined ? undefined : groupingStep(tickSize, multiple);
  const side = (levels: BookSnapshot['bids'], which: 'bid' | 'ask'): GroupedLevel[] => {
    if (step !== undefined) return groupLevels(levels, which, step, tick);
    let cumulativeLots = 0;
    return levels.map((level) => ({ ...level, cumulativeLots: (cumulativeLots += level.sizeLots) }));
  };
  return {
    asks: side(book.asks, 'ask'),
    bids: side(book.bids, 'bid'),
    spread: spreadOf(book.bids[0]?.price, book.asks[0]?.price, tickSize ?? '0'),
  } satisfies GroupedBook;
}

/**
 * Levels drawn per side at most: the panel clips the rest away from the spread and even a tall
 * window shows fewer, while the book is redrawn up to ten times a second.
 */
export const levelsShownPerSide = 25;

function shownLevels(book: GroupedBook, perSide: number): GroupedBook {
  return { ...book, asks: book.asks.slice(0, perSide), bids: book.bids.slice(0, perSide) };
}

/** The title and the grouping selector (1×, 10×, 100× the tick; off while the tick is unknown). */
function BookHeader(props: {
  readonly tickKnown: boolean;
  readonly multiple: GroupingMultiple;
  readonly onMultiple: (multiple: GroupingMultiple) => void;
}): React.JSX.Element {
  return (
    <Group justify="space-between" px="xs" py={4} wrap="nowrap" style={{ flex: '0 0 auto' }}>
      <Text size="sm" fw={600}>
        Order book
      </Text>
      <SegmentedControl
        size="xs"
        aria-label="Group prices by"
        disabled={!props.tickKnown}
        value={String(props.multiple)}
        onChange={(value) => {
          props.onMultiple(Number(value) as GroupingMultiple);
        }}
        data={groupingMultiples.map((m) => ({ value: String(m), label: `${m}×` }))}
      />
    </Group>
  );
}

/** Price, size and cumulative size headings, aligned with the rows' columns. */
function ColumnHeads(): React.JSX.Element {
  return (
    <Text
      component="div"
      size="xs"
      c="dimmed"
      px="xs"
      style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', flex: '0 0 auto' }}
    >
      <span>Price</span>
      <span style={{ textAlign: 'right' }}>Size (lots)</span>
      <span style={{ textAlign: 'right' }}>Total</span>
    </Text>
  );
}

const sideBox: React.CSSProperties = { flex: 1, minHeight: 0, overflow: 'hidden', display: 'flex' };

/**
 * The watched symbol's order book (ADR 0530): asks above, the spread, bids below, grouped at 1×,
 * 10× or 100× the contract's tick, with cumulative depth bars. Fills its parent's height; levels
 * that do not fit are clipped away from the spread. Greyed with "stale since …" while the market
 * stream is down. Reads the book store (`startBookFeed` keeps it on the chart's symbol).
 */
export function BookPanel(props: BookPanelProps): React.JSX.Element {
  const book = useBook((state) => state.book);
  const load = useBook((state) => state.load);
  const symbol = useBook((state) => state.symbol);
  const tickSize = useMarket((state) =>
    symbol === undefined ? undefined : state.contracts[symbol]?.tickSize,
  );
  const [multiple, setMultiple] = useState<GroupingMultiple>(1);
  const asksBox = useRef<HTMLDivElement>(null);
  const perSide = useRowsThatFit(asksBox, rowPx, levelsShownPerSide);
  const grouped = useMemo(
    () => shownLevels(groupBook(book, tickSize, multiple), perSide),
    [book, tickSize, multiple, perSide],
  );
  const maxCumulativeLots = Math.max(
    grouped.asks.at(-1)?.cumulativeLots ?? 0,
    grouped.bids.at(-1)?.cumulativeLots ?? 0,
  );
  const stale = book?.stale ?? false;
  const row = (side: 'bid' | 'ask') => (level: GroupedLevel) => (
    <BookLevelRow key={level.price} {...{ side, level, maxCumulativeLots }} onPickPrice={props.onPickPrice} />
  );
  return (
    <div data-testid="book-panel" data-stale={stale} style={panelStyle(stale)}>
      <BookHeader tickKnown={tickSize !== undefined} multiple={multiple} onMultiple={setMultiple} />
      <StaleNotice stale={stale} staleSinceMs={book?.staleSinceMs} testId="book-stale" />
      <PanelPlaceholder
        load={book === undefined ? load : { kind: 'ready' }}
        empty={grouped.asks.length === 0 && grouped.bids.length === 0}
        what="the order book"
        emptyText="No orders rest in the book."
      />
      <ColumnHeads />
      <div ref={asksBox} style={{ ...sideBox, flexDirection: 'column-reverse' }}>
        {grouped.asks.map(row('ask'))}
      </div>
      <Group justify="center" gap="xs" py={2} data-testid="book-spread" style={{ flex: '0 0 auto' }}>
        <Text size="xs" c="dimmed">
          Spread
        </Text>
        <Text size="xs" ff="monospace">
          {grouped.spread ?? '—'}
        </Text>
      </Group>
      <div style={{ ...sideBox, flexDirection: 'column' }}>{grouped.bids.map(row('bid'))}</div>
    </div>
  );
}
