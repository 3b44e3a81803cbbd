import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, cmp, d, mul, sign, sub, sum, ZERO } from './model/decimal.ts';
import type { Dec } from './model/decimal.ts';
import { VenueError } from './wire/errors.ts';
import type { VenueExchange } from './exchange-api.ts';
import { createTestVenue } from './testing.ts';
import type { TestVenue } from './testing.ts';

const XBT = 'XBTUSDTM';
const MULTIPLIER = d('0.001');
const USERS = ['iso', 'cross'] as const;

type Op =
  | {
      kind: 'place';
      user: number;
      side: 'buy' | 'sell';
      type: 'market' | 'limit';
      size: number;
      offsetTicks: number;
      leverage: number;
      reduceOnly: boolean;
      ioc: boolean;
      stp: '' | 'CN' | 'CO' | 'CB';
    }
  | { kind: 'cancelAll'; user: number }
  | { kind: 'move'; pct: number }
  | { kind: 'jump'; pct: number }
  | { kind: 'wait'; seconds: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      user: fc.integer({ min: 0, max: 1 }),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      type: fc.constantFrom('market' as const, 'limit' as const),
      size: fc.integer({ min: 1, max: 400 }),
      offsetTicks: fc.integer({ min: -30, max: 30 }),
      leverage: fc.integer({ min: 1, max: 75 }),
      reduceOnly: fc.boolean(),
      ioc: fc.boolean(),
      stp: fc.constantFrom('' as const, 'CN' as const, 'CO' as const, 'CB' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cancelAll' as const), user: fc.integer({ min: 0, max: 1 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      pct: fc.double({ min: -2, max: 2, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('jump' as const), pct: fc.integer({ min: -12, max: 12 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      seconds: fc.integer({ min: 1, max: 4 * 3600 }),
    }),
  },
);

function ticksOf(price: number): string {
  return (Math.round(price * 10) / 10).toFixed(1);
}

/** Places an order and checks its taker fills traded inside the book it saw (and inside its limit). */
function place(venue: TestVenue, op: Extract<Op, { kind: 'place' }>, serial: number): void {
  const exchange = venue.exchange;
  const user = USERS[op.user] ?? 'iso';
  const book = exchange.level2Snapshot(XBT);
  const mark = exchange.markPrice(XBT).value;
  const price = ticksOf(mark * (1 + op.offsetTicks / 2000));
  const body = {
    clientOid: `p${serial}`,
    side: op.side,
    symbol: XBT,
    leverage: op.leverage,
    type: op.type,
    size: op.size,
    reduceOnly: op.reduceOnly,
    stp: op.stp,
    ...(op.type === 'limit' ? { price, timeInForce: op.ioc ? 'IOC' : 'GTC' } : {}),
    ...(user === 'cross' ? { marginMode: 'CROSS' } : {}),
  };
  let orderId: string;
  try {
    orderId = exchange.placeOrder(user, body).orderId;
  } catch (error) {
    if (error instanceof VenueError) return;
    throw error;
  }
  const contra = (op.side === 'buy' ? book.asks : book.bids).map(([level]) => level);
  for (const fill of exchange.fills(user, { orderId, tradeTypes: 'trade' }).items) {
    if (fill.liquidity !== 'taker') continue;
    expect(contra).toContain(Number(fill.price));
    if (op.type === 'limit')
      expect(
        op.side === 'buy' ? Number(fill.price) <= Number(price) : Number(fill.price) >= Number(price),
      ).toBe(true);
  }
}

function apply(venue: TestVenue, op: Op, serial: number): void {
  const exchange = venue.exchange;
  if (op.kind === 'place') place(venue, op, serial);
  else if (op.kind === 'cancelAll') exchange.cancelAll(USERS[op.user] ?? 'iso', XBT);
  else if (op.kind === 'jump') exchange.jumpPrice(XBT, op.pct);
  else if (op.kind === 'wait') {
    venue.clock.advance(op.seconds * 1000);
    exchange.advanceTo(venue.clock.now());
  } else {
    const next = ticksOf(exchange.markPrice(XBT).value * (1 + op.pct / 100));
    venue.move(XBT, { mark: next, index: next, last: next });
  }
}

function signedLots(exchange: VenueExchange, user: string): number {
  return exchange
    .recentFills(user, XBT)
    .reduce((total, fill) => total + (fill.side === 'buy' ? fill.size : -fill.size), 0);
}

/** Σ over fills of the cash each trade moved: −(signed lots) × multiplier × price. */
function fillCash(exchange: VenueExchange, user: string): Dec {
  return sum(
    exchange
      .recentFills(user, XBT)
      .map((fill) => mul(mul(d(fill.side === 'buy' ? -fill.size : fill.size), MULTIPLIER), d(fill.price))),
  );
}

function checkInvariants(exchange: VenueExchange): void {
  for (const user of USERS) {
    const ledger = exchange.ledger(user);
    const balance = d(ledger.balance);
    expect(sign(balance)).toBeGreaterThanOrEqual(0);
    expect(exchange.accountOverview(user, 'USDT').availableBalance).toBeGreaterThanOrEqual(0);
    const rebuilt = add(
      add(sub(add(d(ledger.deposits), d(ledger.realisedGross)), d(ledger.fees)), d(ledger.funding)),
      d(ledger.insuranceCover),
    );
    expect(cmp(rebuilt, balance)).toBe(0);
    const fees = sum(exchange.recentFills(user, XBT).map((fill) => d(fill.fee)));
    expect(cmp(fees, d(ledger.fees))).toBe(0);
    expect(exchange.position(user, XBT).currentQty).toBe(signedLots(exchange, user));
  }
}

function closeEverything(venue: TestVenue): void {
  for (const user of USERS) {
    venue.exchange.cancelAll(user);
    venue.exchange.cancelStopOrders(user);
    if (venue.exchange.position(user, XBT).currentQty !== 0)
      venue.exchange.placeOrder(user, {
        clientOid: `close-${user}`,
        symbol: XBT,
        closeOrder: true,
        type: 'market',
      });
  }
}

function runInvariants(
  overrides: Parameters<typeof createTestVenue>[0],
  numRuns: number,
  afterEach?: (venue: TestVenue) => void,
): void {
  fc.assert(
    fc.property(fc.array(opArbitrary, { minLength: 1, maxLength: 30 }), (ops) => {
      const venue = createTestVenue({ priceStepMs: 60_000, ...overrides });
      venue.exchange.openAccount('iso', '5000');
      venue.exchange.openAccount('cross', '5000');
      venue.exchange.setMarginMode('cross', { symbol: XBT, marginMode: 'CROSS' });
      venue.exchange.setCrossLeverage('cross', { symbol: XBT, leverage: '20' });
      ops.forEach((op, serial) => {
        apply(venue, op, serial);
        checkInvariants(venue.exchange);
        afterEach?.(venue);
      });
      closeEverything(venue);
      checkInvariants(venue.exchange);
      for (const user of USERS) {
        // Flat again: every unit of realised PnL is the cash the fills moved (equity conserved up to fees and funding).
        if (venue.exchange.position(user, XBT).currentQty !== 0) continue;
        expect(cmp(fillCash(venue.exchange, user), d(venue.exchange.ledger(user).realisedGross))).toBe(0);
      }
    }),
    { numRuns, seed: 20261124 },
  );
}

describe('exchange invariants over random order sequences (fast-check)', () => {
  it('no negative balance; balance = deposits + PnL − fees + funding (+ insurance); position = Σ fills; fills inside the book', () => {
    runInvariants({}, 60);
  });

  it('the same invariants hold while done orders are pruned to a cap of 3 (ADR 0130), and no more are remembered', () => {
    runInvariants({ doneOrdersPerAccountMax: 3 }, 30, (venue) => {
      for (const user of USERS)
        expect(venue.exchange.listOrders(user, { status: 'done' }).totalNum).toBeLessThanOrEqual(3);
    });
  });

  it('equity moves only by fees, funding, price and insurance between two marks', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('iso', '5000');
    const equity = (): Dec => d(String(venue.exchange.accountOverview('iso', 'USDT').accountEquity));
    const start = equity();
    venue.exchange.placeOrder('iso', {
      clientOid: 'a',
      side: 'buy',
      symbol: XBT,
      leverage: 10,
      type: 'market',
      size: 100,
    });
    venue.exchange.placeOrder('iso', {
      clientOid: 'b',
      side: 'sell',
      symbol: XBT,
      leverage: 10,
      type: 'market',
      size: 100,
    });
    const ledger = venue.exchange.ledger('iso');
    // Bought at the ask, sold at the bid: equity changed by exactly the spread paid plus the fees.
    expect(cmp(sub(start, equity()), sub(d(ledger.fees), d(ledger.realisedGross)))).toBe(0);
    expect(cmp(d(ledger.realisedGross), ZERO)).toBeLessThan(0);
  });
});
