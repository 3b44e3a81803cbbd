import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  SettingField,
  SettingsUpdateResult,
  SettingsView,
} from '../../../../../shared/ipc/channels/settings.ts';
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
  hasTestId,
  inputByTestId,
  render,
  typeInto,
  type Rendered,
} from '../../../test/render.test-helper.tsx';
import { RiskPage } from '../risk/RiskPage.tsx';
import { AdvancedPage } from '../advanced/AdvancedPage.tsx';
import { settingTestId } from './SettingInput.tsx';

const leverage: SettingField = {
  path: 'trading.risk.userMaxLeverage',
  value: 20,
  defaultValue: 20,
  applies: 'now',
  range: { kind: 'integer', minimum: 1, maximum: 125 },
};
const riskPct: SettingField = {
  path: 'trading.risk.maxRiskPerTradePct',
  value: 2,
  defaultValue: 2,
  applies: 'now',
  range: { kind: 'number', minimum: 0, maximum: 100, exclusiveMinimum: true },
};
const dailyLoss: SettingField = {
  path: 'trading.state.dailyLossLimitUsdt',
  value: '500',
  defaultValue: '500',
  applies: 'now',
  range: { kind: 'decimal', minimum: 0 },
};
const cooldown: SettingField = {
  path: 'exchange.breaker.breakerCooldownMs',
  value: 60_000,
  defaultValue: 60_000,
  applies: 'restart',
  range: { kind: 'integer', minimum: 0, exclusiveMinimum: true },
};
const view = (fields: SettingField[]): SettingsView => ({ fields });
const refusedLeverage =
  'Setting "trading.risk.userMaxLeverage" = 500 is not allowed: Too big: expected number to be <=125. Allowed: a whole number from 1 to 125. Nothing was saved.';

async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('Settings forms', () => {
  let rendered: Rendered | undefined;
  let fake: FakeBulwark;
  afterEach(() => {
    rendered?.unmount();
    removeFakeBulwark();
  });

  async function open(
    page: React.ReactNode,
    handlers: Parameters<typeof createFakeBulwark>[0],
  ): Promise<void> {
    fake = createFakeBulwark(handlers);
    installFakeBulwark(fake);
    rendered = render(page);
    await flush();
  }

  it('shows each limit with its unit, what main allows and its default', async () => {
    await open(<RiskPage />, {
      'settings:get': () => ({ ok: true, value: view([leverage, riskPct, dailyLoss]) }),
    });
    const field = byTestId('settings-form-risk').textContent;
    expect(field).toContain('Max leverage cap (×)');
    expect(field).toContain('Allowed: whole number ≥ 1 and ≤ 125 ×.');
    expect(field).toContain('Default 20.');
    expect(field).toContain('Allowed: > 0 and ≤ 100 % of equity.');
    expect(inputByTestId(settingTestId('trading.risk.userMaxLeverage')).value).toBe('20');
  });

  it("sends only what changed, shows main's refusal under the field, keeps the typed value and says nothing was saved", async () => {
    await open(<RiskPage />, {
      'settings:get': () => ({ ok: true, value: view([leverage, riskPct]) }),
      'settings:update': () =>
        failure({
          name: 'ConfigError',
          code: 'settings-invalid',
          message: refusedLeverage,
          details: {
            issues: [
              {
                path: leverage.path,
                value: 500,
                allowed: 'a whole number from 1 to 125',
                message: refusedLeverage,
              },
            ],
          },
        }),
    });
    typeInto(inputByTestId(settingTestId(leverage.path)), '500');
    click(byTestId('settings-save-risk'));
    await flush();
    expect(fake.calls.at(-1)).toEqual({
      channel: 'settings:update',
      request: { changes: { [leverage.path]: 500 } },
    });
    expect(byTestId('settings-form-risk').textContent).toContain(refusedLeverage);
    expect(byTestId('settings-refused-risk').textContent).toContain('Nothing was saved');
    expect(inputByTestId(settingTestId(leverage.path)).value).toBe('500');
    expect(hasTestId('settings-saved-risk')).toBe(false);
  });

  it('sends text that is not a number as typed, so main names what is wrong; an empty field as null', async () => {
    await open(<RiskPage />, {
      'settings:get': () => ({ ok: true, value: view([leverage, riskPct]) }),
      'settings:update': () =>
        failure({
          name: 'ConfigError',
          code: 'settings-invalid',
          message: 'refused',
          details: { issues: [] },
        }),
    });
    typeInto(inputByTestId(settingTestId(leverage.path)), '12x');
    typeInto(inputByTestId(settingTestId(riskPct.path)), '');
    click(byTestId('settings-save-risk'));
    await flush();
    expect(fake.calls.at(-1)?.request).toEqual({ changes: { [leverage.path]: '12x', [riskPct.path]: null } });
    expect(byTestId('settings-save-error-risk').textContent).toContain('refused');
  });

  it("a saved value shows main's answer: in force now, and the form holds the saved value", async () => {
    const saved: SettingsUpdateResult = {
      changes: [{ path: leverage.path, oldValue: 20, newValue: 3, applies: 'now' }],
      restartNeeded: false,
      view: view([{ ...leverage, value: 3 }, riskPct]),
    };
    await open(<RiskPage />, {
      'settings:get': () => ({ ok: true, value: view([leverage, riskPct]) }),
      'settings:update': () => ({ ok: true, value: saved }),
    });
    typeInto(inputByTestId(settingTestId(leverage.path)), '3');
    click(byTestId('settings-save-risk'));
    await flush();
    expect(byTestId('settings-saved-risk').textContent).toContain('In force now');
    expect(inputByTestId(settingTestId(leverage.path)).value).toBe('3');
    expect((byTestId('settings-save-risk') as HTMLButtonElement).disabled).toBe(true);
  });

  it('advanced numbers sit under a fold and say a saved change needs a restart', async () => {
    const saved: SettingsUpdateResult = {
      changes: [{ path: cooldown.path, oldValue: 60_000, newValue: 30_000, applies: 'restart' }],
      restartNeeded: true,
      view: view([{ ...cooldown, value: 30_000 }]),
    };
    await open(<AdvancedPage />, {
      'settings:get': () => ({ ok: true, value: view([cooldown]) }),
      'settings:update': () => ({ ok: true, value: saved }),
    });
    click(byTestId('settings-advanced-toggle'));
    await flush();
    expect(byTestId('settings-form-breaker').textContent).toContain('Takes effect after a restart.');
    typeInto(inputByTestId(settingTestId(cooldown.path)), '30000');
    click(byTestId('settings-save-breaker'));
    await flush();
    expect(byTestId('settings-saved-breaker').dataset.restart).toBe('true');
    expect(byTestId('settings-saved-breaker').textContent).toContain(
      'Restart Bulwark for these to take effect: Breaker cool-down before a probe',
    );
  });
});
