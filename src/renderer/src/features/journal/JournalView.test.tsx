import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import {
  byTestId,
  click,
  hasTestId,
  inputByTestId,
  render,
  typeInto,
  type Rendered,
} from '../../test/render.test-helper.tsx';
import { journalPageSize, type JournalEntry } from './journal-query.ts';
import { JournalView } from './JournalView.tsx';

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const oid = 'bwk-entry-0001';
const entries: JournalEntry[] = [
  {
    seq: 3,
    at: 3,
    kind: 'fill',
    symbol: 'XBTUSDTM',
    clientOid: oid,
    data: { side: 'buy', sizeLots: 5, price: '90000', fee: '0.3', liquidity: 'taker', tradeType: 'trade' },
  },
  {
    seq: 2,
    at: 2,
    kind: 'order',
    symbol: 'XBTUSDTM',
    clientOid: oid,
    data: { status: 'FILLED', filledLots: 5, reason: null },
  },
  {
    seq: 1,
    at: 1,
    kind: 'order',
    symbol: 'XBTUSDTM',
    clientOid: oid,
    data: { status: 'NEW', request: { side: 'buy', size: 5 } },
  },
];

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
});

function journalFake(
  answer: (request: { limit: number; kind?: string; clientOid?: string }) => JournalEntry[],
): FakeBulwark {
  const fake = createFakeBulwark({
    'trading:query-journal': (request) => ({ ok: true, value: answer(request as { limit: number }) }),
  });
  installFakeBulwark(fake);
  return fake;
}

describe('JournalView', () => {
  it('shows entries newest first and opens one order history from its clientOid', async () => {
    const fake = journalFake((request) =>
      entries.filter((e) => request.clientOid === undefined || e.clientOid === request.clientOid),
    );
    rendered = render(<JournalView />);
    await settle();
    const rows = [...byTestId('journal-table').querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.getAttribute('data-kind'))).toEqual(['fill', 'order', 'order']);
    expect(rows[0]?.textContent).toContain('buy 5 lots @ 90000');
    click(rows[1]?.querySelector('button') as HTMLElement);
    await settle();
    expect(byTestId('journal-order-filter').textContent).toContain(oid);
    expect(fake.calls.at(-1)?.request).toEqual({ limit: journalPageSize + 1, clientOid: oid });
  });

  it('sends the symbol filter, refuses a malformed one without asking, and pages older entries', async () => {
    const many = Array.from({ length: 120 }, (_, i): JournalEntry => ({
      seq: i + 1,
      at: i + 1,
      kind: 'alert',
      data: { severity: 'info', code: `c${i + 1}`, message: 'm' },
    }));
    const fake = journalFake((request) => [...many].reverse().slice(0, request.limit));
    rendered = render(<JournalView />);
    await settle();
    expect(byTestId('journal-table').querySelectorAll('tbody tr')).toHaveLength(journalPageSize);
    click(byTestId('journal-older'));
    await settle();
    expect(byTestId('journal-page').textContent).toBe('Page 2');
    expect(byTestId('journal-table').querySelector('tbody tr')?.getAttribute('data-testid')).toBe(
      'journal-row-70',
    );
    const asked = fake.calls.length;
    typeInto(inputByTestId('journal-symbol'), 'XBT');
    await settle();
    expect(fake.calls).toHaveLength(asked);
    expect(byTestId('empty-state').textContent).toContain('XBTUSDTM');
    typeInto(inputByTestId('journal-symbol'), 'xbtusdtm');
    await settle();
    expect(fake.calls.at(-1)?.request).toEqual({ limit: journalPageSize + 1, symbol: 'XBTUSDTM' });
    expect(byTestId('journal-page').textContent).toBe('Page 1');
  });

  it('says honestly when the journal is empty or cannot be read', async () => {
    journalFake(() => []);
    rendered = render(<JournalView />);
    await settle();
    expect(byTestId('empty-state').textContent).toContain('The journal is empty');
    expect(hasTestId('journal-table')).toBe(false);
    rendered.unmount();
    installFakeBulwark(
      createFakeBulwark({
        'trading:query-journal': () =>
          failure({
            name: 'TradingError',
            code: 'journal-closed',
            message: 'the journal is closed',
            details: {},
          }),
      }),
    );
    rendered = render(<JournalView />);
    await settle();
    expect(byTestId('empty-state').textContent).toContain('the journal is closed');
  });
});
