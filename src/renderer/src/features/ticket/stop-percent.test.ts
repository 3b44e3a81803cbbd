import { describe, expect, it } from 'vitest';
import { emptyTicketDraft } from './ticket-form.ts';
import { stopFromPercent } from './stop-percent.ts';
import type { TicketContext, TicketDraft } from './ticket.types.ts';

const contract = {
  tickSize: '0.1',
  maxLeverage: 100,
  maxOrderQtyLots: 1_000_000,
  multiplier: '0.001',
  takerFeeRate: '0.0006',
};
const withTick: TicketContext = { contract, referencePrice: '90000.3' };
const draft = (patch: Partial<TicketDraft>): TicketDraft => ({
  ...emptyTicketDraft(),
  stopMode: 'percent',
  ...patch,
});

describe('a stop typed as a distance in %', () => {
  it("puts a long's stop below the limit price and a short's above, on the tick toward the entry", () => {
    expect(stopFromPercent(draft({ price: '90000', stopPct: '1.55' }), withTick)).toEqual({
      ok: true,
      stopPrice: '88605.0',
    });
    // 90000 × 1.0111 = 90999.0, on the grid already.
    expect(stopFromPercent(draft({ side: 'sell', price: '90000', stopPct: '1.11' }), withTick)).toEqual({
      ok: true,
      stopPrice: '90999.0',
    });
    // Off the grid: 90000.3 × 0.97 = 87300.291 → up to 87300.3 for a long (less loss, never more).
    expect(stopFromPercent(draft({ type: 'market', stopPct: '3' }), withTick)).toEqual({
      ok: true,
      stopPrice: '87300.3',
    });
    // …and 90000.3 × 1.03 = 92700.309 → down to 92700.3 for a short.
    expect(stopFromPercent(draft({ type: 'market', side: 'sell', stopPct: '3' }), withTick)).toEqual({
      ok: true,
      stopPrice: '92700.3',
    });
  });

  it('says what is missing instead of guessing a stop', () => {
    expect(stopFromPercent(draft({ stopPct: '2' }), withTick)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/limit price first/) as unknown,
    });
    expect(
      stopFromPercent(draft({ type: 'market', stopPct: '2' }), { contract, referencePrice: undefined }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/Waiting for the last price/) as unknown });
    for (const stopPct of ['', '0', '100', '-1', 'abc']) {
      expect(stopFromPercent(draft({ price: '90000', stopPct }), withTick)).toMatchObject({ ok: false });
    }
  });

  it('is not used while the stop is typed as a price', () => {
    expect(stopFromPercent({ ...emptyTicketDraft(), stopPct: '2' }, withTick)).toBeUndefined();
  });
});
