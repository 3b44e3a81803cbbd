import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { byTestId, click, render, type Rendered } from '../../test/render.test-helper.tsx';
import { MarginModeField } from './MarginModeField.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
});

const flush = () =>
  act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });

const optionOf = (value: string): HTMLElement => {
  const input = byTestId('ticket-margin-mode').querySelector<HTMLElement>(`input[value="${value}"]`);
  if (input === null) throw new Error(`no ${value} option`);
  return input;
};

describe("the ticket's margin mode", () => {
  it("shows the exchange's mode and changes it while the contract is flat", async () => {
    const fake = createFakeBulwark({
      'trading:get-margin-mode': () => ({
        ok: true,
        value: { symbol: 'XBTUSDTM', marginMode: 'ISOLATED', changeable: true },
      }),
      'trading:set-margin-mode': () => ({
        ok: true,
        value: { symbol: 'XBTUSDTM', marginMode: 'CROSS', changeable: true },
      }),
    });
    installFakeBulwark(fake);
    rendered = render(<MarginModeField symbol="XBTUSDTM" />);
    await flush();
    expect((optionOf('ISOLATED') as HTMLInputElement).checked).toBe(true);
    click(optionOf('CROSS'));
    await flush();
    expect(fake.calls.at(-1)).toEqual({
      channel: 'trading:set-margin-mode',
      request: { symbol: 'XBTUSDTM', marginMode: 'CROSS' },
    });
    expect((optionOf('CROSS') as HTMLInputElement).checked).toBe(true);
  });

  it('cannot change while a position is open, and says why', async () => {
    installFakeBulwark(
      createFakeBulwark({
        'trading:get-margin-mode': () => ({
          ok: true,
          value: {
            symbol: 'XBTUSDTM',
            marginMode: 'ISOLATED',
            changeable: false,
            reason: 'a XBTUSDTM position is open',
          },
        }),
      }),
    );
    rendered = render(<MarginModeField symbol="XBTUSDTM" />);
    await flush();
    expect(optionOf('CROSS').hasAttribute('disabled')).toBe(true);
    expect(byTestId('ticket-margin-mode-note').textContent).toBe('a XBTUSDTM position is open');
  });
});
