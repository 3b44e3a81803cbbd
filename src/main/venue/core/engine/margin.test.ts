import { describe, expect, it } from 'vitest';
import { add, d, sub, text } from '../model/decimal.ts';
import {
  avgEntryOf,
  crossImrOf,
  crossMaxOpenBase,
  crossMmrOf,
  feeOf,
  fundingOf,
  initialMarginOf,
  lotsOfBase,
  posCommOf,
  posMaintOf,
  posMarginOf,
  priceAtCushion,
  realLeverageOf,
  stopFires,
  unrealisedPnlOf,
  valueOf,
} from './margin.ts';

const mult = d('0.001');
const taker = d('0.0006');

describe('isolated margin identities (docs/reference/kucoin-futures.md#isolated-margin, SPEC-WSPRIV position sample)', () => {
  // Long 1 lot XBTUSDTM @ 91694.5, leverage 5, risk level 2 (MMR 0.005), mark 91839.79.
  const posCost = valueOf(1n, mult, d('91694.5'));
  const lev = d('5');
  const posInit = initialMarginOf(posCost, lev);
  const posComm = posCommOf(posCost, lev, taker);
  const posMargin = posMarginOf(posInit, posComm, d('0'), d('0'));
  const posMaint = posMaintOf(posCost, lev, d('0.005'), taker, d('0.000425'));
  const entry = avgEntryOf(1n, mult, posCost);

  it('reproduces posCost, posInit, posComm, posMargin and posMaint', () => {
    expect(text(posCost)).toBe('91.6945');
    expect(text(posInit)).toBe('18.3389');
    expect(text(posComm)).toBe('0.06602004');
    expect(text(posMargin)).toBe('18.40492004');
    expect(text(posMaint)).toBe('0.5634627025');
  });

  it('reproduces bankruptPrice 73355.6 and liquidationPrice 73853.0426625', () => {
    expect(text(priceAtCushion(1n, mult, entry, sub(posMargin, posComm)))).toBe('73355.6');
    expect(text(priceAtCushion(1n, mult, entry, sub(posMargin, posMaint)))).toBe('73853.0426625');
  });

  it('reproduces unrealisedPnl 0.14529, maintMargin 18.55021004 and realLeverage 4.9685590767', () => {
    const mark = d('91839.79');
    const upnl = unrealisedPnlOf(1n, mult, mark, posCost);
    expect(text(upnl)).toBe('0.14529');
    expect(text(add(posMargin, upnl))).toBe('18.55021004');
    expect(text(realLeverageOf(valueOf(1n, mult, mark), posMargin, posComm, upnl))).toBe('4.9685590767');
  });

  it('mirrors the prices for a short', () => {
    const shortCost = d('-91.6945');
    expect(text(priceAtCushion(-1n, mult, entry, sub(posMargin, posComm)))).toBe('110033.4');
    expect(text(unrealisedPnlOf(-1n, mult, d('91839.79'), shortCost))).toBe('-0.14529');
  });

  it('reproduces the SPEC-POS sample posMargin 22.5097045843', () => {
    expect(text(posMarginOf(d('22.4769666644'), d('0.0539546299'), d('0.01645214'), d('0.03766885')))).toBe(
      '22.5097045843',
    );
  });
});

describe('fees and funding (docs/reference/kucoin-futures.md#fees-and-funding)', () => {
  it('charges 0.04045854 taker on 67.4309 and 0.05176506 on 86.2751', () => {
    expect(text(feeOf(d('67.4309'), taker))).toBe('0.04045854');
    expect(text(feeOf(valueOf(1n, mult, d('86275.1')), taker))).toBe('0.05176506');
  });

  it('long pays 0.05585669 at mark 87139.92 and rate 0.000641; short receives it', () => {
    expect(text(fundingOf(1n, mult, d('87139.92'), d('0.000641')))).toBe('-0.05585669');
    expect(text(fundingOf(-1n, mult, d('87139.92'), d('0.000641')))).toBe('0.05585669');
  });
});

describe('cross margin (docs/reference/kucoin-futures.md#cross-margin, SPEC-POS batchGetCrossOrderLimit sample)', () => {
  it('MMR 0.00416136 and IMR 0.008 at n = 12.102 BTC, leverage 125', () => {
    const mmr = crossMmrOf(d('12.102'), d('300'), d('125'), d('0.3'));
    expect(text(mmr)).toBe('0.00416136');
    expect(text(crossImrOf(d('125'), mmr, d('1.3')))).toBe('0.008');
  });

  it('maxOpenSize 12102 lots for 10000 USDT at 125x and price 102012', () => {
    const base = crossMaxOpenBase(d('490'), d('10000'), d('125'), d('102012'));
    expect(lotsOfBase(base, mult)).toBe(12102n);
  });

  it('ETHUSDTM sample: maxOpenSize 38003 and MMR 0.0054623236 with derived k/m', () => {
    const base = crossMaxOpenBase(d('6606'), d('10000'), d('100'), d('2556.4'));
    expect(lotsOfBase(base, d('0.01'))).toBe(38003n);
    expect(text(crossMmrOf(d('380.03'), d('4110'), d('100'), d('0.3')))).toBe('0.0054623236');
  });

  it('caps MMR at mmrLimit', () => {
    expect(text(crossMmrOf(d('1000000'), d('300'), d('125'), d('0.3')))).toBe('0.3');
  });
});

describe('stop directions (docs/reference/kucoin-futures.md#stop-orders)', () => {
  it('up fires at or above, down at or below', () => {
    expect(stopFires('up', d('100'), d('100'))).toBe(true);
    expect(stopFires('up', d('99.9'), d('100'))).toBe(false);
    expect(stopFires('down', d('100'), d('100'))).toBe(true);
    expect(stopFires('down', d('100.1'), d('100'))).toBe(false);
  });
});
