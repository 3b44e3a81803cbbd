/**
 * Exchange-core throughput (plain Node 24: `node bench/venue-core.bench.ts`), no HTTP. Prints one
 * JSON object: limit place+cancel pairs per second, market orders per second (each walks the book,
 * settles both legs and emits every event), and venue seconds processed per wall second at a 1 s
 * price step with a listener attached. Ratios between them matter more than absolute numbers on
 * the shared 2-core machine.
 */
import { performance } from 'node:perf_hooks';
import { createTestVenue } from '../src/main/venue/core/testing.ts';

const ORDERS = 4000;

function limitPairsPerSec(): number {
  const venue = createTestVenue();
  venue.exchange.openAccount('bench', '100000000');
  const started = performance.now();
  for (let i = 0; i < ORDERS; i++) {
    const { orderId } = venue.exchange.placeOrder('bench', {
      clientOid: `l${i}`,
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 10,
      price: '86000',
      size: 1,
    });
    venue.exchange.cancelOrder('bench', orderId);
  }
  return ORDERS / ((performance.now() - started) / 1000);
}

function marketOrdersPerSec(): number {
  const venue = createTestVenue();
  venue.exchange.openAccount('bench', '100000000');
  const started = performance.now();
  for (let i = 0; i < ORDERS; i++) {
    venue.exchange.placeOrder('bench', {
      clientOid: `m${i}`,
      side: i % 2 === 0 ? 'buy' : 'sell',
      symbol: 'XBTUSDTM',
      leverage: 10,
      type: 'market',
      size: 5,
    });
  }
  return ORDERS / ((performance.now() - started) / 1000);
}

function venueSecondsPerWallSecond(): number {
  const venue = createTestVenue();
  let events = 0;
  venue.exchange.on(() => {
    events += 1;
  });
  venue.exchange.openAccount('bench', '100000');
  venue.exchange.placeOrder('bench', {
    clientOid: 'p',
    side: 'buy',
    symbol: 'XBTUSDTM',
    leverage: 10,
    type: 'market',
    size: 5,
  });
  const venueMs = 2 * 3600 * 1000;
  const started = performance.now();
  venue.clock.advance(venueMs);
  venue.exchange.advanceTo(venue.clock.now());
  const wallMs = performance.now() - started;
  if (events === 0) throw new Error('no events while advancing');
  return venueMs / wallMs;
}

/**
 * Venue seconds per wall second for a book of `levels` synthetic levels a side (the shipped default
 * is 100, so depth100 answers 100 levels, ADR 0143), with a listener taking every event.
 */
function venueSecondsAtDepth(levels: number): number {
  const venue = createTestVenue({ bookDepthLevels: levels, bookLevelStepTicks: 5 });
  let events = 0;
  venue.exchange.on(() => {
    events += 1;
  });
  const venueMs = 1800 * 1000;
  const started = performance.now();
  venue.clock.advance(venueMs);
  venue.exchange.advanceTo(venue.clock.now());
  const wallMs = performance.now() - started;
  if (events === 0) throw new Error('no events while advancing');
  return venueMs / wallMs;
}

const depth25 = venueSecondsAtDepth(25);
const depth100 = venueSecondsAtDepth(100);

const result = {
  limitPlaceCancelPairsPerSec: Math.round(limitPairsPerSec()),
  marketOrdersPerSec: Math.round(marketOrdersPerSec()),
  venueSecondsPerWallSecond: Math.round(venueSecondsPerWallSecond()),
  venueSecondsPerWallSecondBook25: Math.round(depth25),
  venueSecondsPerWallSecondBook100: Math.round(depth100),
  book100CostRatio: Number((depth25 / depth100).toFixed(2)),
};
console.log(JSON.stringify(result));
