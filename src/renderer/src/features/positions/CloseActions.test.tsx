import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { positionOf } from '../../test/fixtures.test-helper.ts';
import { byTestId, click, render, type Rendered } from '../../test/render.test-helper.tsx';
import { CloseActions, halfOf } from './CloseActions.tsx';

const position = (sizeLots: number) => positionOf({ sizeLots });

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
});

describe('closing half a position', () => {
  it('halves in whole lots, rounding down', () => {
    expect([halfOf(5), halfOf(4), halfOf(1)]).toEqual([2, 2, 0]);
  });

  it('asks first, then sends a close of half the lots; a single lot cannot be halved', async () => {
    const fake = createFakeBulwark({
      'trading:close-position': () => ({ ok: true, value: { clientOid: 'bw-9', status: 'SUBMITTED' } }),
    });
    installFakeBulwark(fake);
    rendered = render(<CloseActions position={position(5)} />);
    click(byTestId('close-half-XBTUSDTM'));
    expect(fake.calls).toHaveLength(0);
    expect(byTestId('close-half-XBTUSDTM-confirm').textContent).toBe('Close 2 lots at market');
    await act(async () => {
      click(byTestId('close-half-XBTUSDTM-confirm'));
      await Promise.resolve();
    });
    expect(fake.calls).toEqual([
      { channel: 'trading:close-position', request: { symbol: 'XBTUSDTM', sizeLots: 2 } },
    ]);
    rendered.unmount();
    rendered = render(<CloseActions position={position(1)} />);
    expect(byTestId('close-half-XBTUSDTM').hasAttribute('disabled')).toBe(true);
  });
});
