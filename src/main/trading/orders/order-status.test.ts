import { describe, expect, it } from 'vitest';
import { orderStatusSchema, type OrderStatus } from '../../../shared/domain/order.ts';
import { TradingError } from '../../../shared/errors.ts';
import { nextStatus, orderCauses, type OrderCause } from './order-status.ts';

// The lifecycle written out by hand, row by row: status → cause → the allowed next status.
// Every pair not listed must throw. (A second copy of the table in the code would prove nothing;
// this one is the specification the table is checked against.)
const allowed: Partial<Record<OrderStatus, Partial<Record<OrderCause, OrderStatus>>>> = {
  NEW: { sent: 'SUBMITTED', cancelled: 'CANCELLED', refused: 'REJECTED' },
  SUBMITTED: {
    accepted: 'ACKED',
    'partially-filled': 'PARTIALLY_FILLED',
    filled: 'FILLED',
    cancelled: 'CANCELLED',
    refused: 'REJECTED',
    'outcome-unknown': 'UNKNOWN',
    reconciling: 'RECONCILING',
  },
  ACKED: {
    accepted: 'ACKED',
    'partially-filled': 'PARTIALLY_FILLED',
    filled: 'FILLED',
    cancelled: 'CANCELLED',
    reconciling: 'RECONCILING',
  },
  PARTIALLY_FILLED: {
    'partially-filled': 'PARTIALLY_FILLED',
    filled: 'FILLED',
    cancelled: 'CANCELLED',
    reconciling: 'RECONCILING',
  },
  UNKNOWN: {
    accepted: 'ACKED',
    'partially-filled': 'PARTIALLY_FILLED',
    filled: 'FILLED',
    cancelled: 'CANCELLED',
    reconciling: 'RECONCILING',
    'gave-up': 'UNKNOWN',
  },
  RECONCILING: {
    sent: 'SUBMITTED',
    accepted: 'ACKED',
    'partially-filled': 'PARTIALLY_FILLED',
    filled: 'FILLED',
    cancelled: 'CANCELLED',
    refused: 'REJECTED',
    reconciling: 'RECONCILING',
    'gave-up': 'UNKNOWN',
  },
  FILLED: {},
  CANCELLED: {},
  REJECTED: {},
};

describe('order lifecycle transition table', () => {
  for (const from of orderStatusSchema.options) {
    for (const cause of orderCauses) {
      const expected = allowed[from]?.[cause];
      it(`${from} on ${cause} → ${expected ?? 'refused'}`, () => {
        if (expected === undefined) {
          expect(() => nextStatus(from, cause)).toThrow(TradingError);
          expect(() => nextStatus(from, cause)).toThrow(/cannot go from/);
        } else {
          expect(nextStatus(from, cause)).toBe(expected);
        }
      });
    }
  }

  it('an acknowledged order can never be recorded as rejected (doubt is not a rejection)', () => {
    for (const from of ['ACKED', 'PARTIALLY_FILLED', 'UNKNOWN'] as const)
      expect(() => nextStatus(from, 'refused')).toThrow(TradingError);
  });
});
