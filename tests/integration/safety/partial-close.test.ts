// Close part of a position (the Positions row's "Close 50 %"): a reduce-only market order for
// that many lots, so the rest stays open and stays covered by its exchange stop; a size larger than
// the position is refused before anything is sent.
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/shared/errors.ts';
import {
  configOf,
  coveredAtVenue,
  drill,
  fastTrading,
  openCovered,
  until,
  venueLots,
  type Drill,
} from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);

describe('closing part of a position', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('closes that many lots at market and leaves the rest protected at the exchange', async () => {
    d = await drill(config, 'partial-close', { XBTUSDTM: '90000' });
    await openCovered(d, symbol, 'buy', 5, '87000');
    const order = await d.engine.service.closePosition(symbol, 2);
    expect(order).toMatchObject({ sizeLots: 2, reduceOnly: true, purpose: 'close' });
    await coveredAtVenue(d, symbol, 3);
    const engine = d.engine;
    const left = await until('the engine sees 3 lots protected', () =>
      engine.service
        .listPositions()
        .find((p) => p.symbol === symbol && p.sizeLots === 3 && p.protection.status === 'PROTECTED'),
    );
    expect(left.protection.stopPrice).toBe('87000');
  });

  it('refuses more lots than the position holds, and sends nothing', async () => {
    d = await drill(config, 'partial-close-refused', { XBTUSDTM: '90000' });
    await openCovered(d, symbol, 'buy', 2, '87000');
    const before = d.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' });
    const refused = await d.engine.service.closePosition(symbol, 3).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).message).toMatch(/holds 2 lots/);
    expect(d.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(before);
    expect(venueLots(d, symbol)).toBe(2);
  });
});
