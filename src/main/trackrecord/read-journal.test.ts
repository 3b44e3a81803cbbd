// The facts are read from a real journal written the way the engine writes it, and the CSV carries them.
import { describe, expect, it } from 'vitest';
import { openJournal } from '../store/journal.ts';
import { withFillEvents } from '../trading/fill-journal.ts';
import { trackRecordCsv } from './csv.ts';
import { computeTrackRecord } from './compute.ts';
import { readJournalFacts } from './read-journal.ts';
import { dec } from '../../shared/domain/decimal.ts';
import { defaultConfig } from '../config/schema.ts';

const T = Date.UTC(2026, 10, 1, 10);

function journalWithOneTrade() {
  let now = T;
  const journal = withFillEvents(openJournal({ filePath: ':memory:', now: () => now }));
  journal.insertOrder({
    clientOid: 'bwe1',
    symbol: 'XBTUSDTM',
    side: 'buy',
    type: 'market',
    purpose: 'entry',
    sizeLots: 2,
    filledLots: 0,
    leverage: 5,
    reduceOnly: false,
    status: 'NEW',
    requestJson: '{}',
    createdAt: T,
    updatedAt: T,
    stopPrice: '89000',
    exchangeOrderId: 'x1',
  });
  journal.append(
    'risk-decision',
    { verdict: 'allow', equity: '1000.00', lossAtStop: '2.10' },
    { symbol: 'XBTUSDTM' },
  );
  journal.append(
    'risk-decision',
    { verdict: 'deny', ruleId: 'margin-available', message: 'no' },
    { symbol: 'XBTUSDTM' },
  );
  journal.append(
    'risk-decision',
    { verdict: 'deny', purpose: 'stop', error: 'boom' },
    { symbol: 'XBTUSDTM' },
  );
  journal.recordFill({
    tradeId: 't1',
    exchangeOrderId: 'x1',
    clientOid: 'bwe1',
    symbol: 'XBTUSDTM',
    side: 'buy',
    sizeLots: 2,
    price: '90000',
    fee: '0.108',
    liquidity: 'taker',
    tradeType: 'trade',
    at: T,
  });
  journal.append(
    'stop',
    { action: 'badge', status: 'NAKED', stopLots: 0, positionLots: 2 },
    { symbol: 'XBTUSDTM', at: T },
  );
  journal.append(
    'stop',
    { action: 'badge', status: 'PROTECTED', stopLots: 2, positionLots: 2 },
    { symbol: 'XBTUSDTM', at: T + 7_000 },
  );
  journal.append(
    'position-event',
    { event: 'funding', fundingUsdt: '-0.05', settledAt: T + 1_000 },
    { symbol: 'XBTUSDTM', at: T + 1_000 },
  );
  journal.append(
    'state-change',
    {
      state: 'REDUCING',
      previous: 'ACTIVE',
      reason: 'circuit breaker open',
      details: { trigger: 'breaker-open', raised: true },
      at: T + 2_000,
    },
    { at: T + 2_000 },
  );
  journal.append(
    'state-change',
    {
      state: 'ACTIVE',
      previous: 'REDUCING',
      reason: 'x',
      details: { trigger: 'breaker-open', raised: false },
      at: T + 3_000,
    },
    { at: T + 3_000 },
  );
  journal.append('state-change', { event: 'kill-switch', reason: 'test', flatten: false }, { at: T + 4_000 });
  journal.append(
    'position-event',
    { event: 'emergency-close-started', reason: 'stop unplaceable' },
    { symbol: 'XBTUSDTM', at: T + 5_000 },
  );
  journal.append('fill', { side: 'sell', sizeLots: 'two' }, { symbol: 'XBTUSDTM', at: T + 6_000 }); // malformed: skipped
  now = T + 60_000;
  journal.recordFill({
    tradeId: 't2',
    exchangeOrderId: 'x2',
    symbol: 'XBTUSDTM',
    side: 'sell',
    sizeLots: 2,
    price: '91000',
    fee: '0.1092',
    liquidity: 'taker',
    tradeType: 'trade',
    at: now,
  });
  journal.append('position-event', { event: 'closed', cause: 'close' }, { symbol: 'XBTUSDTM' });
  return journal;
}

describe('reading the journal', () => {
  it("finds the fills with the entry order's stop, funding, badges, denials, triggers and closes", () => {
    const journal = journalWithOneTrade();
    const facts = readJournalFacts(journal);
    expect(facts.fills).toEqual([
      { symbol: 'XBTUSDTM', side: 'buy', lots: 2, price: '90000', fee: '0.108', at: T, stopPrice: '89000' },
      {
        symbol: 'XBTUSDTM',
        side: 'sell',
        lots: 2,
        price: '91000',
        fee: '0.1092',
        at: T + 60_000,
        stopPrice: undefined,
      },
    ]);
    expect(facts.skippedEvents).toBe(1);
    expect(facts.startingEquityUsdt).toBe('1000.00');
    expect(facts.funding).toEqual([{ symbol: 'XBTUSDTM', at: T + 1_000, fundingUsdt: '-0.05' }]);
    expect(facts.safety.map((f) => f.kind)).toEqual([
      'denial',
      'denial',
      'naked',
      'trigger',
      'trigger',
      'kill-switch',
      'emergency-close',
      'covered',
      'covered',
    ]);
    journal.close();
  });

  it('computes the record and writes every table into the CSV', () => {
    const journal = journalWithOneTrade();
    const facts = readJournalFacts(journal);
    const record = computeTrackRecord(
      { ...facts, multiplierOf: () => dec('0.001') },
      { mode: 'paper', now: T + 120_000, unprotectedLimitS: 5, config: defaultConfig().trackRecord },
    );
    // gross (91000 − 90000) × 2 × 0.001 = 2; fees 0.2172; funding −0.05 → net 1.7328; 1R = 1000 × 2 × 0.001 = 2 → R 0.8664
    expect(record.trades[0]).toMatchObject({ netPnlUsdt: '1.7328', rMultiple: 0.8664, stopPrice: '89000' });
    expect(record.safety).toMatchObject({
      secondsUnprotected: 7,
      secondsUnprotectedPastLimit: 2,
      killSwitchUses: 1,
      breakerOpens: 1,
      emergencyCloses: 1,
      riskDenials: [
        { ruleId: 'margin-available', count: 1 },
        { ruleId: 'stop-refused', count: 1 },
      ],
    });
    const csv = trackRecordCsv(record);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'symbol,side,opened,closed,hold_s,max_lots,entry,exit,stop,gross_pnl_usdt,fees_usdt,funding_usdt,net_pnl_usdt,r_multiple',
    );
    expect(lines[1]).toBe(
      'XBTUSDTM,long,2026-11-01T10:00:00.000Z,2026-11-01T10:01:00.000Z,60,2,90000,91000,89000,2,0.2172,-0.05,1.7328,0.8664',
    );
    expect(lines).toContain('day,net_pnl_usdt,trades');
    expect(lines).toContain('2026-11-01,1.7328,1');
    expect(lines).toContain('max_drawdown_pct,0');
    expect(lines).toContain('risk_denials:stop-refused,1');
    expect(lines).toContain('trading-days,false,1 of 7 days');
    // A cell with commas is quoted (RFC 4180).
    expect(lines).toContain(`readiness,"${record.readiness.sentence}"`);
    expect(record.readiness.sentence).toContain(', ');
    journal.close();
  });
});
