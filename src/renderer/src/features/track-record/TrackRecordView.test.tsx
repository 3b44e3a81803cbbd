import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrackRecord } from '../../../../shared/ipc/channels/trackrecord.ts';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { byTestId, click, hasTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { curveData } from './EquityCurveChart.tsx';
import { ConnectionPage } from '../settings/connection/ConnectionPage.tsx';
import { LiveReadinessNotice } from './LiveReadinessNotice.tsx';
import { TrackRecordView } from './TrackRecordView.tsx';

// happy-dom has no canvas: a stand-in chart records what the page gives it.
const drawn = vi.hoisted(() => ({ data: [] as unknown[], removed: 0 }));
vi.mock('lightweight-charts', () => ({
  createChart: () => ({
    addSeries: () => ({
      setData: (data: unknown) => {
        drawn.data = data as unknown[];
      },
    }),
    timeScale: () => ({ fitContent: () => undefined }),
    remove: () => {
      drawn.removed += 1;
    },
  }),
  LineSeries: {},
  ColorType: { Solid: 'solid' },
}));

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const T = Date.UTC(2026, 10, 1, 10);

function paperRecord(): TrackRecord {
  return {
    mode: 'paper',
    computedAt: T + 7_200_000,
    startingEquityUsdt: '100',
    trades: [
      {
        symbol: 'XBTUSDTM',
        side: 'long',
        openedAt: T,
        closedAt: T + 3_600_000,
        holdMs: 3_600_000,
        maxLots: 10,
        entryPrice: '90000',
        exitPrice: '91000',
        stopPrice: '89000',
        grossPnlUsdt: '10',
        feesUsdt: '1.086',
        fundingUsdt: '-0.2',
        netPnlUsdt: '8.714',
        rMultiple: 0.8714,
      },
      {
        symbol: 'ETHUSDTM',
        side: 'short',
        openedAt: T + 3_700_000,
        closedAt: T + 7_200_000,
        holdMs: 3_500_000,
        maxLots: 5,
        entryPrice: '3000',
        exitPrice: '3060',
        stopPrice: null,
        grossPnlUsdt: '-3',
        feesUsdt: '0.1818',
        fundingUsdt: '0',
        netPnlUsdt: '-3.1818',
        rMultiple: null,
      },
    ],
    equityCurve: [
      { at: T, equityUsdt: '100' },
      { at: T + 3_600_000, equityUsdt: '108.714' },
      { at: T + 7_200_000, equityUsdt: '105.5322' },
    ],
    pnlByDay: [{ day: '2026-11-01', pnlUsdt: '5.5322', trades: 2 }],
    summary: {
      trades: 2,
      wins: 1,
      losses: 1,
      winRatePct: 50,
      profitFactor: 2.7387,
      grossProfitUsdt: '8.714',
      grossLossUsdt: '-3.1818',
      netPnlUsdt: '5.5322',
      feesUsdt: '1.2678',
      fundingUsdt: '-0.2',
      maxDrawdownPct: 2.93,
      maxDrawdownUsdt: '3.1818',
      averageHoldMs: 3_550_000,
      averageR: 0.8714,
      tradingDays: 1,
      openTrades: 0,
    },
    safety: {
      secondsUnprotected: 23.5,
      secondsUnprotectedPastLimit: 10.5,
      unprotectedLimitS: 5,
      nakedEpisodes: 3,
      riskDenials: [{ ruleId: 'risk-per-trade', count: 2 }],
      killSwitchUses: 1,
      breakerOpens: 2,
      emergencyCloses: 1,
      dailyLossHalts: 0,
      lastDailyLossHaltAt: null,
    },
    readiness: {
      stage: 'unproven',
      sentence: 'Not yet: 1 of 7 days, 2 of 20 trades, 10.5 s unprotected past the 5 s limit > 0 s',
      checks: [
        { id: 'trading-days', passed: false, text: '1 of 7 days' },
        { id: 'trades', passed: false, text: '2 of 20 trades' },
        { id: 'unprotected', passed: false, text: '10.5 s unprotected past the 5 s limit > 0 s' },
        { id: 'drawdown', passed: true, text: 'drawdown 2.93 % ≤ 10 %' },
        { id: 'daily-loss-halt', passed: true, text: 'no daily-loss halt in the last 3 days' },
      ],
    },
  };
}

function liveRecord(): TrackRecord {
  const paper = paperRecord();
  return {
    ...paper,
    mode: 'live',
    trades: [],
    equityCurve: [],
    pnlByDay: [],
    summary: { ...paper.summary, trades: 0, wins: 0, losses: 0 },
  };
}

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
});

function install(): FakeBulwark {
  const fake = createFakeBulwark({
    'trackrecord:get-record': (request) => ({
      ok: true,
      value: (request as { mode: string }).mode === 'live' ? liveRecord() : paperRecord(),
    }),
    'trackrecord:export-csv': (request) => ({
      ok: true,
      value: {
        filePath: `/data/exports/track-record-${(request as { mode: string }).mode}.csv`,
        csv: 'x',
        trades: 2,
      },
    }),
  });
  installFakeBulwark(fake);
  return fake;
}

describe('TrackRecordView', () => {
  it('shows the readiness verdict, the figures, the safety record, the curve, the days and the trades', async () => {
    const fake = install();
    rendered = render(<TrackRecordView />);
    await settle();
    expect(fake.calls[0]).toEqual({ channel: 'trackrecord:get-record', request: { mode: 'paper' } });
    expect(byTestId('readiness-sentence').textContent).toBe(
      'Not yet: 1 of 7 days, 2 of 20 trades, 10.5 s unprotected past the 5 s limit > 0 s',
    );
    expect(byTestId('readiness-check-drawdown').getAttribute('data-passed')).toBe('true');
    expect(byTestId('fig-win-rate').textContent).toBe('50.0 %');
    expect(byTestId('fig-profit-factor').textContent).toBe('2.74');
    expect(byTestId('fig-drawdown').textContent).toBe('2.93 %');
    expect(byTestId('fig-hold').textContent).toBe('59 min');
    expect(byTestId('safety-unprotected').textContent).toContain(
      '23.5 s unprotected in 3 episodes; 10.5 s past the 5 s limit',
    );
    expect(byTestId('safety-counts').textContent).toBe(
      'Kill switch 1 · breaker opened 2 · emergency closes 1 · daily-loss halts 0',
    );
    expect(byTestId('safety-denials').textContent).toBe('Risk denials: risk-per-trade 2');
    expect(drawn.data).toEqual([
      { time: T / 1000, value: 100 },
      { time: T / 1000 + 3600, value: 108.714 },
      { time: T / 1000 + 7200, value: 105.5322 },
    ]);
    expect(byTestId('track-days').querySelectorAll('tbody tr')).toHaveLength(1);
    const rows = [...byTestId('track-trades').querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    // Newest first; a trade without a stop has no R.
    expect(rows[0]).toEqual([
      '2026-11-01 12:00',
      'ETHUSDTM',
      'short',
      '5',
      '3000',
      '3060',
      '—',
      '0.18',
      '0.00',
      '\u22123.18',
      '—',
      '58 min',
    ]);
    expect(rows[1]).toEqual([
      '2026-11-01 11:00',
      'XBTUSDTM',
      'long',
      '10',
      '90000',
      '91000',
      '89000',
      '1.09',
      '\u22120.20',
      '+8.71',
      '0.87R',
      '60 min',
    ]);
  });

  it('switches to the live record, which is its own and empty here', async () => {
    const fake = install();
    rendered = render(<TrackRecordView />);
    await settle();
    const live = byTestId('track-mode').querySelector<HTMLInputElement>('input[value="live"]');
    if (live === null) throw new Error('no live option');
    click(live);
    await settle();
    expect(fake.calls.at(-1)).toEqual({ channel: 'trackrecord:get-record', request: { mode: 'live' } });
    expect(byTestId('track-record').getAttribute('data-mode')).toBe('live');
    expect(byTestId('empty-state').textContent).toContain('No closed live trades yet');
    expect(hasTestId('track-trades')).toBe(false);
  });

  it('asks again when a position closes (a trade ended)', async () => {
    const fake = install();
    rendered = render(<TrackRecordView />);
    await settle();
    const asked = fake.calls.length;
    act(() => {
      fake.emit('trading:position-updated', { symbol: 'XBTUSDTM', position: { sizeLots: 1 }, at: 1 });
    });
    await settle();
    expect(fake.calls).toHaveLength(asked);
    act(() => {
      fake.emit('trading:position-updated', { symbol: 'XBTUSDTM', position: null, at: 2 });
    });
    await settle();
    expect(fake.calls).toHaveLength(asked + 1);
    expect(fake.calls.at(-1)).toEqual({ channel: 'trackrecord:get-record', request: { mode: 'paper' } });
  });

  it('exports the CSV through main and says where it went', async () => {
    const fake = install();
    rendered = render(<TrackRecordView />);
    await settle();
    click(byTestId('track-export-csv'));
    await settle();
    expect(fake.calls.at(-1)).toEqual({ channel: 'trackrecord:export-csv', request: { mode: 'paper' } });
    expect(byTestId('track-export-result').textContent).toBe(
      'Saved 2 trades to /data/exports/track-record-paper.csv',
    );
  });

  it('shows why main could not compute the record', async () => {
    installFakeBulwark(
      createFakeBulwark({
        'trackrecord:get-record': () =>
          failure({
            name: 'ValidationError',
            code: 'trackrecord-contract-unknown',
            message: "FOOUSDTM is not in the exchange's contract list",
            details: {},
          }),
      }),
    );
    rendered = render(<TrackRecordView />);
    await settle();
    expect(byTestId('track-error').textContent).toContain("FOOUSDTM is not in the exchange's contract list");
    expect(hasTestId('track-record')).toBe(false);
  });
});

describe('LiveReadinessNotice', () => {
  it('shows the paper verdict for a LIVE confirmation', async () => {
    const fake = install();
    rendered = render(<LiveReadinessNotice />);
    await settle();
    expect(fake.calls[0]?.request).toEqual({ mode: 'paper' });
    expect(byTestId('live-readiness').textContent).toBe(
      'Paper track record: Not yet: 1 of 7 days, 2 of 20 trades, 10.5 s unprotected past the 5 s limit > 0 s',
    );
  });
});

describe('Connection page in paper mode', () => {
  it('shows the paper verdict beside the trading mode, as a warning only', async () => {
    const absent = (profile: 'live' | 'paper') => ({
      profile,
      state: 'absent',
      keyLast4: '',
      permissions: [],
      ipWhitelist: [],
      warnings: [],
    });
    installFakeBulwark(
      createFakeBulwark({
        'secrets:get-connection': () => ({
          ok: true,
          value: {
            mode: 'paper',
            liveHost: 'https://api-futures.kucoin.com',
            live: absent('live'),
            paper: absent('paper'),
          },
        }),
        'trackrecord:get-record': () => ({ ok: true, value: paperRecord() }),
      }),
    );
    rendered = render(<ConnectionPage />);
    await settle();
    await settle();
    expect(byTestId('live-readiness').getAttribute('data-stage')).toBe('unproven');
    expect(byTestId('live-readiness').textContent).toContain('Not yet: 1 of 7 days');
    expect(hasTestId('key-input')).toBe(true);
  });
});

describe('curveData', () => {
  it('keeps one point per second, the last of a second winning, so the time scale strictly increases', () => {
    expect(
      curveData([
        { at: 1_000, equityUsdt: '1' },
        { at: 1_400, equityUsdt: '2' },
        { at: 2_000, equityUsdt: '3' },
      ]),
    ).toEqual([
      { time: 1, value: 2 },
      { time: 2, value: 3 },
    ]);
  });
});
