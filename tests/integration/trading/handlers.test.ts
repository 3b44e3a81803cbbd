// The IPC handlers over the real service: every channel's request is parsed with its schema, the
// handler answers, and the answer parses with the channel's response schema (the contract holds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskRejectedError, ValidationError } from '../../../src/shared/errors.ts';
import { tradingChannels } from '../../../src/shared/ipc/channels/trading.ts';
import { createTradingHandlers, type TradingHandlers } from '../../../src/main/trading/handlers.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);
type Channel = keyof typeof tradingChannels;

describe('trading IPC handlers against the paper venue', () => {
  let venue: RunningVenue;
  let engine: Engine;
  let handlers: TradingHandlers;

  async function call(channel: Channel, raw: unknown): Promise<unknown> {
    const spec = tradingChannels[channel];
    const request = spec.request.parse(raw) as never;
    const response = await (handlers[channel] as (r: never) => Promise<unknown>)(request);
    return spec.response.parse(response);
  }

  beforeAll(async () => {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('handlers')}/journal.db`);
    handlers = createTradingHandlers(engine.service);
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  it('answers every channel with a value its response schema accepts', async () => {
    const ticket = { symbol, side: 'buy', type: 'market', sizeLots: '2', leverage: 5, stopPrice: '88000' };
    expect(await call('trading:preview-order', ticket)).toMatchObject({ verdict: 'allow' });
    expect(await call('trading:preview-order', { ...ticket, leverage: 50 })).toMatchObject({
      verdict: 'deny',
      denial: { ruleId: 'leverage' },
    });
    expect(await call('trading:place-order', ticket)).toMatchObject({ protection: 'attached' });
    await until('protected', () =>
      engine.service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 2),
    );
    expect(await call('trading:list-positions', undefined)).toMatchObject([
      { symbol, sizeLots: 2, protection: { status: 'PROTECTED' } },
    ]);
    expect(await call('trading:move-stop', { symbol, stopPrice: '88500' })).toMatchObject({
      symbol,
      stopPrice: '88500',
    });
    expect(await call('trading:set-take-profit', { symbol, price: '95000' })).toEqual({
      symbol,
      takeProfitPrice: '95000',
    });
    expect(await call('trading:set-take-profit', { symbol })).toEqual({ symbol, takeProfitPrice: null });
    expect(
      await call('trading:set-trailing', { symbol, trailing: { mode: 'percent', distance: '1.5' } }),
    ).toMatchObject({ trailing: { spec: { mode: 'percent' } } });
    expect(await call('trading:set-trailing', { symbol, trailing: null })).toEqual({
      symbol,
      trailing: null,
    });
    const resting = (await call('trading:place-order', {
      ...ticket,
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      stopPrice: '86000',
    })) as { clientOid: string };
    expect((await call('trading:list-orders', { scope: 'open' })) as { clientOid: string }[]).toContainEqual(
      expect.objectContaining({ clientOid: resting.clientOid }),
    );
    expect(await call('trading:cancel-order', { clientOid: resting.clientOid })).toMatchObject({
      status: 'CANCELLED',
    });
    expect(await call('trading:cancel-all', {})).toMatchObject({ cancelledCount: 0 });
    // Placements are journaled with their verdict (previews are not: they follow every keystroke).
    expect(await call('trading:query-journal', { kind: 'risk-decision', limit: 10 })).toHaveLength(2);
    expect(await call('trading:get-state', undefined)).toMatchObject({ state: 'ACTIVE', reconciled: true });
    const toAmend = (await call('trading:place-order', {
      ...ticket,
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      stopPrice: '86000',
    })) as { clientOid: string };
    await until('acknowledged', () => engine.journal.getOrder(toAmend.clientOid)?.status === 'ACKED');
    const amended = (await call('trading:amend-order', { clientOid: toAmend.clientOid, price: '87100' })) as {
      newClientOid: string;
    };
    expect(amended).toMatchObject({ outcome: 'amended', oldPrice: '87000', price: '87100', sizeLots: 1 });
    expect(await call('trading:cancel-order', { clientOid: amended.newClientOid })).toMatchObject({
      status: 'CANCELLED',
    });
    expect(await call('trading:close-position', { symbol })).toHaveProperty('clientOid');
    await until('flat', () => engine.service.listPositions().length === 0);
    expect(await call('trading:trigger-kill-switch', { flatten: true })).toMatchObject({
      closedPositions: [],
      state: { state: 'HALTED' },
    });
    expect(await call('trading:resume-trading', { acknowledge: true })).toMatchObject({ state: 'ACTIVE' });
  });

  it('refuses what a trader must not do, with an error they can act on', async () => {
    const denied = await handlers['trading:place-order'](
      tradingChannels['trading:place-order'].request.parse({
        symbol,
        side: 'buy',
        type: 'market',
        sizeLots: 2,
        leverage: 5,
        stopPrice: '90500',
      }),
    ).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(RiskRejectedError);
    expect((denied as RiskRejectedError).message).toMatch(/stop 90500 must be below/);
    const noPosition: unknown = await handlers['trading:close-position']({ symbol }).catch(
      (error: unknown) => error,
    );
    expect(noPosition).toBeInstanceOf(ValidationError);
  });
});
