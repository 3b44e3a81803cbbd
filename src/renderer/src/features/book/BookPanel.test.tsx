import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BookSnapshot, BookWatch } from '../../../../shared/ipc/channels/market.ts';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { startBookFeed } from '../../stores/book.feed.ts';
import { paneGraceMs, paneIntervalMs } from '../../stores/pane-clock.ts';
import { bookStore, createBookStore } from '../../stores/book.store.ts';
import { createMarketStore, marketStore } from '../../stores/market.store.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { byTestId, click, hasTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { BookPanel } from './BookPanel.tsx';
import { TradesPanel } from './TradesPanel.tsx';
import { xbtContract } from '../../test/fixtures.test-helper.ts';

const contract = { ...xbtContract, maxLeverage: 100 };

const book: BookSnapshot = {
  symbol: 'XBTUSDTM',
  asks: [
    { price: '90001', sizeLots: 1 },
    { price: '90001.1', sizeLots: 6 },
    { price: '90001.9', sizeLots: 7 },
  ],
  bids: [
    { price: '90000.9', sizeLots: 2 },
    { price: '90000.1', sizeLots: 3 },
    { price: '89999.9', sizeLots: 5 },
  ],
  sequence: 10,
  stale: false,
  atMs: 1_000,
};

const watch: BookWatch = {
  book,
  trades: [
    { tradeId: 't2', price: '90001', sizeLots: 4, side: 'buy', timeMs: 2_000 },
    { tradeId: 't1', price: '90000.9', sizeLots: 2, side: 'sell', timeMs: 1_000 },
  ],
};

let fake: FakeBulwark;
let stopFeed: () => void = () => undefined;
let rendered: Rendered | undefined;

async function startWith(answer: () => Promise<{ ok: true; value: BookWatch }>): Promise<void> {
  fake = createFakeBulwark({ 'market:watch-book': answer });
  installFakeBulwark(fake);
  await act(async () => {
    stopFeed = startBookFeed(bookStore);
    await Promise.resolve();
  });
}

beforeEach(() => {
  useSettingsStore.setState({ symbol: 'XBTUSDTM' });
  bookStore.setState(createBookStore().getState(), true);
  marketStore.setState({ ...createMarketStore().getState(), contracts: { XBTUSDTM: contract } }, true);
});

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  stopFeed();
  removeFakeBulwark();
});

const prices = (testId: string) =>
  [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)].map((row) => row.dataset.price);

/** Pushes from main, then the pane clock's run in which the book feed applies them (at most one per interval). */
async function pushed(emit: () => void): Promise<void> {
  await act(async () => {
    emit();
    await new Promise((resolve) => setTimeout(resolve, paneIntervalMs + paneGraceMs));
    await new Promise((resolve) => {
      requestAnimationFrame(() => {
        resolve(undefined);
      });
    });
  });
}

describe('book panel', () => {
  it('shows the watched book best first around the spread, to the tick, and regroups at 10× the tick', async () => {
    await startWith(() => Promise.resolve({ ok: true, value: watch }));
    rendered = render(<BookPanel />);
    expect(fake.calls).toEqual([{ channel: 'market:watch-book', request: { symbol: 'XBTUSDTM' } }]);
    expect(prices('book-ask-row')).toEqual(['90001.0', '90001.1', '90001.9']);
    expect(prices('book-bid-row')).toEqual(['90000.9', '90000.1', '89999.9']);
    expect(byTestId('book-spread').textContent).toContain('0.1');
    const tenTimes = byTestId('book-panel').querySelector<HTMLInputElement>(
      'input[type="radio"][value="10"]',
    );
    if (tenTimes === null) throw new Error('no 10× grouping choice');
    click(tenTimes);
    // Bids round down, asks up: no bucket shows a better price than its orders.
    expect(prices('book-ask-row')).toEqual(['90001.0', '90002.0']);
    expect(prices('book-bid-row')).toEqual(['90000.0', '89999.0']);
    const bestAsks = document.querySelectorAll<HTMLElement>('[data-testid="book-ask-row"]');
    expect(bestAsks[1]?.textContent).toContain('13');
  });

  it('a click on a level hands its price to onPickPrice', async () => {
    await startWith(() => Promise.resolve({ ok: true, value: watch }));
    const picked = vi.fn();
    rendered = render(<BookPanel onPickPrice={picked} />);
    const bid = document.querySelector<HTMLElement>('[data-testid="book-bid-row"][data-price="90000.1"]');
    if (bid === null) throw new Error('no bid row at 90000.1');
    click(bid);
    expect(picked).toHaveBeenCalledWith('90000.1');
  });

  it('greys the book and the tape and says since when while the stream is down; a fresh push clears it', async () => {
    await startWith(() => Promise.resolve({ ok: true, value: watch }));
    rendered = render(
      <>
        <BookPanel />
        <TradesPanel />
      </>,
    );
    expect(hasTestId('book-stale')).toBe(false);
    const staleSinceMs = new Date(2026, 11, 4, 7, 15, 42).getTime();
    await pushed(() => {
      fake.emit('market:book-updated', { ...book, stale: true, staleSinceMs });
    });
    expect(byTestId('book-stale').textContent).toContain('stale since 07:15:42');
    expect(byTestId('book-panel').dataset.stale).toBe('true');
    expect(byTestId('trades-panel').dataset.stale).toBe('true');
    expect(prices('book-bid-row')).toHaveLength(3); // the last known levels stay, greyed
    await pushed(() => {
      fake.emit('market:book-updated', { ...book, stale: false });
    });
    expect(hasTestId('book-stale')).toBe(false);
    expect(byTestId('book-panel').dataset.stale).toBe('false');
  });

  it('says it is loading until the first answer, and that the book is empty when it is', async () => {
    let answer: (value: { ok: true; value: BookWatch }) => void = () => undefined;
    await startWith(() => new Promise((resolve) => (answer = resolve)));
    rendered = render(<BookPanel />);
    expect(byTestId('book-panel').textContent).toContain('Loading the order book');
    await act(async () => {
      answer({ ok: true, value: { book: { ...book, asks: [], bids: [] }, trades: [] } });
      await Promise.resolve();
    });
    expect(byTestId('book-panel').textContent).toContain('No orders rest in the book.');
  });
});

describe('trades panel', () => {
  it('lists trades newest first with the side in words, and follows pushes of the watched symbol only', async () => {
    await startWith(() => Promise.resolve({ ok: true, value: watch }));
    rendered = render(<TradesPanel />);
    const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="trade-row"]')];
    expect(rows().map((row) => row.dataset.tradeId)).toEqual(['t2', 't1']);
    expect(rows()[0]?.textContent).toContain('▲ Buy');
    expect(rows()[0]?.textContent).toContain('90001.0');
    expect(rows()[1]?.textContent).toContain('▼ Sell');
    await pushed(() => {
      fake.emit('market:trades-updated', { symbol: 'ETHUSDTM', trades: [] });
      fake.emit('market:trades-updated', {
        symbol: 'XBTUSDTM',
        trades: [
          { tradeId: 't3', price: '90002', sizeLots: 1, side: 'sell', timeMs: 3_000 },
          ...watch.trades,
        ],
      });
    });
    expect(rows().map((row) => row.dataset.tradeId)).toEqual(['t3', 't2', 't1']);
  });
});
