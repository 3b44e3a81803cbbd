import { describe, expect, it } from 'vitest';
import { isOurClientOid, newClientOid } from './client-oid.ts';
import { buildRequest, stopDirection, takeProfitDirection } from './order-request.ts';

const base = {
  symbol: 'XBTUSDTM',
  type: 'market' as const,
  sizeLots: 3,
  leverage: 5,
  marginMode: 'ISOLATED' as const,
};

describe('order requests (docs/reference/kucoin-futures.md#stop-direction: inverted stop direction fires at once)', () => {
  it('a long is protected by a sell stop that triggers when the mark falls', () => {
    expect(stopDirection('sell')).toBe('down');
    const built = buildRequest(
      { ...base, side: 'sell', reduceOnly: true, purpose: 'stop', stopPrice: '88000' },
      'bws1',
    );
    expect(built).toEqual({
      withStops: false,
      request: {
        clientOid: 'bws1',
        symbol: 'XBTUSDTM',
        side: 'sell',
        type: 'market',
        leverage: 5,
        size: 3,
        marginMode: 'ISOLATED',
        reduceOnly: true,
        stop: 'down',
        stopPriceType: 'MP',
        stopPrice: '88000',
      },
    });
  });

  it('a short is protected by a buy stop that triggers when the mark rises', () => {
    const built = buildRequest(
      { ...base, side: 'buy', reduceOnly: true, purpose: 'stop', stopPrice: '92000' },
      'bws2',
    );
    expect(built.request).toMatchObject({ side: 'buy', stop: 'up', stopPrice: '92000', reduceOnly: true });
  });

  it("a long's take-profit is a reduce-only sell stop that triggers when the mark rises, sent in the order lane", () => {
    expect(takeProfitDirection('sell')).toBe('up');
    const built = buildRequest(
      { ...base, side: 'sell', reduceOnly: true, purpose: 'take-profit', stopPrice: '95000' },
      'bwt1',
    );
    expect(built).toEqual({
      withStops: false,
      request: {
        clientOid: 'bwt1',
        symbol: 'XBTUSDTM',
        side: 'sell',
        type: 'market',
        leverage: 5,
        size: 3,
        marginMode: 'ISOLATED',
        reduceOnly: true,
        stop: 'up',
        stopPriceType: 'MP',
        stopPrice: '95000',
        lane: 'order',
      },
    });
  });

  it("a short's take-profit is a reduce-only buy stop that triggers when the mark falls", () => {
    const built = buildRequest(
      { ...base, side: 'buy', reduceOnly: true, purpose: 'take-profit', stopPrice: '85000' },
      'bwt2',
    );
    expect(built.request).toMatchObject({ side: 'buy', stop: 'down', stopPrice: '85000', reduceOnly: true });
  });

  it('an st-order entry attaches the stop-loss on the right trigger for each side', () => {
    expect(
      buildRequest(
        { ...base, side: 'buy', reduceOnly: false, purpose: 'entry', attachedStopPrice: '88000' },
        'bwe1',
      ),
    ).toMatchObject({ withStops: true, request: { triggerStopDownPrice: '88000', stopPriceType: 'MP' } });
    const short = buildRequest(
      { ...base, side: 'sell', reduceOnly: false, purpose: 'entry', attachedStopPrice: '92000' },
      'bwe2',
    );
    expect(short.request).toMatchObject({ triggerStopUpPrice: '92000' });
    expect(short.request).not.toHaveProperty('triggerStopDownPrice');
  });

  it('a limit entry carries price and GTC; a plain entry has no stop fields', () => {
    const built = buildRequest(
      { ...base, type: 'limit', price: '90000.1', side: 'buy', reduceOnly: false, purpose: 'entry' },
      'bwe3',
    );
    expect(built.request).toMatchObject({ price: '90000.1', timeInForce: 'GTC' });
    expect(built.request).not.toHaveProperty('stop');
  });

  it('clientOids fit KuCoin (≤ 40 of [0-9A-Za-z_-]), are unique and recognisable', () => {
    const oids = new Set(Array.from({ length: 1000 }, () => newClientOid('stop', 1_795_000_000_000)));
    expect(oids.size).toBe(1000);
    for (const oid of oids) {
      expect(oid).toMatch(/^[0-9A-Za-z_-]{1,40}$/);
      expect(isOurClientOid(oid)).toBe(true);
    }
    expect(isOurClientOid(newClientOid('take-profit', 1_795_000_000_000))).toBe(true);
    expect(isOurClientOid('st123')).toBe(false);
  });
});
