import type { Bar } from '../../stores/market.store.ts';
import { legendFields, type LegendFields } from './legend-format.ts';

/** The crosshair legend: the hovered bar's O H L C V, or the newest bar's when nothing is hovered. */
export interface OhlcvLegend {
  /** The newest bar changed (a tick, or the history was set). */
  setLast(bar: Bar | undefined): void;
  /** The crosshair is on `bar`, or off the bars (undefined). */
  hover(bar: Bar | undefined): void;
  /** Decimals of a price (the contract's tick), once the contract is known. */
  setPricePrecision(precision: number | undefined): void;
}

const fields = [
  ['O', 'open'],
  ['H', 'high'],
  ['L', 'low'],
  ['C', 'close'],
  ['V', 'volume'],
] as const satisfies readonly (readonly [string, keyof LegendFields])[];

/**
 * Writes the legend straight into `element`'s text nodes: it changes with every tick of the last
 * bar and every mouse move, and going through React state would re-render per tick (the chart's
 * updates stay outside React, see useCandleChart.ts). The spans are built once; only their text
 * and the values' colour change.
 */
export function createOhlcvLegend(
  element: HTMLElement,
  colors: { readonly up: string; readonly down: string },
): OhlcvLegend {
  const values = new Map<keyof LegendFields, HTMLElement>();
  element.replaceChildren();
  element.style.whiteSpace = 'pre';
  for (const [index, [label, field]] of fields.entries()) {
    const name = document.createElement('span');
    name.textContent = `${index === 0 ? '' : '  '}${label} `;
    name.style.opacity = '0.6';
    const value = document.createElement('span');
    value.dataset.field = field;
    values.set(field, value);
    element.append(name, value);
  }
  let last: Bar | undefined;
  let hovered: Bar | undefined;
  let precision: number | undefined;
  const render = (): void => {
    const bar = hovered ?? last;
    element.style.visibility = bar === undefined ? 'hidden' : 'visible';
    if (bar === undefined) return;
    const text = legendFields(bar, precision);
    for (const [field, span] of values) {
      span.textContent = text[field];
      span.style.color = field === 'volume' ? '' : colors[text.direction];
    }
    element.dataset.direction = text.direction;
    element.dataset.hovered = String(hovered !== undefined);
  };
  render();
  return {
    setLast: (bar) => {
      last = bar;
      if (hovered === undefined) render();
    },
    hover: (bar) => {
      hovered = bar;
      render();
    },
    setPricePrecision: (next) => {
      precision = next;
      render();
    },
  };
}
