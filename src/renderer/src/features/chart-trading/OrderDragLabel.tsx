import { CloseButton, Group, Text } from '@mantine/core';
import { DragLabelBox, useClearedNotice } from './DragLabelBox.tsx';
import { orderLineTitle } from '../chart/order-lines.ts';
import { useOrderDragStore } from './order-drag.store.ts';
import type { OrderDropPreview } from './order-drop.ts';

const clearOrderDrop = (): void => {
  useOrderDragStore.setState({ lastDrop: undefined });
};

function describe(preview: OrderDropPreview): string {
  const head = `${orderLineTitle(preview)} @ ${preview.price} (was ${preview.oldPrice})`;
  if (preview.purpose !== 'entry' || preview.stopPrice === undefined) return head;
  const loss =
    preview.lossAtStopUsdt === undefined ? 'loss unknown' : `loss ${preview.lossAtStopUsdt.toFixed(2)} USDT`;
  return `${head} · stop ${preview.stopPrice} unchanged · ${loss} at the stop`;
}

/** Beside the dragged order line: side, lots, the new price and, for an entry, the loss at its stop. */
function DragPreview(): React.JSX.Element | null {
  const preview = useOrderDragStore((state) => state.preview);
  const y = useOrderDragStore((state) => state.y);
  if (preview === undefined) return null;
  return (
    <DragLabelBox y={y} testId="order-drag-label" price={preview.price} refusal={preview.refusal}>
      {describe(preview)}
    </DragLabelBox>
  );
}

const noticeText = (drop: NonNullable<ReturnType<typeof useOrderDragStore.getState>['lastDrop']>): string =>
  drop.kind === 'refused' ? `Order not moved: ${drop.message}` : drop.message;

function DropNotice(): React.JSX.Element | null {
  const drop = useOrderDragStore((state) => state.lastDrop);
  // "Cancelled, not replaced" stays until the trader dismisses it.
  useClearedNotice(drop, drop?.kind === 'not-replaced', clearOrderDrop);
  if (drop === undefined) return null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="order-drop-outcome" data-kind={drop.kind}>
      <Text size="xs" c={drop.kind === 'amended' ? 'teal' : drop.kind === 'filled' ? 'blue' : 'red'}>
        {noticeText(drop)}
      </Text>
      {drop.kind === 'not-replaced' ? (
        <CloseButton
          size="xs"
          aria-label="Dismiss"
          data-testid="order-drop-dismiss"
          onClick={clearOrderDrop}
        />
      ) : null}
    </Group>
  );
}

/** The order drag's label over the chart and the drop's outcome under it; mount inside the chart's box. */
export function OrderDragLabel(): React.JSX.Element {
  return (
    <>
      <DragPreview />
      <div style={{ position: 'absolute', bottom: 24, left: 8, zIndex: 3 }}>
        <DropNotice />
      </div>
    </>
  );
}
