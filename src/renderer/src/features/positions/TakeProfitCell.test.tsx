import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import * as actions from '../../stores/trading.actions.ts';
import { createTradingStore, tradingStore } from '../../stores/trading.store.ts';
import { positionOf } from '../../test/fixtures.test-helper.ts';
import {
  byTestId,
  click,
  inputByTestId,
  render,
  typeInto,
  type Rendered,
} from '../../test/render.test-helper.tsx';
import { PositionsView } from './PositionsView.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
});

function show(takeProfits?: { stopPrice: string; sizeLots: number }[]): FakeBulwark {
  const fake = createFakeBulwark({
    'trading:set-take-profit': (request) => ({
      ok: true,
      value: { symbol: 'XBTUSDTM', takeProfitPrice: (request as { price?: string }).price ?? null },
    }),
  });
  installFakeBulwark(fake);
  const position = positionOf();
  tradingStore.setState(createTradingStore().getState(), true);
  actions.receivePositionsSnapshot(tradingStore, [
    {
      ...position,
      protection: { ...position.protection, ...(takeProfits === undefined ? {} : { takeProfits }) },
    },
  ]);
  rendered = render(<PositionsView />);
  return fake;
}

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('positions dock: the TP column', () => {
  it('shows none, and sets one from the popover once it is on the profit side', async () => {
    const fake = show();
    expect(byTestId('take-profit-XBTUSDTM').textContent).toBe('none');
    click(byTestId('take-profit-edit-XBTUSDTM'));
    typeInto(inputByTestId('take-profit-input-XBTUSDTM'), '90000');
    expect(document.body.textContent).toContain("A long's take-profit must be above the mark price (90100).");
    expect(byTestId('take-profit-confirm-XBTUSDTM').hasAttribute('disabled')).toBe(true);
    typeInto(inputByTestId('take-profit-input-XBTUSDTM'), '93000');
    click(byTestId('take-profit-confirm-XBTUSDTM'));
    await settle();
    expect(fake.calls).toEqual([
      { channel: 'trading:set-take-profit', request: { symbol: 'XBTUSDTM', price: '93000' } },
    ]);
  });

  it('shows the one at the exchange and removes it', async () => {
    const fake = show([{ stopPrice: '93000', sizeLots: 5 }]);
    expect(byTestId('take-profit-XBTUSDTM').textContent).toBe('93000');
    click(byTestId('take-profit-edit-XBTUSDTM'));
    expect(inputByTestId('take-profit-input-XBTUSDTM').value).toBe('93000');
    click(byTestId('take-profit-remove-XBTUSDTM'));
    await settle();
    expect(fake.calls).toEqual([{ channel: 'trading:set-take-profit', request: { symbol: 'XBTUSDTM' } }]);
  });
});
