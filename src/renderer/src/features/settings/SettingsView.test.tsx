import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { byTestId, click, hasTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { SettingsView } from './SettingsView.tsx';

async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('SettingsView', () => {
  let rendered: Rendered | undefined;
  afterEach(() => {
    rendered?.unmount();
    removeFakeBulwark();
  });

  it("offers every page and mounts one at a time, each reading main's values when shown", async () => {
    const fake = createFakeBulwark({
      'secrets:get-connection': () => ({
        ok: false,
        error: { code: 'x', message: 'not needed here', details: {} },
      }),
      'settings:get': () => ({
        ok: true,
        value: {
          fields: [
            {
              path: 'venue.startingBalanceUsdt',
              value: '10000',
              defaultValue: '10000',
              applies: 'restart',
              range: { kind: 'decimal', minimum: 0 },
            },
          ],
        },
      }),
    });
    installFakeBulwark(fake);
    rendered = render(<SettingsView />);
    await flush();
    for (const tab of ['connection', 'risk', 'protection', 'alerts', 'paper', 'advanced'])
      expect(hasTestId(`settings-tab-${tab}`)).toBe(true);
    expect(hasTestId('settings-paper-page')).toBe(false);
    click(byTestId('settings-tab-paper'));
    // The page loads on first open; wait for it as the trader would.
    for (let i = 0; i < 50 && !hasTestId('settings-form-paper'); i += 1) await flush();
    expect(byTestId('settings-form-paper').textContent).toContain('Starting balance (USDT)');
    expect(byTestId('settings-form-paper').textContent).toContain('Takes effect after a restart.');
    expect(hasTestId('paper-reset-slot')).toBe(true);
    expect(fake.calls.filter((c) => c.channel === 'settings:get')).toHaveLength(1);
  });
});
