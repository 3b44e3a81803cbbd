import {
  LineStyle,
  type CreatePriceLineOptions,
  type IPriceLine,
  type PriceLineOptions,
} from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import { createPriceLineManager, type PriceLineHost, type PriceLineStyles } from './price-lines.ts';

/** A series stand-in that records what the manager asks of it (the real one needs a canvas). */
function fakeSeries() {
  const created: { options: CreatePriceLineOptions; applied: Partial<PriceLineOptions>[] }[] = [];
  const host: PriceLineHost = {
    createPriceLine: (options) => {
      const record = { options, applied: [] as Partial<PriceLineOptions>[] };
      created.push(record);
      const line: IPriceLine = {
        applyOptions: (patch) => record.applied.push(patch),
        options: () => Object.assign({}, options, ...record.applied) as PriceLineOptions,
      };
      return line;
    },
  };
  return { host, created };
}

const styles: PriceLineStyles = {
  entry: { color: 'blue', title: 'Entry', lineStyle: LineStyle.Solid },
  stop: { color: 'red', title: 'Stop', lineStyle: LineStyle.Dashed },
  trailing: { color: 'yellow', title: 'Trailing', lineStyle: LineStyle.Dashed },
  'take-profit': { color: 'green', title: 'Take-profit', lineStyle: LineStyle.Dashed },
  liquidation: { color: 'pink', title: 'Liq', lineStyle: LineStyle.Dotted },
};

describe('price line manager', () => {
  it('creates each line once and moves it with applyOptions afterwards', () => {
    const { host, created } = fakeSeries();
    const lines = createPriceLineManager(host, styles);
    lines.set('stop', 89_000);
    lines.set('stop', 89_100);
    lines.set('stop', 89_200);
    expect(created).toHaveLength(1);
    expect(created[0]?.options).toMatchObject({ price: 89_000, title: 'Stop', color: 'red' });
    expect(created[0]?.applied.map((patch) => patch.price)).toEqual([89_100, 89_200]);
  });

  it('does nothing when the price has not changed', () => {
    const { host, created } = fakeSeries();
    const lines = createPriceLineManager(host, styles);
    lines.set('entry', 90_000);
    lines.set('entry', 90_000);
    expect(created[0]?.applied).toEqual([]);
  });

  it('hides a line instead of removing it, and shows the same line again', () => {
    const { host, created } = fakeSeries();
    const lines = createPriceLineManager(host, styles);
    lines.set('liquidation', 81_000);
    lines.set('liquidation', undefined);
    lines.set('liquidation', 82_000);
    expect(created).toHaveLength(1);
    expect(created[0]?.applied).toEqual([
      { lineVisible: false, axisLabelVisible: false },
      { price: 82_000, lineVisible: true, axisLabelVisible: true },
    ]);
  });

  it('creates no line for a kind that never had a price', () => {
    const { host, created } = fakeSeries();
    const lines = createPriceLineManager(host, styles);
    lines.setAll({ entry: 90_000, stop: 89_000 });
    lines.setAll({ entry: 90_000, stop: 89_500 });
    expect(created.map((c) => c.options.title)).toEqual(['Entry', 'Stop']);
  });

  it('the take-profit line is created once, moved when it changes, hidden when it is removed', () => {
    const { host, created } = fakeSeries();
    const lines = createPriceLineManager(host, styles);
    lines.setAll({ entry: 90_000, stop: 89_000, 'take-profit': 93_000 });
    lines.setAll({ entry: 90_000, stop: 89_000, 'take-profit': 94_000 });
    lines.setAll({ entry: 90_000, stop: 89_000 });
    lines.setAll({ entry: 90_000, stop: 89_000, 'take-profit': 95_000 });
    const takeProfit = created.filter((c) => c.options.title === 'Take-profit');
    expect(takeProfit).toHaveLength(1);
    expect(takeProfit[0]?.options.price).toBe(93_000);
    expect(takeProfit[0]?.applied).toEqual([
      { price: 94_000, lineVisible: true, axisLabelVisible: true },
      { lineVisible: false, axisLabelVisible: false },
      { price: 95_000, lineVisible: true, axisLabelVisible: true },
    ]);
  });

  it('ignores a non-finite price (a bad decimal never moves a line)', () => {
    const { host, created } = fakeSeries();
    const lines = createPriceLineManager(host, styles);
    lines.set('stop', Number.NaN);
    expect(created).toHaveLength(0);
  });
});
