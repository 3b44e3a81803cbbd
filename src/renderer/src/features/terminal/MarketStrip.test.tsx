import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { marketStore } from '../../stores/market.store.ts';
import { startQuoteFeed } from '../../stores/quote.feed.ts';
import { createQuoteStore, quoteStore } from '../../stores/quote.store.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { byTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import type { Result } from '../../../../shared/result.ts';
import { MarketStrip } from './MarketStrip.tsx';
import { switcherGroups } from './ContractSwitcher.tsx';
import { xbtContract } from '../../test/fixtures.test-helper.ts';

const t0 = 1_700_000_000_000;
const contract = xbtContract;
let fake: FakeBulwark;
let rendered: Rendered | undefined;
let stopFeed: (() => void) | undefined;
let statsAnswer: () => Result<unknown>;

beforeEach(() => {
  vi.useFakeTimers({ now: t0 });
  useSettingsStore.setState({ symbol: 'XBTUSDTM', favourites: [] });
  quoteStore.setState(createQuoteStore().getState(), true);
  marketStore.setState({ contracts: { XBTUSDTM: contract } });
  statsAnswer = () => ({
    ok: true,
    value: {
      symbol: 'XBTUSDTM',
      fundingRatePct: -0.0125,
      nextFundingAtMs: t0 + 3_725_000,
      changePct24h: 2.5,
      receivedAtMs: t0,
    },
  });
  fake = createFakeBulwark({ 'market:get-contract-stats': () => statsAnswer() });
  installFakeBulwark(fake);
});

afterEach(() => {
  stopFeed?.();
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
  vi.useRealTimers();
});

async function start(): Promise<void> {
  stopFeed = startQuoteFeed(quoteStore);
  rendered = render(<MarketStrip />);
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
}

describe('the market strip', () => {
  it('shows last, mark and index to the contract tick, from the streams that carry them', async () => {
    await start();
    expect(byTestId('strip-last').textContent).toBe('unknown');
    act(() => {
      fake.emit('market:ticker-updated', {
        symbol: 'XBTUSDTM',
        price: '70434.09417',
        bestBidPrice: '70434',
        bestBidSize: 1,
        bestAskPrice: '70434.2',
        bestAskSize: 1,
        atMs: t0,
      });
      fake.emit('market:ticker-updated', {
        symbol: 'XBTUSDTM',
        markPrice: '70430.04',
        indexPrice: '70420.96',
        bestBidPrice: '70434',
        bestBidSize: 1,
        bestAskPrice: '70434.2',
        bestAskSize: 1,
        atMs: t0 + 1,
      });
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(byTestId('strip-last').textContent).toBe('70434.1');
    expect(byTestId('strip-mark').textContent).toBe('70430.0');
    expect(byTestId('strip-index').textContent).toBe('70421.0');
  });

  it('shows the funding rate with the time left to its settlement, counting down', async () => {
    await start();
    expect(byTestId('strip-funding-rate').textContent).toBe('−0.0125 %');
    expect(byTestId('strip-change-24h').textContent).toBe('+2.50 %');
    expect(byTestId('strip-funding-countdown').textContent).toBe('01:02:05');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(byTestId('strip-funding-countdown').textContent).toBe('01:02:00');
  });

  it('says why the figures are missing when the engine cannot read them, and shows no number', async () => {
    statsAnswer = () => ({
      ok: false,
      error: {
        name: 'ExchangeError',
        code: 'http-503',
        message: 'KuCoin answered 503',
        retryable: true,
        details: {},
      },
    });
    await start();
    expect(byTestId('strip-stats-error').textContent).toContain('KuCoin answered 503');
    expect(byTestId('strip-funding-rate').textContent).toBe('unknown');
  });
});

describe('the contract switcher', () => {
  it('lists starred contracts first and every other one after', () => {
    expect(switcherGroups(['XBTUSDTM', 'ETHUSDTM', 'SOLUSDTM'], ['SOLUSDTM', 'GONEUSDTM'])).toEqual([
      { group: 'Favourites', items: ['SOLUSDTM'] },
      { group: 'All contracts', items: ['ETHUSDTM', 'XBTUSDTM'] },
    ]);
  });
});
