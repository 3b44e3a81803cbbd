import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import { channelNames } from '../../shared/ipc/contract.ts';
import type { AlertRouter, Alerts } from '../alerts/index.ts';
import type { Config } from '../config/schema.ts';
import type { ConfigStore } from '../config/store.ts';
import type { ExchangeClient, ExchangeEndpoints } from '../exchange/index.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { ChannelHandlers } from '../ipc/router.ts';
import type { Logger } from '../observability/logger.ts';
import type { PlatformAdapters } from '../platform/adapters.ts';
import { createSecrets } from '../secrets/index.ts';
import type { KeychainBackend, Secrets } from '../secrets/index.ts';
import { journalFileFor, setAsideSharedJournal } from '../store/journal-file.ts';
import { openJournal, type Journal } from '../store/journal.ts';
import { startVenue } from '../venue/index.ts';
import type { RunningVenue } from '../venue/index.ts';
import {
  PAPER_TRADER_USER_ID,
  closingStoreOnStop,
  openPaperAccount,
  resumedVenueClock,
} from './paper-account.ts';
import { createPaperResetHandlers } from './paper-reset.ts';
import { openPaperMarket, type PaperMarket } from './paper-market.ts';
import { againstVerdictDenial } from '../analysis/index.ts';
import { createEngineAnalysis } from './analysis.ts';
import type { EngineAnalysis } from './analysis.ts';
import { createEngineAlerts } from './alerts.ts';
import { createEngineSettings, type EngineSettings } from './settings.ts';
import { resolveCredentials } from './credentials.ts';
import { alertOnExchangeChanges } from './exchange-alerts.ts';
import { startObservability, type EngineObservability } from './observability.ts';
import { alertOnTradingEvents } from './trading-alerts.ts';
import type { ResolvedCredentials } from './credentials.ts';
import { KUCOIN_LIVE_ENDPOINTS, createEngineClient, engineMarketHandlers } from './exchange.ts';
import { createChartedSeries } from '../market/charted-series.ts';
import { createEngineBook } from './book.ts';
import { createEngineTrading, tradingWithoutKeyHandlers, type EngineTrading } from './trading.ts';
import { createEngineTrackRecord } from './trackrecord.ts';
import type { TradingService } from '../trading/index.ts';

/** Seams for tests: where "live" keys are verified, and which keychain is used. */
export interface ServiceOverrides {
  readonly liveEndpoints?: ExchangeEndpoints;
  readonly liveVerifyMode?: 'live' | 'paper';
  readonly keychain?: KeychainBackend;
  /** A certificate authority the test SMTP peer's certificate chains to. */
  readonly smtpTrustedCaPem?: string;
}

/** What the engine base hands the services. */
export interface ServiceContext {
  readonly config: Config;
  readonly mode: TradingMode;
  readonly platform: PlatformAdapters;
  readonly logger: Logger;
  readonly events: EventPublisher;
  /** The settings file: the alert channels' settings are read from and saved to it. */
  readonly configStore: ConfigStore;
  readonly overrides: ServiceOverrides;
}

/** The running services, their handlers and their teardown (reverse start order). */
export interface EngineServices {
  readonly handlers: ChannelHandlers;
  readonly venue: RunningVenue | undefined;
  /** Paper mode: where the venue's market comes from (live KuCoin data or simulated) and whether it is stale. */
  readonly paperMarket: PaperMarket | undefined;
  readonly client: ExchangeClient;
  readonly secrets: Secrets;
  readonly credentials: ResolvedCredentials;
  /** Multi-timeframe analysis: snapshots, verdicts, and the ATR source trading reads. */
  readonly analysis: EngineAnalysis;
  readonly journal: Journal;
  readonly alerts: Alerts;
  readonly observability: EngineObservability;
  /** The trading service, absent while no key is configured for the mode. */
  readonly trading: TradingService | undefined;
  stop(): Promise<void>;
}

function buildSecrets(ctx: ServiceContext, alerts: () => AlertRouter): Secrets {
  return createSecrets({
    config: ctx.config,
    mode: ctx.mode,
    liveEndpoints: ctx.overrides.liveEndpoints ?? KUCOIN_LIVE_ENDPOINTS,
    verifyMode: ctx.overrides.liveVerifyMode ?? 'live',
    clock: ctx.platform.clock,
    logger: ctx.logger,
    ...(ctx.overrides.keychain === undefined ? {} : { keychain: ctx.overrides.keychain }),
    onLiveKeyChanged: () => {
      if (ctx.mode !== 'live') return;
      // The client signs with the key it was built with; swapping it under open orders and a
      // running private stream is not done in place (yet): say so instead of trading on the old key.
      alerts().raise({
        severity: 'warning',
        code: 'live-key-changed',
        message:
          'The live API key changed. Restart Bulwark to trade with the new key; until then it keeps the key it started with.',
        details: {},
        at: ctx.platform.clock.now(),
      });
    },
  });
}

async function startPaperVenue(
  ctx: ServiceContext,
  credentials: ResolvedCredentials,
  market: PaperMarket,
): Promise<RunningVenue> {
  const key = credentials.credentials;
  const mirror = market.mirror;
  const store = openPaperAccount(ctx.platform.paths.userData, ctx.logger);
  try {
    const venue = await startVenue({
      ...(mirror === undefined ? {} : { upstream: mirror }),
      // The real market runs in real time: a scaled venue clock would settle funding early.
      venueClock: resumedVenueClock(
        store,
        ctx.platform.clock,
        mirror === undefined ? ctx.config.venue.timeScale : 1,
      ),
      clock: ctx.platform.clock,
      persistence: store,
      config:
        mirror === undefined
          ? ctx.config.venue
          : { ...ctx.config.venue, priceStepMs: ctx.config.venue.marketData.priceStepMs },
      server: ctx.config.venue.server,
      logger: ctx.logger,
      port: ctx.config.venue.restPort,
      startingBalanceUsdt: ctx.config.venue.startingBalanceUsdt,
      ...(key === undefined
        ? {}
        : { keys: [{ ...key, permissions: ['General', 'Futures'], userId: PAPER_TRADER_USER_ID }] }),
    });
    return closingStoreOnStop(venue, store);
  } catch (error) {
    store.close();
    throw error;
  }
}

/** Paper mode: the venue's market (live KuCoin data or simulated), then the venue on it. */
async function startPaper(
  ctx: ServiceContext,
  credentials: ResolvedCredentials,
): Promise<{ paperMarket: PaperMarket | undefined; venue: RunningVenue | undefined }> {
  if (ctx.mode !== 'paper') return { paperMarket: undefined, venue: undefined };
  const paperMarket = await openPaperMarket(ctx.config, ctx.platform.clock, ctx.logger);
  try {
    return { paperMarket, venue: await startPaperVenue(ctx, credentials, paperMarket) };
  } catch (error) {
    await paperMarket.close();
    throw error;
  }
}

/**
 * The journal, the keychain and the alert router: built first, so everything after can raise
 * alerts; and the settings pages' service, so every change of the settings file is journaled.
 */
function startAlerting(ctx: ServiceContext): {
  journal: Journal;
  secrets: Secrets;
  alerts: Alerts;
  settings: EngineSettings;
} {
  setAsideSharedJournal(ctx.platform.paths.userData, ctx.logger, ctx.platform.clock.now());
  const journal = openJournal({
    filePath: journalFileFor(ctx.platform.paths.userData, ctx.mode),
    now: () => ctx.platform.clock.now(),
  });
  const holder: { alerts?: Alerts } = {};
  const secrets = buildSecrets(ctx, () => {
    if (holder.alerts === undefined) throw new Error('alerts used before they were built');
    return holder.alerts.router;
  });
  const alerts = createEngineAlerts({
    ...ctx,
    secretStore: secrets.store,
    journal,
    smtpTrustedCaPem: ctx.overrides.smtpTrustedCaPem,
  });
  holder.alerts = alerts;
  return {
    journal,
    secrets,
    alerts,
    settings: createEngineSettings({
      configStore: ctx.configStore,
      journal,
      logger: ctx.logger,
      events: ctx.events,
    }),
  };
}

/** A rotated live key is news on every channel a warning reaches: the trader should know it was them. */
function withRotationAlert(
  handlers: Secrets['handlers'],
  alerts: Alerts,
  ctx: ServiceContext,
): ChannelHandlers {
  return {
    ...(handlers as ChannelHandlers),
    'secrets:rotate-key': async (request) => {
      const result = await handlers['secrets:rotate-key'](request);
      alerts.router.raise({
        severity: 'warning',
        code: 'live-key-rotated',
        at: ctx.platform.clock.now(),
        details: { keyLast4: result.live.keyLast4, replacedKeyLast4: result.replacedKeyLast4 },
        message: `The live API key was rotated: Bulwark now uses the key ending ${result.live.keyLast4} instead of the one ending ${result.replacedKeyLast4}. If you did not do this, delete both keys in KuCoin → API Management now.`,
      });
      return result;
    },
  };
}

/** What the trading part is built from. */
interface TradingParts {
  readonly client: ExchangeClient;
  readonly journal: Journal;
  readonly alerts: Alerts;
  readonly analysis: EngineAnalysis;
  readonly trackRecord: ReturnType<typeof createEngineTrackRecord>;
  readonly paperMarket: PaperMarket | undefined;
  readonly observability: EngineObservability;
  readonly starting: Promise<void>;
  readonly hasKey: boolean;
}

/** Trading (only with a key): its alerts and metrics attached, started once the exchange client is. */
function startTrading(
  ctx: ServiceContext,
  parts: TradingParts,
): { trading: EngineTrading | undefined; untrade: () => void } {
  const { client, journal, alerts, analysis, trackRecord, paperMarket } = parts;
  if (!parts.hasKey) return { trading: undefined, untrade: () => undefined };
  const trading = createEngineTrading({
    ...ctx,
    client,
    journal,
    alerts: alerts.router,
    clock: ctx.platform.clock,
    atr: analysis.service,
    liveSizeCap: trackRecord.liveSizeCap,
    ...(paperMarket === undefined ? {} : { marketFeedStale: () => paperMarket.staleReason() }),
    verdictCheck: (symbol, side) =>
      againstVerdictDenial(side, analysis.service.verdict(symbol), ctx.config.analysis.entry),
  });
  const untrade = alertOnTradingEvents(
    trading.service,
    alerts.router,
    () => ctx.configStore.current(),
    ctx.platform.clock,
  );
  parts.observability.attachTrading(trading.service);
  void parts.starting.then(() => {
    trading.start();
  });
  return { trading, untrade };
}

/** The foundation: journal, secrets, alerts, settings, the credentials and (paper) the venue. */
type Foundation = ReturnType<typeof startAlerting> & {
  readonly credentials: ResolvedCredentials;
} & Awaited<ReturnType<typeof startPaper>>;

/** The exchange client on the venue or KuCoin, with its alerts and the metrics and health over it. */
async function startExchange(ctx: ServiceContext, base: Foundation) {
  const { venue, alerts, secrets, journal, credentials } = base;
  const endpoints =
    venue === undefined
      ? KUCOIN_LIVE_ENDPOINTS
      : { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl };
  const charted = createChartedSeries();
  const { client, bridge } = createEngineClient({
    ...ctx,
    clock: ctx.platform.clock,
    endpoints,
    credentials: credentials.credentials,
    charted,
  });
  const unbridge = bridge();
  const book = createEngineBook({ ...ctx, client, clock: ctx.platform.clock });
  const unalert = alertOnExchangeChanges(
    client,
    alerts.router,
    ctx.platform.clock,
    ctx.config.trading.state.staleMarketDataMs,
  );
  const observability = await startObservability({
    ...ctx,
    config: () => ctx.configStore.current(),
    clock: ctx.platform.clock,
    client,
    credentials,
    secretStore: secrets.store,
    journal,
    alerts,
  });
  const starting = client.start().catch((error: unknown) => {
    ctx.logger.error('exchange-start-failed', { error });
  });
  return { client, charted, book, unbridge, unalert, observability, starting };
}

/** Analysis, the track record and (with a key) trading, once the exchange client is there. */
function startAnalysisAndTrading(
  ctx: ServiceContext,
  base: Foundation,
  exchange: Awaited<ReturnType<typeof startExchange>>,
) {
  const { client, observability, starting } = exchange;
  const { journal, alerts, credentials, paperMarket } = base;
  const analysis = createEngineAnalysis({ ...ctx, client, alerts: alerts.router, clock: ctx.platform.clock });
  void starting.then(() => {
    analysis.start();
  });
  const trackRecord = createEngineTrackRecord({
    ...ctx,
    journal,
    userData: ctx.platform.paths.userData,
    clock: ctx.platform.clock,
    client,
  });
  const { trading, untrade } = startTrading(ctx, {
    ...{ client, journal, alerts, analysis, trackRecord, paperMarket, observability, starting },
    hasKey: credentials.credentials !== undefined,
  });
  return { analysis, trackRecord, trading, untrade };
}

type Upper = ReturnType<typeof startAnalysisAndTrading>;

/** Every channel's handler, from the parts that serve it. */
function handlersOf(
  ctx: ServiceContext,
  base: Foundation,
  exchange: Awaited<ReturnType<typeof startExchange>>,
  upper: Upper,
): ChannelHandlers {
  const { trading, analysis, trackRecord } = upper;
  return {
    ...engineMarketHandlers(exchange.client, ctx.logger, exchange.charted),
    ...exchange.book.handlers,
    ...(trading === undefined ? tradingWithoutKeyHandlers(channelNames) : trading.handlers),
    ...withRotationAlert(base.secrets.handlers, base.alerts, ctx),
    ...(base.alerts.handlers as ChannelHandlers),
    ...exchange.observability.handlers,
    ...analysis.handlers,
    ...(base.settings.handlers as ChannelHandlers),
    ...trackRecord.handlers,
    ...createPaperResetHandlers({
      venue: base.venue,
      journal: base.journal,
      clock: ctx.platform.clock,
      events: ctx.events,
      logger: ctx.logger,
    }),
  };
}

/** Stops everything in the reverse order of start. */
async function stopAll(
  base: Foundation,
  exchange: Awaited<ReturnType<typeof startExchange>>,
  upper: Upper,
): Promise<void> {
  upper.untrade();
  await upper.trading?.stop();
  upper.analysis.stop();
  await exchange.observability.stop();
  exchange.unalert();
  exchange.unbridge();
  exchange.book.stop();
  await exchange.starting;
  await exchange.client.stop();
  await base.venue?.stop();
  await base.paperMarket?.close();
  await base.alerts.stop();
  base.settings.stop();
  base.journal.close();
}

/**
 * Starts the services in order — journal, secrets and alerts, (paper) venue, exchange client,
 * metrics and health, trading — and returns them with a teardown that stops them in reverse.
 */
export async function startServices(ctx: ServiceContext): Promise<EngineServices> {
  const alerting = startAlerting(ctx);
  const credentials = await resolveCredentials(
    ctx.mode,
    alerting.secrets.service,
    ctx.config.secrets.paperCredentialBytes,
    ctx.logger,
  );
  const base: Foundation = { ...alerting, credentials, ...(await startPaper(ctx, credentials)) };
  const exchange = await startExchange(ctx, base);
  const upper = startAnalysisAndTrading(ctx, base, exchange);
  const { venue, paperMarket, secrets, journal, alerts } = base;
  return {
    handlers: handlersOf(ctx, base, exchange, upper),
    ...{ venue, paperMarket, client: exchange.client, secrets, credentials, journal, alerts },
    observability: exchange.observability,
    analysis: upper.analysis,
    trading: upper.trading?.service,
    stop: () => stopAll(base, exchange, upper),
  };
}
