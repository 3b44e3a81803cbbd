import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertSettingsView, ChannelView } from '../../../../../shared/ipc/channels/alerts.ts';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../../bridge/fake-bulwark.test-helper.ts';
import {
  byTestId,
  click,
  inputByTestId,
  render,
  typeInto,
  type Rendered,
} from '../../../test/render.test-helper.tsx';
import { AlertChannelsPage } from './AlertChannelsPage.tsx';

const token = '123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ';
const noSecret = { required: true, present: false, last4: '', label: 'Bot token' };
const telegram = (present: boolean): ChannelView => ({
  channel: 'telegram',
  settings: { enabled: false, chatId: '', apiBaseUrl: 'https://api.telegram.org' },
  secret: present ? { ...noSecret, present: true, last4: 'OpQQ'.slice(-4) } : noSecret,
});
const settings = (channel: ChannelView): AlertSettingsView => ({
  channels: [
    {
      channel: 'desktop',
      settings: { enabled: true },
      secret: { required: false, present: false, last4: '', label: '' },
    },
    channel,
  ],
  rules: [{ severity: 'critical', channels: ['desktop', 'telegram'] }],
  escalateAfterMs: 120_000,
  escalationChannel: 'sms',
});

async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('Settings → Alerts', () => {
  let rendered: Rendered | undefined;
  let fake: FakeBulwark;
  afterEach(() => {
    rendered?.unmount();
    removeFakeBulwark();
  });

  async function open(handlers: Parameters<typeof createFakeBulwark>[0]): Promise<void> {
    fake = createFakeBulwark({ 'settings:get': () => ({ ok: true, value: { fields: [] } }), ...handlers });
    installFakeBulwark(fake);
    rendered = render(<AlertChannelsPage />);
    await flush();
  }

  it('hands a secret to main, clears the input and shows only that it is stored and its last four', async () => {
    await open({
      'alerts:get-settings': () => ({ ok: true, value: settings(telegram(false)) }),
      'alerts:set-channel-secret': () => ({ ok: true, value: telegram(true) }),
    });
    const input = inputByTestId('alert-secret-input-telegram');
    expect(input.type).toBe('password');
    typeInto(input, token);
    click(byTestId('alert-secret-save-telegram'));
    await flush();
    expect(fake.calls.at(-1)).toEqual({
      channel: 'alerts:set-channel-secret',
      request: { channel: 'telegram', secret: token },
    });
    expect(inputByTestId('alert-secret-input-telegram').value).toBe('');
    expect(byTestId('alert-secret-status-telegram').textContent).toContain(
      'stored in the keychain (••••OpQQ)',
    );
    expect(byTestId('settings-alerts-page').innerHTML).not.toContain(token);
  });

  it("shows the channel's own refusal under its field and says nothing was saved", async () => {
    const message = 'Enter the chat id before turning Telegram alerts on.';
    await open({
      'alerts:get-settings': () => ({ ok: true, value: settings(telegram(true)) }),
      'alerts:update-channel': () =>
        failure({
          name: 'ValidationError',
          code: 'channel-settings-invalid',
          message,
          details: { issues: [{ path: 'settings.chatId', message }] },
        }),
    });
    click(inputByTestId('alert-telegram-enabled'));
    click(byTestId('alert-save-telegram'));
    await flush();
    expect(fake.calls.at(-1)).toEqual({
      channel: 'alerts:update-channel',
      request: {
        channel: 'telegram',
        settings: { enabled: true, chatId: '', apiBaseUrl: 'https://api.telegram.org' },
      },
    });
    expect(byTestId('alert-channel-telegram').textContent).toContain(message);
    expect(byTestId('alert-notice-telegram').textContent).toBe('Nothing was saved.');
  });

  it('the test button sends a real test and says exactly why it failed', async () => {
    await open({
      'alerts:get-settings': () => ({ ok: true, value: settings(telegram(true)) }),
      'alerts:test-channel': () => ({
        ok: true,
        value: {
          channel: 'telegram',
          delivered: false,
          durationMs: 412,
          code: 'telegram-401',
          reason: 'Telegram refused the bot token (401 Unauthorized)',
        },
      }),
    });
    click(byTestId('alert-test-telegram'));
    await flush();
    expect(byTestId('alert-test-result-telegram').dataset.delivered).toBe('false');
    expect(byTestId('alert-test-result-telegram').textContent).toContain(
      'Telegram refused the bot token (401 Unauthorized) (telegram-401)',
    );
  });

  it("routing rules are saved through settings:update as main's list", async () => {
    await open({
      'alerts:get-settings': () => ({ ok: true, value: settings(telegram(true)) }),
      'settings:update': () => ({
        ok: true,
        value: { changes: [], restartNeeded: false, view: { fields: [] } },
      }),
    });
    click(byTestId('alert-routing-save'));
    await flush();
    expect(fake.calls.at(-1)).toEqual({
      channel: 'settings:update',
      request: { changes: { 'alerts.rules': [{ severity: 'critical', channels: ['desktop', 'telegram'] }] } },
    });
    expect(byTestId('alert-routing-saved').textContent).toContain('Routing saved');
  });
});
