import { Profiler, act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { byTestId, hasTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { analysisStore, createAnalysisStore } from './analysis.store.ts';
import { snapshotOf } from './snapshots.test-helper.ts';
import { useEntryWarning } from './useAnalysis.ts';
import { EntryWarning, VerdictStrip } from './VerdictStrip.tsx';

let rendered: Rendered | undefined;
let fake: FakeBulwark;

beforeEach(() => {
  vi.useFakeTimers();
  analysisStore.setState(createAnalysisStore().getState(), true);
  fake = createFakeBulwark({ 'analysis:select-symbol': () => ({ ok: true, value: snapshotOf() }) });
  installFakeBulwark(fake);
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
  vi.useRealTimers();
});

const settle = () => act(() => vi.advanceTimersByTimeAsync(0));

describe('verdict strip', () => {
  it('shows each timeframe, the verdict with its confidence, and the side that would go against it', async () => {
    rendered = render(<VerdictStrip symbol="XBTUSDTM" />);
    await settle();
    expect(byTestId('verdict-tf-1h').textContent).toBe('1h ↓ \u22120.80');
    expect(byTestId('verdict-tf-1h').dataset.direction).toBe('down');
    expect(byTestId('verdict-tf-4h').textContent).toBe('4h not enough history (needs 34 bars of 4h, has 12)');
    expect(byTestId('verdict-value').textContent).toBe('Verdict \u22120.62');
    expect(byTestId('verdict-confidence').textContent).toBe('confidence 0.80 · led by 1h');
    expect(byTestId('entry-warning').textContent).toBe(
      'Entering long against the 1h downtrend, verdict \u22120.62',
    );
  });

  it('with a side, warns only that side', async () => {
    rendered = render(<VerdictStrip symbol="XBTUSDTM" side="sell" />);
    await settle();
    expect(hasTestId('verdict-value')).toBe(true);
    expect(hasTestId('entry-warning')).toBe(false);
  });

  it('renders again only when a shown text changes, not on every snapshot', async () => {
    let commits = 0;
    rendered = render(
      <Profiler
        id="strip"
        onRender={() => {
          commits += 1;
        }}
      >
        <VerdictStrip symbol="XBTUSDTM" />
      </Profiler>,
    );
    await settle();
    const afterLoad = commits;
    for (let i = 1; i <= 20; i += 1) {
      act(() => {
        fake.emit('analysis:snapshot-updated', snapshotOf({ at: snapshotOf().at + i }));
      });
    }
    expect(commits).toBe(afterLoad);
    act(() => {
      fake.emit(
        'analysis:snapshot-updated',
        snapshotOf({ at: snapshotOf().at + 99, verdict: { ...snapshotOf().verdict!, value: -0.7 } }),
      );
    });
    expect(commits).toBe(afterLoad + 1);
    expect(byTestId('verdict-value').textContent).toBe('Verdict \u22120.70');
  });

  it('says when the engine has no analysis to give', async () => {
    fake = createFakeBulwark({
      'analysis:select-symbol': () => ({
        ok: false,
        error: { name: 'ValidationError', code: 'x', message: 'symbol refused', details: {} },
      }),
    });
    installFakeBulwark(fake);
    rendered = render(<VerdictStrip symbol="XBTUSDTM" />);
    await settle();
    expect(byTestId('verdict-unavailable').textContent).toBe('No analysis from the engine: symbol refused');
  });
});

function WarningProbe(props: { readonly side: 'buy' | 'sell' }): React.JSX.Element {
  const warning = useEntryWarning('XBTUSDTM', props.side);
  return <span data-testid="probe">{warning ?? 'none'}</span>;
}

describe('entry warning', () => {
  it('useEntryWarning gives the sentence for the side against the verdict, undefined for the other', async () => {
    rendered = render(
      <>
        <WarningProbe side="buy" />
        <EntryWarning symbol="XBTUSDTM" side="sell" />
      </>,
    );
    await settle();
    expect(byTestId('probe').textContent).toBe('Entering long against the 1h downtrend, verdict \u22120.62');
    expect(hasTestId('entry-warning')).toBe(false);
    expect(fake.calls.every((c) => (c.request as { symbol: string }).symbol === 'XBTUSDTM')).toBe(true);
  });
});
