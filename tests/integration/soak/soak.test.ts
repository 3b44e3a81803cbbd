// The short soak (1 minute; `npm run soak` runs 10): every fault of the soak and a kill -9 of the
// engine in the middle, with the trader's zeros read from the venue, the journal and the peers.
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../soak/soak.ts';

describe('the one-minute soak', () => {
  it('holds every zero through eight faults and a kill -9 of the engine', { timeout: 240_000 }, async () => {
    const figures = await runSoak({ minutes: 1 });
    const zeros = {
      duplicateOrders: figures.duplicateOrders,
      lostOrders: figures.lostOrders,
      nakedSecondsOverLimit: figures.nakedSecondsOverLimit,
      riskForbiddenOrdersSent: figures.riskForbiddenOrdersSent,
      lostJournalEntries: figures.lostJournalEntries,
      lostAlerts: figures.lostAlerts,
    };
    expect(zeros, JSON.stringify(figures)).toEqual({
      duplicateOrders: 0,
      lostOrders: 0,
      nakedSecondsOverLimit: 0,
      riskForbiddenOrdersSent: 0,
      lostJournalEntries: 0,
      lostAlerts: 0,
    });
    // The zeros mean something only if the soak really traded, faulted, refused and killed.
    expect(figures.activity.kills).toBe(1);
    expect(figures.activity.faults).toBe(8);
    expect(figures.activity.ordersAcknowledged).toBeGreaterThan(5);
    expect(figures.activity.forbiddenRefused).toBeGreaterThan(0);
    expect(figures.activity.alertsRouted).toBeGreaterThan(0);
  });
});
