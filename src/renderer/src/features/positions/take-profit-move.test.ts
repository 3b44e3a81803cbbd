import { describe, expect, it } from 'vitest';
import { positionOf } from '../../test/fixtures.test-helper.ts';
import { checkTakeProfitMove, takeProfitText } from './take-profit-move.ts';

const long = positionOf();
const withTakeProfit = (takeProfits: { stopPrice: string; sizeLots: number }[]) =>
  positionOf({ protection: { ...long.protection, takeProfits } });

describe("the dock's take-profit", () => {
  it('must be beyond the mark on the profit side', () => {
    expect(checkTakeProfitMove(long, ' 92000 ')).toEqual({ ok: true, price: '92000' });
    expect(checkTakeProfitMove(long, '90100')).toEqual({
      ok: false,
      reason: "A long's take-profit must be above the mark price (90100).",
    });
    expect(checkTakeProfitMove(positionOf({ side: 'short' }), '90500')).toEqual({
      ok: false,
      reason: "A short's take-profit must be below the mark price (90100).",
    });
    expect(checkTakeProfitMove(long, 'abc').ok).toBe(false);
    expect(checkTakeProfitMove(positionOf({ markPrice: null }), '1')).toEqual({ ok: true, price: '1' });
  });

  it('reads what rests at the exchange: the nearest to tick, none, or unknown — never a guess', () => {
    expect(takeProfitText(withTakeProfit([{ stopPrice: '92000', sizeLots: 5 }]), '0.1')).toBe('92000.0');
    const two = withTakeProfit([
      { stopPrice: '95000', sizeLots: 2 },
      { stopPrice: '92000', sizeLots: 3 },
    ]);
    expect(takeProfitText(two, '0.1')).toBe('92000.0 (+1)');
    expect(takeProfitText(long, '0.1')).toBe('none');
    expect(takeProfitText(positionOf({ protection: { status: 'UNKNOWN', stopLots: 0 } }), '0.1')).toBe(
      'unknown',
    );
  });
});
