import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
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
import { PerContractLimits } from './PerContractLimits.tsx';

const field = (value: unknown) => ({
  fields: [
    {
      path: 'trading.risk.perContractLimits',
      value,
      defaultValue: {},
      applies: 'now',
      range: { kind: 'map' },
    },
  ],
});

async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('per-contract limits', () => {
  let rendered: Rendered | undefined;
  let fake: FakeBulwark;
  afterEach(() => {
    rendered?.unmount();
    removeFakeBulwark();
  });

  it('sends the whole table: an edited row as numbers and text, a removed row left out', async () => {
    fake = createFakeBulwark({
      'settings:get': () => ({
        ok: true,
        value: field({
          ETHUSDTM: { maxPositionLots: 500, maxPositionNotionalUsdt: '20000' },
          XBTUSDTM: { maxPositionLots: 50, maxPositionNotionalUsdt: '10000' },
        }),
      }),
      'settings:update': () => ({
        ok: true,
        value: {
          changes: [],
          restartNeeded: false,
          view: field({ ETHUSDTM: { maxPositionLots: 400, maxPositionNotionalUsdt: '20000' } }),
        },
      }),
    });
    installFakeBulwark(fake);
    rendered = render(<PerContractLimits />);
    await flush();
    typeInto(inputByTestId('per-contract-0-lots'), '400');
    click(byTestId('per-contract-1').querySelector('button') as HTMLElement);
    click(byTestId('per-contract-save'));
    await flush();
    expect(fake.calls.at(-1)?.request).toEqual({
      changes: {
        'trading.risk.perContractLimits': {
          ETHUSDTM: { maxPositionLots: 400, maxPositionNotionalUsdt: '20000' },
        },
      },
    });
    expect(byTestId('per-contract-saved').textContent).toContain('in force now');
  });

  it("shows main's refusal and keeps the rows as typed", async () => {
    const message =
      '"trading.risk.perContractLimits" = … is not allowed: Too small (at ETHUSDTM.maxPositionLots). Nothing was saved.';
    fake = createFakeBulwark({
      'settings:get': () => ({ ok: true, value: field({}) }),
      'settings:update': () =>
        failure({
          name: 'ConfigError',
          code: 'settings-invalid',
          message,
          details: {
            issues: [{ path: 'trading.risk.perContractLimits', value: {}, allowed: 'a table', message }],
          },
        }),
    });
    installFakeBulwark(fake);
    rendered = render(<PerContractLimits />);
    await flush();
    click(byTestId('per-contract-add'));
    typeInto(inputByTestId('per-contract-0-symbol'), 'ethusdtm');
    typeInto(inputByTestId('per-contract-0-lots'), '-1');
    click(byTestId('per-contract-save'));
    await flush();
    expect(fake.calls.at(-1)?.request).toEqual({
      changes: {
        'trading.risk.perContractLimits': { ETHUSDTM: { maxPositionLots: -1, maxPositionNotionalUsdt: '' } },
      },
    });
    expect(byTestId('per-contract-error').textContent).toBe(message);
    expect(inputByTestId('per-contract-0-lots').value).toBe('-1');
  });
});
