// Trading benchmark (plain Node 24): prints one JSON object.
//   riskCheckP99Us   — full pre-trade evaluation (every rule), p99 over 20 000 runs; goal ≤ 50 µs.
//   submitToAckP50Ms — order submit → exchange acknowledgement against the paper venue on loopback.
//   placeOrderP50Ms  — the whole ticket path (fresh mark + account, risk, journal, submit, ack).
//   killSwitchHaltedMs — kill switch pressed → HALTED and no open entry order at the venue
//                        (3 positions, 20 resting entries, loopback, app defaults).
//   killSwitchFlatMs   — the same with flatten → every position flat and no order left at the venue.
//   nakedRepairP99Ms   — a stop cancelled at the venue → a new stop accepted there (20 times, app defaults).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../src/main/config/schema.ts';
import { createExchangeClient } from '../src/main/exchange/kucoin/client.ts';
import { silentLogger } from '../src/main/observability/logger.ts';
import { openJournal } from '../src/main/store/journal.ts';
import { systemClock } from '../src/main/time/clock.ts';
import { tradingClientFrom } from '../src/main/trading/client-adapter.ts';
import { assertOrderAllowed } from '../src/main/trading/risk/engine.ts';
import { prepareContract, prepareRiskLimits } from '../src/main/trading/risk/prepared.ts';
import type { RiskContext } from '../src/main/trading/risk/types.ts';
import { createTradingService } from '../src/main/trading/service.ts';
import { startVenue } from '../src/main/venue/index.ts';
import { dec } from '../src/shared/domain/decimal.ts';

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

function riskBench(): { p50: number; p99: number } {
  const config = configSchema.parse({});
  const contract = prepareContract({
    symbol: 'XBTUSDTM',
    status: 'Open',
    tickSize: '0.1',
    lotSize: 1,
    multiplier: '0.001',
    maxOrderQtyLots: 1_000_000,
    maxPrice: '1000000',
    maxLeverage: 125,
    maintenanceMarginRate: '0.004',
    makerFeeRate: '0.0002',
    takerFeeRate: '0.0006',
    riskLimitTiers: [
      {
        level: 1,
        maxRiskLimit: '100000',
        maxLeverage: 125,
        initialMarginRate: '0.008',
        maintenanceMarginRate: '0.004',
      },
      {
        level: 2,
        maxRiskLimit: '500000',
        maxLeverage: 100,
        initialMarginRate: '0.01',
        maintenanceMarginRate: '0.005',
      },
    ],
  });
  const limits = prepareRiskLimits(config.trading.risk);
  const base: RiskContext = {
    order: {
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      sizeLots: 10,
      price: '90000',
      leverage: 10,
      stopPrice: '89000',
      reduceOnly: false,
    },
    contract,
    markPrice: dec('90000'),
    referencePriceAgeMs: 200,
    equityUsdt: dec('10000'),
    availableMarginUsdt: dec('10000'),
    marginMode: 'ISOLATED',
    cross: { totalMarginUsdt: dec('10000'), otherPositionsValueUsdt: dec('0') },
    pending: { lots: 2, priceTimesLots: dec('179000') },
    position: { side: 'long', sizeLots: 5, avgEntryPrice: dec('89500.5') },
    exposureUsdt: dec('1000'),
    tradingState: 'ACTIVE',
    ordersInLastMinute: 3,
    limits,
  };
  const samples: number[] = [];
  for (let i = 0; i < 25_000; i += 1) {
    const ctx = {
      ...base,
      order: { ...base.order, sizeLots: 1 + (i % 20), price: (89_500 + (i % 1000) / 10).toFixed(1) },
    };
    const start = process.hrtime.bigint();
    assertOrderAllowed(ctx);
    const end = process.hrtime.bigint();
    if (i >= 5000) samples.push(Number(end - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function venueBench(): Promise<{ ackP50: number; ackP99: number; placeP50: number; orders: number }> {
  const config = configSchema.parse({
    trading: { risk: { maxOrdersPerMinute: 10_000 }, protection: { watchdogIntervalMs: 60_000 } },
  });
  const venue = await startVenue({ config: config.venue, logger: silentLogger, port: 0, seed: 5 });
  venue.admin.setPrice('XBTUSDTM', '90000');
  const client = createExchangeClient({
    config: config.exchange,
    endpoints: { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl },
    credentials: venue.credentials,
    clock: systemClock,
    logger: silentLogger,
    mode: 'paper',
  });
  await client.start();
  const journal = openJournal({
    filePath: join(mkdtempSync(join(tmpdir(), 'bw-bench-')), 'journal.db'),
    now: () => Date.now(),
  });
  const service = createTradingService({
    config,
    client: tradingClientFrom(client, { privateStreamGraceMs: 60_000, now: () => Date.now() }),
    journal,
    clock: systemClock,
    logger: silentLogger,
    alert: () => undefined,
    atr: { atr: () => undefined },
  });
  await service.start();
  const acks: number[] = [];
  const places: number[] = [];
  const orders = 60;
  for (let i = 0; i < orders; i += 1) {
    const start = performance.now();
    const { order } = await service.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: (87_000 + i).toFixed(1),
      sizeLots: 1,
      leverage: 5,
      stopPrice: '85000',
    });
    places.push(performance.now() - start);
    if (order.confirmLatencyMs !== undefined) acks.push(order.confirmLatencyMs);
  }
  await service.cancelAll('XBTUSDTM');
  await service.stop();
  await client.stop();
  journal.close();
  await venue.stop();
  acks.sort((a, b) => a - b);
  places.sort((a, b) => a - b);
  return {
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    placeP50: percentile(places, 50),
    orders: acks.length,
  };
}

/** A venue and an engine as the app runs them (default intervals), positions on three markets. */
async function safetyRig() {
  const config = configSchema.parse({ trading: { risk: { maxOrdersPerMinute: 10_000 } } });
  const venue = await startVenue({ config: config.venue, logger: silentLogger, port: 0, seed: 9 });
  const prices = { XBTUSDTM: '90000', ETHUSDTM: '3000', SOLUSDTM: '150' } as const;
  for (const [symbol, price] of Object.entries(prices)) venue.admin.setPrice(symbol, price);
  const client = createExchangeClient({
    config: config.exchange,
    endpoints: { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl },
    credentials: venue.credentials,
    clock: systemClock,
    logger: silentLogger,
    mode: 'paper',
  });
  await client.start();
  const journal = openJournal({
    filePath: join(mkdtempSync(join(tmpdir(), 'bw-bench-')), 'journal.db'),
    now: () => Date.now(),
  });
  const service = createTradingService({
    config,
    client: tradingClientFrom(client, { privateStreamGraceMs: 60_000, now: () => Date.now() }),
    journal,
    clock: systemClock,
    logger: silentLogger,
    alert: () => undefined,
    atr: { atr: () => undefined },
  });
  await service.start();
  const userId = venue.keys[0]?.userId ?? '';
  return {
    venue,
    service,
    userId,
    async stop() {
      await service.stop();
      await client.stop();
      journal.close();
      await venue.stop();
    },
  };
}

type Rig = Awaited<ReturnType<typeof safetyRig>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const openEntries = (rig: Rig) =>
  rig.venue.exchange
    .listOrders(rig.userId, { status: 'active', pageSize: '1000' })
    .items.filter((o) => !o.reduceOnly);

async function busyBook(rig: Rig): Promise<void> {
  const { service } = rig;
  await service.placeOrder({
    symbol: 'XBTUSDTM',
    side: 'buy',
    type: 'market',
    sizeLots: 2,
    leverage: 5,
    stopPrice: '88000',
  });
  await service.placeOrder({
    symbol: 'ETHUSDTM',
    side: 'sell',
    type: 'market',
    sizeLots: 3,
    leverage: 5,
    stopPrice: '3080',
  });
  await service.placeOrder({
    symbol: 'SOLUSDTM',
    side: 'buy',
    type: 'market',
    sizeLots: 5,
    leverage: 5,
    stopPrice: '146',
  });
  for (let i = 0; i < 20; i += 1)
    await service.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: String(87_000 + i * 10),
      sizeLots: 1,
      leverage: 5,
      stopPrice: '86000',
    });
}

/** Presses the kill switch and times it, from the press, until `done` holds at the venue. */
async function killSwitchMs(flatten: boolean): Promise<number> {
  const rig = await safetyRig();
  await busyBook(rig);
  const started = performance.now();
  const done = flatten
    ? () =>
        rig.venue.exchange.positions(rig.userId).length === 0 &&
        rig.venue.exchange.listStopOrders(rig.userId, { pageSize: '200' }).items.length === 0 &&
        openEntries(rig).length === 0
    : () => rig.service.getState().state === 'HALTED' && openEntries(rig).length === 0;
  const pressing = rig.service.triggerKillSwitch(flatten, 'bench');
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
  const ms = performance.now() - started;
  await pressing;
  await rig.stop();
  return ms;
}

/** A stop cancelled at the venue → the time until a new one is accepted there, 20 times. */
async function nakedRepair(): Promise<{ p50: number; p99: number }> {
  const rig = await safetyRig();
  await rig.service.placeOrder({
    symbol: 'XBTUSDTM',
    side: 'buy',
    type: 'market',
    sizeLots: 2,
    leverage: 5,
    stopPrice: '88000',
  });
  const stops = () =>
    rig.venue.exchange.listStopOrders(rig.userId, { symbol: 'XBTUSDTM' }).items.filter((o) => o.reduceOnly);
  while (stops().length === 0) await sleep(5);
  const samples: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    rig.venue.exchange.cancelStopOrders(rig.userId, 'XBTUSDTM');
    const started = performance.now();
    while (stops().length === 0) await sleep(1);
    samples.push(performance.now() - started);
    await sleep(300);
  }
  await rig.stop();
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const risk = riskBench();
const venue = await venueBench();
const killSwitchHaltedMs = await killSwitchMs(false);
const killSwitchFlatMs = await killSwitchMs(true);
const repair = await nakedRepair();
process.stdout.write(
  JSON.stringify({
    riskCheckP50Us: round(risk.p50),
    riskCheckP99Us: round(risk.p99),
    submitToAckP50Ms: round(venue.ackP50),
    submitToAckP99Ms: round(venue.ackP99),
    placeOrderP50Ms: round(venue.placeP50),
    ordersMeasured: venue.orders,
    killSwitchHaltedMs: round(killSwitchHaltedMs, 1),
    killSwitchFlatMs: round(killSwitchFlatMs, 1),
    nakedRepairP50Ms: round(repair.p50, 1),
    nakedRepairP99Ms: round(repair.p99, 1),
  }) + '\n',
);
process.exit(0);
