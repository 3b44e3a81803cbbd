import { Text, UnstyledButton } from '@mantine/core';
import type { GroupedLevel } from './book-grouping.ts';

const barColour = {
  bid: 'var(--mantine-color-teal-9)',
  ask: 'var(--mantine-color-red-9)',
} as const;
const priceColour = { bid: 'teal.4', ask: 'red.4' } as const;

/** One grouped level: price (click picks it), size, cumulative size, and the depth bar behind them. */
export function BookLevelRow(props: {
  readonly side: 'bid' | 'ask';
  readonly level: GroupedLevel;
  /** Cumulative lots of the deepest shown level of either side: the full-width bar. */
  readonly maxCumulativeLots: number;
  readonly onPickPrice: ((price: string) => void) | undefined;
}): React.JSX.Element {
  const { side, level } = props;
  const widthPct = props.maxCumulativeLots > 0 ? (level.cumulativeLots / props.maxCumulativeLots) * 100 : 0;
  return (
    <UnstyledButton
      data-testid={side === 'bid' ? 'book-bid-row' : 'book-ask-row'}
      data-price={level.price}
      aria-label={`${side === 'bid' ? 'Bid' : 'Ask'} ${level.price}, ${level.sizeLots} lots: use this price`}
      onClick={() => props.onPickPrice?.(level.price)}
      style={{
        position: 'relative',
        display: 'grid',
        gridTemplateColumns: '1fr 1fr 1fr',
        flex: '0 0 auto',
        padding: '0 var(--mantine-spacing-xs)',
        fontFamily: 'var(--mantine-font-family-monospace)',
        fontSize: 'var(--mantine-font-size-xs)',
        lineHeight: 1.6,
      }}
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
      <Text span inherit c={priceColour[side]} style={{ position: 'relative' }}>
        {level.price}
      </Text>
      <Text span inherit ta="right" style={{ position: 'relative' }}>
        {level.sizeLots}
      </Text>
      <Text span inherit ta="right" c="dimmed" style={{ position: 'relative' }}>
        {level.cumulativeLots}
      </Text>
    </UnstyledButton>
  );
}
