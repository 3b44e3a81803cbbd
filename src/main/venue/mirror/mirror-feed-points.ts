/** The mirror as a {@link PriceFeed}: the latest upstream mark, index and last, on the contract's grids. */
import { text } from '../core/model/decimal.ts';
import { onGrid } from '../feeds/grid.ts';
import type { PriceFeed, PricePoint } from '../feeds/price-feed.ts';
import type { SymbolState } from './symbol-state.ts';

/** A feed over the mirror's symbol states; `priceAt` ignores time (the upstream is the clock). */
export function mirrorFeed(states: ReadonlyMap<string, SymbolState>, close: () => void): PriceFeed {
  return {
    priceAt(symbol: string): PricePoint {
      const state = states.get(symbol);
      if (state === undefined) return { markPrice: '0', indexPrice: '0', lastPrice: '0' };
      const spec = {
        symbol,
        initialPrice: state.mark,
        tickSize: text(state.spec.tickSize),
        indexPriceTickSize: text(state.spec.indexPriceTickSize),
      };
      return onGrid(spec, Number(state.index), Number(state.mark), Number(state.last));
    },
    close,
  };
}
