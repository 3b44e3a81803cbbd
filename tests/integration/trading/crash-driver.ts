// Crash-drill driver: runs the real trading engine in its own process against a venue started by
// the test, so the test can kill -9 it at any point. Prints one JSON line per step on stdout.
//   node tests/integration/trading/crash-driver.ts <mode: session|verify> <seed>
// Env: DRILL_REST_URL, DRILL_CREDENTIALS (JSON), DRILL_JOURNAL (path).
import { configSchema } from '../../../src/main/config/schema.ts';
import { createExchangeClient, type ExchangeClient } from '../../../src/main/exchange/kucoin/client.ts';
import { appendFileSync } from 'node:fs';
import { silentLogger, type Logger } from '../../../src/main/observability/logger.ts';
import { openJournal } from '../../../src/main/store/journal.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { tradingClientFrom } from '../../../src/main/trading/client-adapter.ts';
import { createTradingService, type TradingService } from '../../../src/main/trading/service.ts';
import { analysisServiceFor } from '../../../src/main/wiring/analysis.ts';
import { dec, format, mul, roundToTick } from '../../../src/shared/domain/decimal.ts';

const [mode = 'session', seedText = '1'] = process.argv.slice(2);
const say = (line: Record<string, unknown>): void => {
  process.stdout.write(JSON.stringify({ at: Date.now(), ...line }) + '\n');
};

/** The drill's engine settings: fast passes, short naked limit. */
export const drillConfig = configSchema.parse({
  trading: {
    orders: { pollIntervalMs: 250 },
    protection: { watchdogIntervalMs: 500, nakedAlertAfterS: 5 },
    trailing: { minMoveIntervalMs: 1000 },
  },
});

/** With DRILL_DEBUG=<file>, every log line goes there (diagnosing a slow restart). */
function debugLogger(file: string | undefined, bindings: Record<string, unknown> = {}): Logger {
  if (file === undefined || file === '') return silentLogger;
  const write =
    (level: string) =>
    (event: string, fields: Readonly<Record<string, unknown>> = {}) => {
      appendFileSync(
        file,
        JSON.stringify({ t: Date.now(), mode, level, event, ...bindings, ...fields }) + '\n',
      );
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => debugLogger(file, { ...bindings, ...more }),
  };
}
const logger = debugLogger(process.env.DRILL_DEBUG);

let random = Number(seedText) >>> 0;
const next = (): number => {
  random = (random * 1664525 + 1013904223) >>> 0;
  return random / 4_294_967_296;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The drill's markets: tick and a trailing distance of about 0.45 % of the price. */
const markets = [
  { symbol: 'XBTUSDTM', tick: '0.1', trailDistance: '400' },
  { symbol: 'ETHUSDTM', tick: '0.01', trailDistance: '14' },
] as const;
type Market = (typeof markets)[number];

/** Stop prices sit on the losing side: below the mark for a long, above it for a short (an `up` stop). */
function priceAt(market: Market, mark: string, side: 'buy' | 'sell', pct: number): string {
  const factor = side === 'buy' ? 1 - pct / 100 : 1 + pct / 100;
  return format(
    roundToTick(mul(dec(mark), dec(factor.toFixed(6))), dec(market.tick), side === 'buy' ? 'down' : 'up'),
  );
}

async function step(service: TradingService, market: Market, mark: string, k: number): Promise<void> {
  const roll = next();
  const { symbol } = market;
  const position = service.listPositions().find((p) => p.symbol === symbol);
  // One-way mode: keep adding on the position's side; a flat symbol opens either way.
  const side =
    position === undefined ? (next() < 0.5 ? 'buy' : 'sell') : position.side === 'long' ? 'buy' : 'sell';
  if (roll < 0.45 || position === undefined) {
    say({ type: 'placing', step: k, kind: 'market', symbol, side });
    const placed = await service.placeOrder({
      symbol,
      side,
      type: 'market',
      sizeLots: 1 + Math.floor(next() * 2),
      leverage: 5,
      stopPrice: priceAt(market, mark, side, 2),
      trailing: { mode: 'price', distance: market.trailDistance },
    });
    say({ type: 'placed', step: k, clientOid: placed.order.clientOid, status: placed.order.status });
  } else if (roll < 0.6) {
    say({ type: 'placing', step: k, kind: 'limit', symbol, side });
    const placed = await service.placeOrder({
      symbol,
      side,
      type: 'limit',
      price: priceAt(market, mark, side, 3),
      sizeLots: 1,
      leverage: 5,
      stopPrice: priceAt(market, mark, side, 5),
    });
    say({ type: 'placed', step: k, clientOid: placed.order.clientOid, status: placed.order.status });
  } else if (roll < 0.75) {
    say({ type: 'cancel-all', step: k, symbol, cancelled: await service.cancelAll(symbol) });
  } else if (roll < 0.9) {
    const moved = await service.moveStop(symbol, priceAt(market, mark, side, 1.5));
    say({ type: 'moved', step: k, symbol, ...moved });
  } else {
    const closed = await service.closePosition(symbol);
    say({ type: 'closing', step: k, symbol, clientOid: closed.clientOid });
  }
}

async function main(): Promise<void> {
  const credentials = JSON.parse(process.env.DRILL_CREDENTIALS ?? '{}') as {
    apiKey: string;
    apiSecret: string;
    passphrase: string;
    keyVersion: '3';
  };
  const restUrl = process.env.DRILL_REST_URL ?? '';
  const client = createExchangeClient({
    config: drillConfig.exchange,
    endpoints: { futuresRestUrl: restUrl, generalRestUrl: restUrl },
    credentials,
    clock: systemClock,
    logger,
    mode: 'paper',
  });
  await client.start();
  const journal = openJournal({ filePath: process.env.DRILL_JOURNAL ?? '', now: () => Date.now() });
  const analysis = analysisServiceFor(drillConfig, client, systemClock, logger);
  analysis.start();
  const service = createTradingService({
    config: drillConfig,
    atr: analysis,
    client: tradingClientFrom(client, { privateStreamGraceMs: 10_000, now: () => Date.now() }),
    journal,
    clock: systemClock,
    logger,
    alert: (alert) => {
      say({ type: 'alert', code: alert.code, severity: alert.severity, message: alert.message });
    },
  });
  const started = Date.now();
  // Protection runs from the first second; reconciliation of our orders only gates new entries.
  const reconciled = service.start().then((report) => {
    say({ type: 'reconciled', report, ms: Date.now() - started });
  });
  if (mode === 'verify') return verify(client, service, started, reconciled);
  await reconciled;
  for (let k = 0; ; k += 1) {
    const market = markets[Math.floor(next() * markets.length)] ?? markets[0];
    const mark = (await client.rest.getMarkPrice(market.symbol)).value;
    await step(service, market, mark, k).catch((error: unknown) => {
      say({ type: 'step-error', step: k, error: String(error) });
    });
    await sleep(150 + Math.floor(next() * 300));
  }
}

/** Loss-side reduce-only stop lots per symbol at the exchange, leaving out stops attached to entries still resting unfilled. */
async function coverAtExchange(
  client: ExchangeClient,
  service: TradingService,
): Promise<Map<string, number>> {
  const resting = new Set(
    service
      .listOrders('open', undefined, 1000)
      .filter((o) => o.purpose === 'entry' && o.type === 'limit' && o.filledLots === 0)
      .map((o) => o.clientOid),
  );
  const cover = new Map<string, number>();
  for (const stop of (await client.rest.listStopOrders({ pageSize: 100 })).items) {
    if (stop.reduceOnly !== true) continue;
    const parent = service.journal.getOrder(stop.clientOid ?? '')?.parentClientOid;
    if (parent !== undefined && resting.has(parent)) continue;
    cover.set(`${stop.symbol}:${stop.side}`, (cover.get(`${stop.symbol}:${stop.side}`) ?? 0) + stop.size);
  }
  return cover;
}

/** Every entry the journal still has working and unfilled is so at the exchange too. */
async function journalAgrees(client: ExchangeClient, service: TradingService): Promise<boolean> {
  for (const order of service
    .listOrders('open', undefined, 1000)
    .filter((o) => o.purpose === 'entry' && o.filledLots === 0)) {
    const wire = await client.rest.getOrderByClientOid(order.clientOid).catch(() => undefined);
    if (wire !== undefined && (wire.filledSize ?? 0) > 0) return false;
  }
  return true;
}

async function verify(
  client: ExchangeClient,
  service: TradingService,
  started: number,
  reconciled: Promise<void>,
): Promise<void> {
  for (;;) {
    // Every position the exchange holds, as the engine sees it, protected in full.
    const atExchange = (await client.rest.listPositions()).filter((p) => p.isOpen && p.currentQty !== 0);
    const positions = service.listPositions();
    const allProtected = atExchange.every((w) =>
      positions.some(
        (p) =>
          p.symbol === w.symbol &&
          p.sizeLots === Math.abs(w.currentQty) &&
          p.protection.status === 'PROTECTED' &&
          p.protection.stopLots === p.sizeLots,
      ),
    );
    if (allProtected) {
      const trailing = positions.map((p) => ({
        symbol: p.symbol,
        side: p.side,
        trailing: service.getTrailing(p.symbol) ?? null,
      }));
      say({
        type: 'protected',
        ms: Date.now() - started,
        positions: positions.map((p) => ({
          symbol: p.symbol,
          side: p.side,
          sizeLots: p.sizeLots,
          stopLots: p.protection.stopLots,
        })),
        trailing,
        orders: service
          .listOrders('open', undefined, 1000)
          .map((o) => ({ clientOid: o.clientOid, status: o.status, purpose: o.purpose })),
      });
      break;
    }
    await sleep(50);
  }
  // Protected is the promise; exact cover (surplus stops of ours cancelled) follows within a few
  // passes, once the journal agrees with the exchange (no entry it still thinks unfilled has filled).
  let stable = 0;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline && stable < 3; await sleep(300)) {
    const cover = await coverAtExchange(client, service);
    const exact = service
      .listPositions()
      .every((p) => cover.get(`${p.symbol}:${p.side === 'long' ? 'sell' : 'buy'}`) === p.sizeLots);
    stable = exact && (await journalAgrees(client, service)) ? stable + 1 : 0;
  }
  if (stable >= 3) say({ type: 'settled', ms: Date.now() - started });
  await reconciled;
  await service.stop();
  process.exit(0);
}

void main().catch((error: unknown) => {
  say({ type: 'fatal', error: String(error) });
  process.exit(1);
});
