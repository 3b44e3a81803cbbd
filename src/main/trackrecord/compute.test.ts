// Every figure of the track record checked against a series written by hand, with the arithmetic
// in the comments. Multipliers: XBTUSDTM 0.001, ETHUSDTM 0.01 (value of one lot per unit of price).
import { describe, expect, it } from 'vitest';
import { dec } from '../../shared/domain/decimal.ts';
import { ValidationError } from '../../shared/errors.ts';
import { defaultConfig } from '../config/schema.ts';
import { trackRecordConfigSchema } from '../config/sections/trackrecord.ts';
import { computeTrackRecord } from './compute.ts';
import type { RecordFill, RecordFunding, RecordInputs, SafetyFact } from './inputs.ts';

const H = 3_600_000;
const D1 = Date.UTC(2026, 10, 1, 10); // 2026-11-01 10:00 UTC
const D2 = Date.UTC(2026, 10, 2, 10);
const D3 = Date.UTC(2026, 10, 3, 10);
const NOW = Date.UTC(2026, 10, 5, 12);
const multipliers: Record<string, string> = { XBTUSDTM: '0.001', ETHUSDTM: '0.01' };
const multiplierOf = (symbol: string) => dec(multipliers[symbol] ?? '1');

const fill = (
  symbol: string,
  side: 'buy' | 'sell',
  lots: number,
  price: string,
  fee: string,
  at: number,
  stopPrice?: string,
): RecordFill => ({ symbol, side, lots, price, fee, at, stopPrice });

const fills: RecordFill[] = [
  // Trade 1, XBT long: gross (91000 − 90000) × 10 × 0.001 = 10; fees 0.54 + 0.546 = 1.086; funding −0.2
  // net 10 − 1.086 − 0.2 = 8.714; 1R = |90000 − 89000| × 10 × 0.001 = 10 → R 0.8714; hold 1 h.
  fill('XBTUSDTM', 'buy', 10, '90000', '0.54', D1, '89000'),
  fill('XBTUSDTM', 'sell', 10, '91000', '0.546', D1 + H),
  // Trade 2, ETH short: gross (3000 − 3060) × 5 × 0.01 = −3; fees 0.09 + 0.0918 = 0.1818; net −3.1818;
  // 1R = |3000 − 3100| × 5 × 0.01 = 5 → R −0.63636 → −0.6364; hold 1 h.
  fill('ETHUSDTM', 'sell', 5, '3000', '0.09', D1 + 2 * H, '3100'),
  fill('ETHUSDTM', 'buy', 5, '3060', '0.0918', D1 + 3 * H),
  // Trade 3, XBT long with an add and two exits: average cost (4 × 90000 + 6 × 91000) / 10 = 90600.
  // Exit 5 @ 92000: 460000 − 906000 × 5/10 = 7000 → × 0.001 = 7. Exit 5 @ 90500: 452500 − 453000 = −500 → −0.5.
  // gross 6.5; fees 0.2 + 0.3 + 0.25 + 0.25 = 1.0; net 5.5; entry 90600, exit (460000 + 452500)/10 = 91250;
  // 1R = |90600 − 88000| × 10 (max lots) × 0.001 = 26 → R 5.5 / 26 = 0.21153… → 0.2115; hold 3 h.
  fill('XBTUSDTM', 'buy', 4, '90000', '0.2', D2, '88000'),
  fill('XBTUSDTM', 'buy', 6, '91000', '0.3', D2 + H, '89500'),
  fill('XBTUSDTM', 'sell', 5, '92000', '0.25', D2 + 2 * H),
  fill('XBTUSDTM', 'sell', 5, '90500', '0.25', D2 + 3 * H),
  // Trade 4, XBT short closed by a flip: the buy of 5 closes 3 (fee 0.25 × 3/5 = 0.15) and opens 2 long (fee 0.10).
  // gross (90000 − 89000) × 3 × 0.001 = 3; fees 0.15 + 0.15 = 0.3; net 2.7; 1R = 1000 × 3 × 0.001 = 3 → R 0.9; hold 1 h.
  fill('XBTUSDTM', 'sell', 3, '90000', '0.15', D3, '91000'),
  fill('XBTUSDTM', 'buy', 5, '89000', '0.25', D3 + H, '88000'),
  // Trade 5, the flipped long: gross (80000 − 89000) × 2 × 0.001 = −18; fees 0.10 + 0.08 = 0.18; funding +0.05;
  // net −18 − 0.18 + 0.05 = −18.13; no stop of its own (it began as the rest of a close) → R null; hold 1 h.
  fill('XBTUSDTM', 'sell', 2, '80000', '0.08', D3 + 2 * H),
  // Still open: not a trade, counted in openTrades.
  fill('ETHUSDTM', 'buy', 1, '3000', '0.03', D3 + 4 * H, '2900'),
];

const funding: RecordFunding[] = [
  { symbol: 'XBTUSDTM', at: D1 + H / 2, fundingUsdt: '-0.2' }, // inside trade 1
  { symbol: 'XBTUSDTM', at: D3 + 1.5 * H, fundingUsdt: '0.05' }, // inside trade 5
  { symbol: 'XBTUSDTM', at: D2 - H, fundingUsdt: '-9' }, // flat at that time: belongs to no trade
];

const safety: SafetyFact[] = [
  // NAKED 3 s (within the 5 s limit: 0 past it), 8 s (3 past), 12.5 s ended by the close (7.5 past).
  { kind: 'naked', symbol: 'XBTUSDTM', at: D1 },
  { kind: 'covered', symbol: 'XBTUSDTM', at: D1 + 3_000 },
  { kind: 'naked', symbol: 'ETHUSDTM', at: D1 + 2 * H },
  { kind: 'naked', symbol: 'ETHUSDTM', at: D1 + 2 * H + 1_000 }, // still the same episode
  { kind: 'covered', symbol: 'ETHUSDTM', at: D1 + 2 * H + 8_000 },
  { kind: 'covered', symbol: 'ETHUSDTM', at: D1 + 2 * H + 9_000 }, // no episode open: ignored
  { kind: 'naked', symbol: 'XBTUSDTM', at: D2 },
  { kind: 'covered', symbol: 'XBTUSDTM', at: D2 + 12_500 },
  { kind: 'denial', ruleId: 'risk-per-trade', at: D1 + 100 },
  { kind: 'denial', ruleId: 'margin-available', at: D1 + 200 },
  { kind: 'denial', ruleId: 'risk-per-trade', at: D2 + 100 },
  { kind: 'denial', ruleId: 'stop-refused', at: D2 + 200 },
  { kind: 'kill-switch', at: D2 + 4 * H },
  // Breaker: raised, raised again while it holds (same opening), cleared, raised → 2 opens.
  { kind: 'trigger', trigger: 'breaker-open', raised: true, at: D2 + 5 * H },
  { kind: 'trigger', trigger: 'breaker-open', raised: true, at: D2 + 5 * H + 1_000 },
  { kind: 'trigger', trigger: 'breaker-open', raised: false, at: D2 + 5 * H + 60_000 },
  { kind: 'trigger', trigger: 'breaker-open', raised: true, at: D3 },
  // Daily-loss halt from D3 12:00 until 2026-11-04 00:00 UTC: 1.5 days before NOW.
  { kind: 'trigger', trigger: 'daily-loss', raised: true, at: D3 + 2 * H },
  { kind: 'trigger', trigger: 'daily-loss', raised: false, at: Date.UTC(2026, 10, 4) },
  { kind: 'emergency-close', symbol: 'XBTUSDTM', at: D3 + 3 * H },
];

const inputs: RecordInputs = { fills, funding, safety, startingEquityUsdt: '100', multiplierOf };
const config = defaultConfig();
const options = { mode: 'paper' as const, now: NOW, unprotectedLimitS: 5, config: config.trackRecord };

describe('track record against a hand-computed series', () => {
  const record = computeTrackRecord(inputs, options);

  it('rebuilds each trade with entry, exit, stop, fees, funding, net and R', () => {
    expect(
      record.trades.map((t) => [
        t.symbol,
        t.side,
        t.entryPrice,
        t.exitPrice,
        t.stopPrice,
        t.maxLots,
        t.grossPnlUsdt,
        t.feesUsdt,
        t.fundingUsdt,
        t.netPnlUsdt,
        t.rMultiple,
        t.holdMs,
      ]),
    ).toEqual([
      ['XBTUSDTM', 'long', '90000', '91000', '89000', 10, '10', '1.086', '-0.2', '8.714', 0.8714, H],
      ['ETHUSDTM', 'short', '3000', '3060', '3100', 5, '-3', '0.1818', '0', '-3.1818', -0.6364, H],
      ['XBTUSDTM', 'long', '90600', '91250', '88000', 10, '6.5', '1', '0', '5.5', 0.2115, 3 * H],
      ['XBTUSDTM', 'short', '90000', '89000', '91000', 3, '3', '0.3', '0', '2.7', 0.9, H],
      ['XBTUSDTM', 'long', '89000', '80000', null, 2, '-18', '0.18', '0.05', '-18.13', null, H],
    ]);
  });

  it('draws the equity curve from the starting equity, one point per closed trade', () => {
    // 100 → +8.714 = 108.714 → −3.1818 = 105.5322 → +5.5 = 111.0322 → +2.7 = 113.7322 → −18.13 = 95.6022
    expect(record.equityCurve).toEqual([
      { at: D1, equityUsdt: '100' },
      { at: D1 + H, equityUsdt: '108.714' },
      { at: D1 + 3 * H, equityUsdt: '105.5322' },
      { at: D2 + 3 * H, equityUsdt: '111.0322' },
      { at: D3 + H, equityUsdt: '113.7322' },
      { at: D3 + 2 * H, equityUsdt: '95.6022' },
    ]);
  });

  it('sums PnL per UTC day of the exit', () => {
    // 11-01: 8.714 − 3.1818 = 5.5322 (2 trades); 11-02: 5.5; 11-03: 2.7 − 18.13 = −15.43 (2 trades)
    expect(record.pnlByDay).toEqual([
      { day: '2026-11-01', pnlUsdt: '5.5322', trades: 2 },
      { day: '2026-11-02', pnlUsdt: '5.5', trades: 1 },
      { day: '2026-11-03', pnlUsdt: '-15.43', trades: 2 },
    ]);
  });

  it('computes win rate, profit factor, drawdown, hold and R', () => {
    expect(record.summary).toEqual({
      trades: 5,
      wins: 3,
      losses: 2,
      winRatePct: 60, // 3 / 5
      profitFactor: 0.7936, // (8.714 + 5.5 + 2.7) / (3.1818 + 18.13) = 16.914 / 21.3118 = 0.79364…
      grossProfitUsdt: '16.914',
      grossLossUsdt: '-21.3118',
      netPnlUsdt: '-4.3978',
      feesUsdt: '2.7478', // 1.086 + 0.1818 + 1 + 0.3 + 0.18
      fundingUsdt: '-0.15', // −0.2 + 0.05 (the −9 settled while flat belongs to no trade)
      maxDrawdownPct: 15.94, // peak 113.7322 → 95.6022: 18.13 / 113.7322 = 15.9409… % (the earlier 3.1818 / 108.714 = 2.93 % is smaller)
      maxDrawdownUsdt: '18.13',
      averageHoldMs: 5_040_000, // (1 + 1 + 3 + 1 + 1) h / 5 = 1.4 h
      averageR: 0.3366, // (0.8714 − 0.6364 + 0.2115 + 0.9) / 4 = 0.336625
      tradingDays: 3, // fills on 11-01, 11-02, 11-03
      openTrades: 1,
    });
  });

  it('keeps the safety record', () => {
    expect(record.safety).toEqual({
      secondsUnprotected: 23.5, // 3 + 8 + 12.5
      secondsUnprotectedPastLimit: 10.5, // 0 + 3 + 7.5 over the 5 s limit
      unprotectedLimitS: 5,
      nakedEpisodes: 3,
      riskDenials: [
        { ruleId: 'risk-per-trade', count: 2 },
        { ruleId: 'margin-available', count: 1 },
        { ruleId: 'stop-refused', count: 1 },
      ],
      killSwitchUses: 1,
      breakerOpens: 2,
      emergencyCloses: 1,
      dailyLossHalts: 1,
      lastDailyLossHaltAt: Date.UTC(2026, 10, 4),
    });
  });

  it("says what is missing for small live size, in the trader's words", () => {
    expect(record.readiness.stage).toBe('unproven');
    expect(record.readiness.sentence).toBe(
      'Not yet: 3 of 7 days, 5 of 20 trades, 10.5 s unprotected past the 5 s limit > 0 s, drawdown 15.94 % > 10 %, daily-loss halt 1 day ago (none allowed in the last 3 days)',
    );
    expect(record.readiness.checks.every((check) => !check.passed)).toBe(true);
  });

  it('an open NAKED episode counts until now', () => {
    const open = computeTrackRecord(
      { ...inputs, safety: [{ kind: 'naked', symbol: 'XBTUSDTM', at: NOW - 20_000 }] },
      options,
    );
    expect(open.safety).toMatchObject({
      secondsUnprotected: 20,
      secondsUnprotectedPastLimit: 15,
      nakedEpisodes: 1,
    });
  });

  it('a daily-loss halt that still holds counts as now', () => {
    const holding = computeTrackRecord(
      { ...inputs, safety: [{ kind: 'trigger', trigger: 'daily-loss', raised: true, at: D1 }] },
      options,
    );
    expect(holding.safety.lastDailyLossHaltAt).toBe(NOW);
    expect(holding.readiness.checks.find((c) => c.id === 'daily-loss-halt')).toMatchObject({
      passed: false,
      text: 'daily-loss halt today (none allowed in the last 3 days)',
    });
  });
});

describe('readiness bars from config', () => {
  it('meets a bar the record clears: small live, then full size', () => {
    const small = trackRecordConfigSchema.parse({
      smallLive: {
        minTradingDays: 3,
        minTrades: 5,
        maxUnprotectedSecondsPastLimit: 11,
        maxDrawdownPct: 16,
        noDailyLossHaltDays: 1,
      },
    });
    expect(computeTrackRecord(inputs, { ...options, config: small }).readiness).toMatchObject({
      stage: 'small',
      sentence: 'Ready for small live size',
    });
    const full = trackRecordConfigSchema.parse({ smallLive: small.smallLive, fullSize: small.smallLive });
    expect(computeTrackRecord(inputs, { ...options, config: full }).readiness).toMatchObject({
      stage: 'full',
      sentence: 'Ready for full size',
    });
  });

  it('names only the failing checks: "Not yet: 4 of 7 days, drawdown 12.3 % > 10 %"', () => {
    // 24 one-lot XBT trades over 4 days, 100 → peak 124 after 24 wins of +1… then a −15.252 loss: 15.252 / 124 = 12.3 %.
    const series: RecordFill[] = [];
    for (let i = 0; i < 24; i += 1) {
      const at = D1 + Math.floor(i / 6) * 24 * H + (i % 6) * H;
      series.push(
        fill('XBTUSDTM', 'buy', 1000, '100', '0', at, '99.9'),
        fill('XBTUSDTM', 'sell', 1000, '101', '0', at + 1_000),
      );
    }
    // last trade: 1000 lots × (100 − 84.748) × 0.001 = −15.252
    series.push(
      fill('XBTUSDTM', 'buy', 1000, '100', '0', D1 + 3 * 24 * H + 7 * H, '99'),
      fill('XBTUSDTM', 'sell', 1000, '84.748', '0', D1 + 3 * 24 * H + 8 * H),
    );
    const record = computeTrackRecord(
      { fills: series, funding: [], safety: [], startingEquityUsdt: '100', multiplierOf },
      options,
    );
    expect(record.summary).toMatchObject({ trades: 25, tradingDays: 4, maxDrawdownPct: 12.3 });
    expect(record.readiness.sentence).toBe('Not yet: 4 of 7 days, drawdown 12.3 % > 10 %');
  });

  it('without a starting equity the drawdown is unknown, not zero', () => {
    const record = computeTrackRecord({ ...inputs, startingEquityUsdt: undefined }, options);
    expect(record.readiness.checks.find((c) => c.id === 'drawdown')).toMatchObject({
      passed: false,
      text: 'drawdown unknown (no starting equity in the journal)',
    });
  });

  it('an unknown contract is a clear error, not a silent zero', () => {
    const unknown = (symbol: string) => {
      throw new ValidationError('trackrecord-contract-unknown', `${symbol} unknown`);
    };
    expect(() => computeTrackRecord({ ...inputs, multiplierOf: unknown }, options)).toThrow(ValidationError);
  });
});
