// The soak's engine: the real exchange client, trading service, analysis and alert system (Slack
// and Telegram channels pointed at loopback peers) in their own process, so the soak can kill -9
// it. It trades a scripted workload until SOAK_UNTIL, lets protection settle, stops cleanly and
// prints one JSON line per step on stdout.
//   node --expose-gc tests/soak/soak-engine.ts <seed>
// Env: SOAK_REST_URL, SOAK_CREDENTIALS (JSON), SOAK_DIR (journal, settings.json, logs),
// SOAK_KEYCHAIN_SERVICE, SOAK_SECRETS (JSON: slack webhook URL, telegram token; set into the
// keychain, never written to disk), SOAK_UNTIL (epoch ms), SOAK_ORDER_EVERY_MS.
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createAlerts } from '../../src/main/alerts/index.ts';
import { createConfigStore } from '../../src/main/config/store.ts';
import { createExchangeClient } from '../../src/main/exchange/kucoin/client.ts';
import { createEventPublisher } from '../../src/main/ipc/events.ts';
import { createLogger } from '../../src/main/observability/logger.ts';
import { createOsKeychainBackend, createSecretStore } from '../../src/main/secrets/index.ts';
import { openJournal } from '../../src/main/store/journal.ts';
import { systemClock } from '../../src/main/time/clock.ts';
import { tradingClientFrom } from '../../src/main/trading/client-adapter.ts';
import { createTradingService, type TradingService } from '../../src/main/trading/service.ts';
import { analysisServiceFor } from '../../src/main/wiring/analysis.ts';
import { alertOnExchangeChanges } from '../../src/main/wiring/exchange-alerts.ts';
import { alertOnTradingEvents } from '../../src/main/wiring/trading-alerts.ts';
import { dec, format, mul, roundToTick } from '../../src/shared/domain/decimal.ts';
import { soakMarkets, type SoakMarket } from './soak-config.ts';

const seed = Number(process.argv[2] ?? '1') >>> 0;
const say = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ at: Date.now(), ...line })}\n`);
};
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`the soak engine needs ${name}`);
  return value;
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let random = seed;
const next = (): number => {
  random = (random * 1664525 + 1013904223) >>> 0;
  return random / 4_294_967_296;
};

/** A stop `pct` % on the losing side of the mark. */
function lossSide(market: SoakMarket, mark: string, side: 'buy' | 'sell', pct: number): string {
  const factor = side === 'buy' ? 1 - pct / 100 : 1 + pct / 100;
  return format(
    roundToTick(mul(dec(mark), dec(factor.toFixed(6))), dec(market.tick), side === 'buy' ? 'down' : 'up'),
  );
}

/**
 * One step of the workload. Entries are market orders with a stop and trailing on, so every
 * reduce-only loss-side stop at the venue is a position's cover; one step in six tries an order
 * the risk rules forbid (over the per-contract size limit) and must be refused.
 */
async function step(
  service: TradingService,
  market: SoakMarket,
  mark: string,
  k: number,
  maxLots: number,
): Promise<void> {
  const { symbol } = market;
  const position = service.listPositions().find((p) => p.symbol === symbol);
  const side =
    position === undefined ? (next() < 0.5 ? 'buy' : 'sell') : position.side === 'long' ? 'buy' : 'sell';
  const roll = next();
  if (k % 6 === 5) {
    const refused = await service
      .placeOrder({
        symbol,
        side,
        type: 'market',
        sizeLots: maxLots + 1,
        leverage: 5,
        stopPrice: lossSide(market, mark, side, 2),
      })
      .then(
        (placed) => ({ sent: placed.order.clientOid }),
        (error: unknown) => ({ refused: String(error) }),
      );
    say({ type: 'forbidden', step: k, symbol, ...refused });
  } else if (roll < 0.6 || position === undefined) {
    const placed = await service.placeOrder({
      symbol,
      side,
      type: 'market',
      sizeLots: 1 + Math.floor(next() * 2),
      leverage: 5,
      stopPrice: lossSide(market, mark, side, 2),
      trailing: { mode: 'price', distance: market.trailDistance },
    });
    say({ type: 'placed', step: k, clientOid: placed.order.clientOid, status: placed.order.status });
  } else if (roll < 0.85) {
    say({
      type: 'moved',
      step: k,
      symbol,
      ...(await service.moveStop(symbol, lossSide(market, mark, side, 1.5))),
    });
  } else {
    const closed = await service.closePosition(symbol);
    say({ type: 'placed', step: k, clientOid: closed.clientOid, status: 'close' });
  }
}

function startAlerts(
  dir: string,
  journal: ReturnType<typeof openJournal>,
  logger: ReturnType<typeof createLogger>,
) {
  const configStore = createConfigStore({ filePath: join(dir, 'settings.json'), logger });
  const { problems } = configStore.load();
  if (problems.length > 0)
    throw new Error(`soak settings invalid: ${problems.map((p) => p.message).join('; ')}`);
  const secretStore = createSecretStore({
    backend: createOsKeychainBackend('linux'),
    platform: 'linux',
    service: env('SOAK_KEYCHAIN_SERVICE'),
    logger,
  });
  const events = createEventPublisher({ throttleMs: 0, logger });
  const alerts = createAlerts({
    configStore,
    secretStore,
    journal,
    events,
    origin: 'paper',
    clock: systemClock,
    logger,
    notifier: { notify: () => undefined },
  });
  return { alerts, configStore, events };
}

function watchRuntime(): () => void {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const timer = setInterval(() => {
    globalThis.gc?.();
    say({
      type: 'runtime',
      heapUsedBytes: process.memoryUsage().heapUsed,
      lagP99Ms: lag.percentile(99) / 1e6,
    });
    lag.reset();
  }, 5_000);
  return () => {
    clearInterval(timer);
    lag.disable();
  };
}

async function main(): Promise<void> {
  const dir = env('SOAK_DIR');
  const logger = createLogger({
    filePath: join(dir, 'logs', `engine-${seed}.log`),
    maxSizeBytes: 16 * 1024 * 1024,
    level: 'info',
  });
  const journal = openJournal({ filePath: join(dir, 'journal.sqlite'), now: () => Date.now() });
  const { alerts, configStore, events } = startAlerts(dir, journal, logger);
  const secrets = JSON.parse(env('SOAK_SECRETS')) as { slack: string; telegram: string };
  await alerts.settings.setSecret({ channel: 'slack', secret: secrets.slack });
  await alerts.settings.setSecret({ channel: 'telegram', secret: secrets.telegram });
  const config = configStore.current();
  const restUrl = env('SOAK_REST_URL');
  const credentials = JSON.parse(env('SOAK_CREDENTIALS')) as {
    apiKey: string;
    apiSecret: string;
    passphrase: string;
    keyVersion: '3';
  };
  const client = createExchangeClient({
    config: config.exchange,
    endpoints: { futuresRestUrl: restUrl, generalRestUrl: restUrl },
    credentials,
    clock: systemClock,
    logger,
    mode: 'paper',
  });
  await client.start();
  const analysis = analysisServiceFor(config, client, systemClock, logger);
  analysis.start();
  const raise = alerts.router.raise.bind(alerts.router);
  const service = createTradingService({
    config,
    atr: analysis,
    journal,
    clock: systemClock,
    logger,
    client: tradingClientFrom(client, {
      privateStreamGraceMs: config.trading.state.staleMarketDataMs,
      now: () => Date.now(),
    }),
    alert: (alert) => {
      const raised = raise(alert);
      say({ type: 'alert', id: raised.id, severity: raised.severity, code: raised.code });
    },
  });
  const offTrading = alertOnTradingEvents(service, alerts.router, () => config, systemClock);
  const offExchange = alertOnExchangeChanges(
    client,
    alerts.router,
    systemClock,
    config.trading.state.staleMarketDataMs,
  );
  const stopRuntime = watchRuntime();
  const started = Date.now();
  say({ type: 'reconciled', report: await service.start(), ms: Date.now() - started });

  const until = Number(env('SOAK_UNTIL'));
  const every = Number(env('SOAK_ORDER_EVERY_MS'));
  const maxLots = config.trading.risk.contractLimits.maxPositionLots;
  for (let k = 0; Date.now() < until; k += 1) {
    const market = soakMarkets[Math.floor(next() * soakMarkets.length)];
    if (market === undefined) continue;
    const mark = await client.rest.getMarkPrice(market.symbol).then(
      (m) => m.value,
      () => undefined,
    );
    if (mark !== undefined) {
      await step(service, market, mark, k, maxLots).catch((error: unknown) => {
        say({ type: 'step-error', step: k, error: String(error) });
      });
    }
    await sleep(every);
  }
  // The workload is over: give protection and reconciliation a few passes, then stop cleanly.
  await sleep(3_000);
  await alerts.router.idle();
  say({ type: 'done' });
  stopRuntime();
  offTrading();
  offExchange();
  await service.stop();
  analysis.stop();
  await client.stop();
  await alerts.stop();
  events.stop();
  journal.close();
  process.exit(0);
}

void main().catch((error: unknown) => {
  say({ type: 'fatal', error: String(error) });
  process.exit(1);
});
