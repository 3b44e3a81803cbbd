import { describe, expect, it } from 'vitest';
import { bindLineDrag, createLineDrag, type LineDragDeps } from './line-drag-controller.ts';

/** 2 px per price unit around 100 at y = 200 (a stand-in for the series' scale). */
function harness(lines = [{ id: 'stop', price: 95 }]) {
  const events: string[] = [];
  const deps: LineDragDeps = {
    draggable: () => lines,
    toY: (price) => 200 - (price - 100) * 2,
    toPrice: (y) => 100 - (y - 200) / 2,
    onMove: (id, price) => events.push(`move ${id} ${price}`),
    onDrop: (id, price) => events.push(`drop ${id} ${price}`),
    onCancel: (id) => events.push(`cancel ${id}`),
    setPanning: (enabled) => events.push(`panning ${enabled}`),
  };
  return { drag: createLineDrag(deps), events };
}

describe('dragging a price line', () => {
  it('grabs the stop near its y, follows the pointer and drops at the last price', () => {
    const { drag, events } = harness(); // the stop at 95 is drawn at y = 210
    expect(drag.move(212)).toBe('grab');
    expect(drag.down(213)).toBe(true);
    expect(drag.move(220)).toBe('dragging');
    drag.up(230);
    expect(events).toEqual(['panning false', 'move stop 90', 'move stop 85', 'panning true', 'drop stop 85']);
    expect(drag.dragging()).toBeUndefined();
  });

  it('a press away from every line leaves the chart to pan', () => {
    const { drag, events } = harness();
    expect(drag.move(150)).toBe('none');
    expect(drag.down(150)).toBe(false);
    drag.up(160);
    expect(events).toEqual([]);
  });

  it('a click on the line without moving sends nothing', () => {
    const { drag, events } = harness();
    drag.down(210);
    drag.up(210);
    expect(events).toEqual(['panning false', 'panning true', 'cancel stop']);
  });

  it('Escape abandons the drag and gives panning back', () => {
    const { drag, events } = harness();
    drag.down(210);
    drag.move(240);
    drag.cancel();
    drag.up(250);
    expect(events).toEqual(['panning false', 'move stop 80', 'panning true', 'cancel stop']);
  });
});

describe('binding to the container', () => {
  it('takes the press from the chart (default prevented) only when it grabs a line', () => {
    const { drag, events } = harness();
    const container = document.createElement('div');
    document.body.append(container);
    const unbind = bindLineDrag(container, drag);
    const press = (clientY: number, altKey = false): PointerEvent => {
      const event = new PointerEvent('pointerdown', { clientY, button: 0, altKey, bubbles: true, cancelable: true });
      container.dispatchEvent(event);
      return event;
    };
    expect(press(100).defaultPrevented).toBe(false);
    expect(press(210, true).defaultPrevented).toBe(false); // Alt+click is the ticket's price pick
    expect(press(210).defaultPrevented).toBe(true);
    container.dispatchEvent(new PointerEvent('pointermove', { clientY: 220, bubbles: true }));
    container.dispatchEvent(new PointerEvent('pointerup', { clientY: 220, bubbles: true }));
    expect(events).toEqual(['panning false', 'move stop 90', 'move stop 90', 'panning true', 'drop stop 90']);
    unbind();
  });
});
