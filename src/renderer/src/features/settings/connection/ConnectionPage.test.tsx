import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, KeyVerdict, ProfileStatus } from '../../../../../shared/ipc/channels/secrets.ts';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
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
import { ConnectionPage } from './ConnectionPage.tsx';

const typed = {
  apiKey: '6650aa11bb22cc33dd44ee55',
  apiSecret: 'f3c1a9e2-7b44-4d1e-9a0c-5b6e7d8f9a01',
  passphrase: 'bulwark-test-passphrase-A7',
};
const absent = (profile: 'live' | 'paper'): ProfileStatus => ({
  profile,
  state: 'absent',
  keyLast4: '',
  permissions: [],
  ipWhitelist: [],
  warnings: [],
});
const verified: ProfileStatus = {
  profile: 'live',
  state: 'verified',
  keyLast4: 'ee55',
  keyVersion: '3',
  permissions: ['General', 'Futures'],
  ipWhitelist: [],
  warnings: [],
  verifiedAt: 1,
};
const connection = (live: ProfileStatus): Connection => ({
  mode: 'paper',
  liveHost: 'https://api-futures.kucoin.com',
  live,
  paper: absent('paper'),
});

async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function fillForm(): void {
  typeInto(inputByTestId('key-input'), typed.apiKey);
  typeInto(inputByTestId('secret-input'), typed.apiSecret);
  typeInto(inputByTestId('passphrase-input'), typed.passphrase);
}

describe('ConnectionPage', () => {
  let rendered: Rendered | undefined;
  let fake: FakeBulwark;
  afterEach(() => {
    rendered?.unmount();
    removeFakeBulwark();
  });

  async function open(handlers: Parameters<typeof createFakeBulwark>[0]): Promise<void> {
    fake = createFakeBulwark(handlers);
    installFakeBulwark(fake);
    rendered = render(<ConnectionPage />);
    await flush();
  }

  it('verifies without saving and shows which part KuCoin refused', async () => {
    const refused: KeyVerdict = {
      accepted: false,
      keyLast4: 'ee55',
      reason: 'passphrase',
      message: 'KuCoin refused the API passphrase for this key.',
      exchangeCode: '400004',
    };
    await open({
      'secrets:get-connection': () => ({ ok: true, value: connection(absent('live')) }),
      'secrets:verify-key': () => ({ ok: true, value: refused }),
    });
    fillForm();
    click(byTestId('verify-key'));
    await flush();
    expect(byTestId('verdict-refused').dataset.reason).toBe('passphrase');
    expect(byTestId('verdict-refused').textContent).toContain('KuCoin refused the API passphrase');
    expect(fake.calls.map((c) => c.channel)).toEqual(['secrets:get-connection', 'secrets:verify-key']);
    expect(fake.calls[1]?.request).toEqual({ ...typed, keyVersion: '3' });
  });

  it('saves, clears the typed secrets and then shows only the last four characters', async () => {
    let saved = false;
    await open({
      'secrets:get-connection': () => ({ ok: true, value: connection(saved ? verified : absent('live')) }),
      'secrets:save-key': () => {
        saved = true;
        return { ok: true, value: verified };
      },
    });
    fillForm();
    click(byTestId('save-key'));
    await flush();
    expect(byTestId('profile-live').dataset.state).toBe('verified');
    expect(byTestId('profile-live-key').textContent).toContain('••••ee55');
    const page = byTestId('connection-page');
    for (const secret of Object.values(typed)) expect(page.innerHTML).not.toContain(secret);
    // The rotate form is empty: stored values are never put back into inputs.
    expect(inputByTestId('secret-input').value).toBe('');
    expect(inputByTestId('secret-input').type).toBe('password');
    expect(inputByTestId('passphrase-input').type).toBe('password');
  });

  it('shows a loud warning for a key that can move funds', async () => {
    const risky: KeyVerdict = {
      accepted: true,
      keyLast4: 'ee55',
      permissions: ['General', 'Futures', 'Transfer'],
      ipWhitelist: [],
      warnings: ['WARNING: this key can move funds out of your account (Transfer).'],
    };
    await open({
      'secrets:get-connection': () => ({ ok: true, value: connection(absent('live')) }),
      'secrets:verify-key': () => ({ ok: true, value: risky }),
    });
    fillForm();
    click(byTestId('verify-key'));
    await flush();
    expect(byTestId('key-warning').textContent).toContain('can move funds');
  });

  it('deletes only the key it shows, after confirmation', async () => {
    await open({
      'secrets:get-connection': () => ({ ok: true, value: connection(verified) }),
      'secrets:delete-key': () => ({ ok: true, value: absent('live') }),
    });
    click(byTestId('delete-key'));
    click(byTestId('delete-key-confirm'));
    await flush();
    expect(fake.calls.find((c) => c.channel === 'secrets:delete-key')?.request).toEqual({ keyLast4: 'ee55' });
  });

  it('shows the keychain error with its remedy when main cannot read the keychain', async () => {
    await open({
      'secrets:get-connection': () => ({
        ok: false,
        error: {
          name: 'SecretStoreError',
          code: 'keychain-locked',
          message:
            'Bulwark could not read the API key because the Secret Service is locked. Install and unlock gnome-keyring.',
          details: {},
        },
      }),
    });
    expect(byTestId('connection-error').textContent).toContain('unlock gnome-keyring');
    expect(hasTestId('key-form-save')).toBe(false);
  });
});
