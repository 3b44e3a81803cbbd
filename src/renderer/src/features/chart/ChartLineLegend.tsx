import { Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { formatPrice } from '../../components/price.ts';
import { useMarket, useTrading } from '../../stores/hooks.ts';
import { priceLineKinds } from './price-lines.ts';
import { positionLineStyles } from './chart-setup.ts';
import { positionLinePrices } from './position-lines.ts';

/**
 * The chart's position lines in words, from the same store and the same function the canvas
 * uses (chart-feed.ts): the trader can read the exact trail level, and tests can see that the
 * trailing line is drawn without reading pixels (ADR 0510). Prices read at the contract's tick.
 */
export function ChartLineLegend(props: { readonly symbol: string }): React.JSX.Element | null {
  const position = useTrading((state) => state.positions[props.symbol]);
  const trailing = useTrading((state) => state.trailing[props.symbol]);
  const tick = useMarket((state) => state.contracts[props.symbol]?.tickSize);
  const prices = useMemo(() => positionLinePrices(position, trailing?.stopPrice), [position, trailing]);
  const kinds = priceLineKinds.filter((kind) => prices[kind] !== undefined);
  if (kinds.length === 0) return null;
  return (
    <Group gap="md" data-testid="chart-lines">
      {kinds.map((kind) => (
        <Text
          key={kind}
          size="xs"
          ff="monospace"
          c={positionLineStyles[kind].color}
          data-testid={`chart-line-${kind}`}
        >
          {positionLineStyles[kind].title}{' '}
          {formatPrice(kind === 'trailing' ? trailing?.stopPrice : prices[kind], tick)}
          {kind === 'trailing' && trailing?.activated === false ? ' (waiting for activation)' : ''}
        </Text>
      ))}
    </Group>
  );
}
