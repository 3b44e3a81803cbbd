import { describe, expect, it } from 'vitest';
import type { KillSwitchReport } from '../../../../shared/ipc/channels/trading.ts';
import { killReportLines } from './kill-report-lines.ts';

const report = (extra: Partial<KillSwitchReport>): KillSwitchReport => ({
  state: {
    state: 'HALTED',
    reason: 'kill switch: manual',
    activeTriggers: ['kill-switch'],
    since: 1,
    reconciled: true,
    dailyRealisedPnl: '0',
    consecutiveStopOuts: 0,
  },
  flatten: true,
  droppedQueuedEntries: 0,
  cancelledOrders: 3,
  cancelFailures: [],
  closes: [{ symbol: 'XBTUSDTM', outcome: 'filled', sizeLots: 2 }],
  closedPositions: ['XBTUSDTM'],
  protectiveStopsKept: 0,
  protectiveStopsCancelled: 1,
  ...extra,
});

describe('what the kill switch did, in words', () => {
  it('says what was cancelled and closed', () => {
    const { problems, done } = killReportLines(report({}));
    expect(problems).toEqual([]);
    expect(done).toEqual([
      'Trading is HALTED.',
      '3 entry orders cancelled at the exchange.',
      'Closed at market: XBTUSDTM.',
      '1 stop of flat positions cancelled.',
    ]);
  });

  it('puts what may still be live first: a failed cancel and a close that did not fill', () => {
    const { problems } = killReportLines(
      report({
        cancelFailures: [{ symbol: 'ETHUSDTM', orderId: 'o-1', reason: 'HTTP 503' }],
        closes: [{ symbol: 'SOLUSDTM', outcome: 'failed', sizeLots: 5, reason: 'no liquidity' }],
        closedPositions: [],
      }),
    );
    expect(problems).toEqual([
      'Cancel failed for ETHUSDTM order o-1: HTTP 503 — it may still be working.',
      'SOLUSDTM is still open (5 lots): no liquidity; the engine keeps trying.',
    ]);
  });

  it('without flatten says the protective stops stay', () => {
    const { done } = killReportLines(
      report({ flatten: false, closes: [], closedPositions: [], protectiveStopsKept: 2 }),
    );
    expect(done).toContain('2 protective stops left guarding open positions.');
    expect(done.some((line) => line.startsWith('Closed'))).toBe(false);
  });
});
