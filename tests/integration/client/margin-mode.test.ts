// KuCoin's margin-mode refusals reach the trader as what to do, not as a bare code (error-map.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderRejectedError, ValidationError } from '../../../src/shared/errors.ts';
import { rejectionOf, startRig, type ClientRig } from './harness.ts';

let rig: ClientRig;

beforeAll(async () => {
  rig = await startRig({ startClient: false });
  await rig.client.timeSync.sync();
});
afterAll(async () => {
  await rig.stop();
});

describe('margin mode refusals', () => {
  it('an order in the other margin mode while the symbol has a position → margin-mode-mismatch; changing the mode then → margin-mode-locked', async () => {
    const { rest } = rig.client;
    await rest.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'market',
      size: 1,
      leverage: 3,
      marginMode: 'ISOLATED',
    });

    const mismatch = await rejectionOf(
      rest.placeOrder({
        symbol: 'XBTUSDTM',
        side: 'buy',
        type: 'market',
        size: 1,
        leverage: 3,
        marginMode: 'CROSS',
      }),
    );
    expect(mismatch).toBeInstanceOf(OrderRejectedError);
    expect(mismatch).toMatchObject({ code: 'margin-mode-mismatch', details: { kucoinCode: '330005' } });
    expect((mismatch as OrderRejectedError).message).toMatch(/no position and no open order/);

    const locked = await rejectionOf(rest.changeMarginMode('XBTUSDTM', 'CROSS'));
    expect(locked).toBeInstanceOf(ValidationError);
    expect(locked).toMatchObject({ code: 'margin-mode-locked', details: { kucoinCode: '50002' } });
    expect(await rest.getMarginMode('XBTUSDTM')).toMatchObject({ marginMode: 'ISOLATED' });

    await rest.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'sell',
      type: 'market',
      size: 1,
      leverage: 3,
      closeOrder: true,
    });
    await expect(rest.changeMarginMode('XBTUSDTM', 'CROSS')).resolves.toEqual({
      symbol: 'XBTUSDTM',
      marginMode: 'CROSS',
    });
  });
});
