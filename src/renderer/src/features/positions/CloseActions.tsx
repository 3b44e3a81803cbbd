import { Group } from '@mantine/core';
import { call } from '../../bridge/index.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import type { Position } from '../../../../shared/domain/position.ts';

/** Half the position in whole lots, rounded down; 0 when a single lot cannot be halved. */
export function halfOf(sizeLots: number): number {
  return Math.floor(sizeLots / 2);
}

/**
 * Close at market, all of it or half: both ask first and send a reduce-only market order. Half
 * keeps the rest open under its exchange stop.
 */
export function CloseActions(props: { readonly position: Position }): React.JSX.Element {
  const p = props.position;
  const half = halfOf(p.sizeLots);
  return (
    <Group gap={4} wrap="nowrap">
      <ConfirmAction
        label="Close"
        title={`Close ${p.symbol}?`}
        confirmLabel="Close at market"
        testId={`close-position-${p.symbol}`}
        body={`Sends a reduce-only market order for ${p.sizeLots} lots and cancels its stops once flat.`}
        onConfirm={() => call('trading:close-position', { symbol: p.symbol })}
      />
      <ConfirmAction
        label="50 %"
        variant="light"
        title={`Close half of ${p.symbol}?`}
        confirmLabel={`Close ${half} lots at market`}
        testId={`close-half-${p.symbol}`}
        disabled={half === 0}
        body={
          half === 0
            ? 'A single lot cannot be halved: close the whole position instead.'
            : `Sends a reduce-only market order for ${half} of ${p.sizeLots} lots. The other ${p.sizeLots - half} stay open under their exchange stop.`
        }
        onConfirm={() => call('trading:close-position', { symbol: p.symbol, sizeLots: half })}
      />
    </Group>
  );
}
