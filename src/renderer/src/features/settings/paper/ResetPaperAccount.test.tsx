import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
} from '../../../bridge/fake-bulwark.test-helper.ts';
import {
  byTestId,
  click,
  hasTestId,
  inputByTestId,
  render,
  typeInto,
  type Rendered,
} from '../../../test/render.test-helper.tsx';
import { ResetPaperAccount } from './ResetPaperAccount.tsx';

async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function confirmButton(): HTMLElement {
  const button = document.querySelector<HTMLElement>('[data-testid="paper-reset-button-confirm"]');
  if (button === null) throw new Error('the confirmation dialog is not open');
  return button;
}

describe('Reset paper account', () => {
  let rendered: Rendered | undefined;
  afterEach(() => {
    rendered?.unmount();
    removeFakeBulwark();
  });

  it('asks before it resets, sends the balance typed, and says what the new account holds', async () => {
    const fake = createFakeBulwark({
      'paper:reset-account': () => ({ ok: true, value: { balanceUsdt: '2500', resetAt: 1 } }),
    });
    installFakeBulwark(fake);
    rendered = render(<ResetPaperAccount />);
    typeInto(inputByTestId('paper-reset-balance'), '2500');
    click(byTestId('paper-reset-button'));
    await flush();
    expect(fake.calls.filter((c) => c.channel === 'paper:reset-account')).toHaveLength(0);
    click(confirmButton());
    await flush();
    expect(fake.calls.find((c) => c.channel === 'paper:reset-account')?.request).toEqual({
      startingBalanceUsdt: '2500',
    });
    expect(byTestId('paper-reset-done').textContent).toContain('2500 USDT');
  });

  it("shows main's refusal in the dialog, which stays open, and resets nothing", async () => {
    const fake = createFakeBulwark({
      'paper:reset-account': () =>
        failure({
          code: 'paper-account-not-flat',
          message: 'The paper account was not reset: it still holds a position in XBTUSDTM.',
          details: {},
          name: 'ValidationError',
        }),
    });
    installFakeBulwark(fake);
    rendered = render(<ResetPaperAccount />);
    click(byTestId('paper-reset-button'));
    await flush();
    click(confirmButton());
    await flush();
    expect(document.body.textContent).toContain('still holds a position in XBTUSDTM');
    expect(confirmButton()).toBeDefined();
    expect(hasTestId('paper-reset-done')).toBe(false);
  });

  it('will not offer a reset to a balance that is not an amount', () => {
    installFakeBulwark(createFakeBulwark({}));
    rendered = render(<ResetPaperAccount />);
    typeInto(inputByTestId('paper-reset-balance'), 'lots');
    expect(byTestId('paper-reset-button').hasAttribute('disabled')).toBe(true);
    expect(document.body.textContent).toContain('A USDT amount');
  });
});
