// The optional live size cap: an entry above the cap of the paper record's stage is denied with
// the numbers; at the cap, without a cap, and for a reduce-only order it passes.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../shared/domain/decimal.ts';
import { RiskRejectedError } from '../../../shared/errors.ts';
import { liveSizeCapFor } from '../../trackrecord/live-cap.ts';
import { liveSizeCapSchema } from '../../config/sections/trackrecord.ts';
import { assertOrderAllowed, evaluateOrder } from './engine.ts';
import { ctxOf } from './fixtures.test-support.ts';
import type { RiskContext } from './types.ts';

// The base order: 10 lots × 90000 × 0.001 = 900.00 USDT notional.
const capped = (cap: string, patch: Parameters<typeof ctxOf>[0] = {}): RiskContext => ({
  ...ctxOf(patch),
  liveSizeCap: { stage: 'unproven', maxNotionalUsdt: dec(cap) },
});

describe('live-size-cap rule', () => {
  it('denies an entry above the cap, naming the notional, the cap and the stage', () => {
    try {
      assertOrderAllowed(capped('899.99'));
      throw new Error('the entry passed');
    } catch (error) {
      expect(error).toBeInstanceOf(RiskRejectedError);
      const denial = error as RiskRejectedError;
      expect(denial.ruleId).toBe('live-size-cap');
      expect(denial.message).toBe(
        'notional 900.00 USDT > live size cap 899.99 USDT: the paper track record has not yet met the small-live bar',
      );
      expect(denial.details).toMatchObject({ notional: '900.00', capUsdt: '899.99', stage: 'unproven' });
    }
  });

  it('allows an entry at the cap, and every order when no cap applies', () => {
    expect(assertOrderAllowed(capped('900')).verdict).toBe('allow');
    expect(assertOrderAllowed(ctxOf()).verdict).toBe('allow');
  });

  it('never caps a reduce-only order', () => {
    const close = capped('1', {
      position: { side: 'long', sizeLots: 10, avgEntryPrice: dec('90000') },
      order: { side: 'sell', type: 'market', price: undefined, stopPrice: undefined, reduceOnly: true },
    });
    expect(assertOrderAllowed(close).verdict).toBe('allow');
  });

  it('shows in the ticket preview as a denial', () => {
    expect(evaluateOrder(capped('500')).denial).toMatchObject({ ruleId: 'live-size-cap' });
  });
});

describe('live size cap per stage (config)', () => {
  it('is off by default', () => {
    const config = liveSizeCapSchema.parse({});
    expect(liveSizeCapFor('unproven', config)).toBeUndefined();
  });

  it('maps each stage to its cap when on; a null stage cap means no cap', () => {
    const config = liveSizeCapSchema.parse({
      enabled: true,
      unprovenMaxNotionalUsdt: 50,
      smallMaxNotionalUsdt: 500,
    });
    expect(liveSizeCapFor('unproven', config)).toEqual({ stage: 'unproven', maxNotionalUsdt: 50 });
    expect(liveSizeCapFor('small', config)).toEqual({ stage: 'small', maxNotionalUsdt: 500 });
    expect(liveSizeCapFor('full', config)).toBeUndefined();
  });
});
