import { memo } from 'react';
import type { GroupedLevel } from './book-grouping.ts';
import { monoRowStyle } from './useRowsThatFit.ts';

const barColour = {
  bid: 'var(--mantine-color-teal-9)',
  ask: 'var(--mantine-color-red-9)',
} as const;
const priceColour = { bid: 'var(--mantine-color-teal-4)', ask: 'var(--mantine-color-red-4)' } as const;

const rowStyle: React.CSSProperties = {
  ...monoRowStyle,
  position: 'relative',
  gridTemplateColumns: '1fr 1fr 1fr',
  width: '100%',
  border: 0,
  background: 'transparent',
  color: 'inherit',
  cursor: 'pointer',
  textAlign: 'left',
};
const cell: React.CSSProperties = { position: 'relative' };
const right: React.CSSProperties = { position: 'relative', textAlign: 'right' };
const dimmed: React.CSSProperties = { ...right, color: 'var(--mantine-color-dimmed)' };

interface BookLevelRowProps {
  readonly side: 'bid' | 'ask';
  readonly level: GroupedLevel;
  /** Cumulative lots of the deepest shown level of either side: the full-width bar. */
  readonly maxCumulativeLots: number;
  readonly onPickPrice: ((price: string) => void) | undefined;
}

function BookLevelRowView(props: BookLevelRowProps): React.JSX.Element {
  const { side, level } = props;
  const widthPct = props.maxCumulativeLots > 0 ? (level.cumulativeLots / props.maxCumulativeLots) * 100 : 0;
  return (
    <button
      type="button"
      className="bulwark-book-row"
      data-testid={side === 'bid' ? 'book-bid-row' : 'book-ask-row'}
      data-price={level.price}
      // The visible text first (WCAG 2.5.3, label in name), then what a press does.
      aria-label={`${level.price} ${level.sizeLots} ${level.cumulativeLots}: ${side === 'bid' ? 'bid' : 'ask'}, use this price in the ticket`}
      onClick={() => props.onPickPrice?.(level.price)}
      style={rowStyle}
    >
      <span
        aria-hidden
        style={{
          position: 'absolute',
          top: 0,
          bottom: 0,
          right: 0,
          width: `${widthPct.toFixed(1)}%`,
          background: barColour[side],
          opacity: 0.35,
          pointerEvents: 'none',
        }}
      />
      {/* Spaces between the cells (not laid out in a grid) so the visible text reads as the name says. */}
      <span style={{ ...cell, color: priceColour[side] }}>{level.price}</span>{' '}
      <span style={right}>{level.sizeLots}</span> <span style={dimmed}>{level.cumulativeLots}</span>
    </button>
  );
}

/**
 * One grouped level: price (click picks it), size, cumulative size, and the depth bar behind them.
 * Plain elements, and re-rendered only when what it shows changed: a push brings new level
 * objects for the whole book, most of them with the same numbers.
 */
export const BookLevelRow = memo(
  BookLevelRowView,
  (before, after) =>
    before.side === after.side &&
    before.onPickPrice === after.onPickPrice &&
    before.maxCumulativeLots === after.maxCumulativeLots &&
    before.level.price === after.level.price &&
    before.level.sizeLots === after.level.sizeLots &&
    before.level.cumulativeLots === after.level.cumulativeLots,
);
