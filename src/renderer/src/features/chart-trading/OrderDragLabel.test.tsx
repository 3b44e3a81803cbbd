import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { byTestId, hasTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { useOrderDragStore } from './order-drag.store.ts';
import { orderDropPreview } from './order-drop.ts';
import { OrderDragLabel } from './OrderDragLabel.tsx';

const entry = {
  clientOid: 'bw-old',
  side: 'buy',
  purpose: 'entry',
  lots: 2,
  price: 88_000,
  priceText: '88000',
  stopPrice: '86000',
} as const;

let rendered: Rendered | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  useOrderDragStore.setState({ preview: undefined, y: 0, lastDrop: undefined });
  vi.useRealTimers();
});

describe('the order drag label', () => {
  it('shows side, lots, the new price and the loss at the unchanged stop while dragging', () => {
    useOrderDragStore.setState({ preview: orderDropPreview(entry, '88500.0', '0.001'), y: 100 });
    rendered = render(<OrderDragLabel />);
    expect(byTestId('order-drag-label').textContent).toBe(
      'Buy 2 @ 88500.0 (was 88000) · stop 86000 unchanged · loss 5.00 USDT at the stop',
    );
  });

  it('keeps "cancelled, not replaced" on screen until it is dismissed; other outcomes fade', () => {
    rendered = render(<OrderDragLabel />);
    act(() => {
      useOrderDragStore.setState({
        lastDrop: { kind: 'amended', price: '88500.0', message: 'Order moved', at: 1 },
      });
    });
    act(() => {
      vi.advanceTimersByTime(7_000);
    });
    expect(hasTestId('order-drop-outcome')).toBe(false);
    act(() => {
      useOrderDragStore.setState({
        lastDrop: { kind: 'not-replaced', message: 'Cancelled, not replaced: margin', at: 2 },
      });
    });
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(byTestId('order-drop-outcome').dataset.kind).toBe('not-replaced');
    act(() => {
      byTestId('order-drop-dismiss').click();
    });
    expect(hasTestId('order-drop-outcome')).toBe(false);
  });
});
