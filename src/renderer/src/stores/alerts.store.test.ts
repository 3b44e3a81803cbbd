import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/ipc/channels/alerts.ts';
import { alertsKept, mergeAlerts } from './alerts.store.ts';

const alert = (id: number, at: number): Alert => ({
  id,
  severity: 'info',
  code: 'order-filled',
  kind: 'fill',
  key: `order-filled:${id}`,
  title: 'Order filled',
  message: 'm',
  details: {},
  at,
  clears: false,
});

describe('mergeAlerts', () => {
  it('dedupes by id and sorts newest first', () => {
    const merged = mergeAlerts([alert(1, 10), alert(2, 20)], [alert(2, 20), alert(3, 15)]);
    expect(merged.map((a) => a.id)).toEqual([2, 3, 1]);
  });

  it('keeps at most the configured number', () => {
    const many = Array.from({ length: alertsKept + 10 }, (_, i) => alert(i, i));
    const merged = mergeAlerts([], many);
    expect(merged).toHaveLength(alertsKept);
    expect(merged[0]?.id).toBe(alertsKept + 9);
  });
});
