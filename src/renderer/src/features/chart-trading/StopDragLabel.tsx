import { Text } from '@mantine/core';
import { DragLabelBox, useClearedNotice } from './DragLabelBox.tsx';
import { useStopDragStore } from './drag.store.ts';

const clearStopDrop = (): void => {
  useStopDragStore.setState({ lastDrop: undefined });
};

function formatLoss(loss: number | undefined): string {
  if (loss === undefined) return 'loss unknown';
  return loss >= 0 ? `loss ${loss.toFixed(2)} USDT` : `locks in ${(-loss).toFixed(2)} USDT`;
}

/** Beside the dragged stop line: its price, the loss at it and the distance to liquidation, or why it cannot go there. */
function DragPreview(): React.JSX.Element | null {
  const preview = useStopDragStore((state) => state.preview);
  const y = useStopDragStore((state) => state.y);
  if (preview === undefined) return null;
  return (
    <DragLabelBox y={y} testId="stop-drag-label" price={preview.stopPrice} refusal={preview.refusal}>
      Stop {preview.stopPrice} · {formatLoss(preview.lossAtStopUsdt)}
      {preview.stopToLiquidationPct === undefined
        ? ''
        : ` · ${preview.stopToLiquidationPct.toFixed(2)} % to liquidation`}
    </DragLabelBox>
  );
}

function DropNotice(): React.JSX.Element | null {
  const drop = useStopDragStore((state) => state.lastDrop);
  useClearedNotice(drop, false, clearStopDrop);
  if (drop === undefined) return null;
  return (
    <Text
      size="xs"
      c={drop.kind === 'moved' ? 'teal' : 'red'}
      data-testid="stop-drop-outcome"
      data-kind={drop.kind}
    >
      {drop.kind === 'moved'
        ? `Stop moved to ${drop.stopPrice} at the exchange.`
        : `Stop not moved: ${drop.message}`}
    </Text>
  );
}

/** The drag's label over the chart and the drop's outcome under it; mount inside the chart's box. */
export function StopDragLabel(): React.JSX.Element {
  return (
    <>
      <DragPreview />
      <div style={{ position: 'absolute', bottom: 4, left: 8, zIndex: 3 }}>
        <DropNotice />
      </div>
    </>
  );
}
