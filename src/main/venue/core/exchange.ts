/**
 * Composition of the exchange core (ADR 0100): builds the venue state, warms up candle history,
 * and exposes {@link VenueExchange}. Every call first brings venue time up to the clock.
 */
import type { Logger } from '../../observability/logger.ts';
import type { PriceFeed } from '../feeds/price-feed.ts';
import { createRandomWalkFeed } from '../feeds/random-walk.ts';
import { newAccountRecord } from './engine/accounting.ts';
import * as accountApi from './api/account-api.ts';
import * as cancels from './engine/cancels.ts';
import { contractSpecs, feedSymbols } from './model/contracts.ts';
import type { ContractSpec } from './model/contracts.ts';
import type { Venue } from './model/context.ts';
import { createIdSource } from './model/context.ts';
import type { Dec } from './model/decimal.ts';
import { add, d, isDecimalString, mul, ONE, quot, sign, text, wireNumber } from './model/decimal.ts';
import { emitWallet, marketOf } from './wire/emitters.ts';
import { venueErrors } from './wire/errors.ts';
import type { VenueEvent, VenueEventListener } from './wire/events.ts';
import type { VenueExchange, VenueExchangeOptions } from './exchange-api.ts';
import { predictedRate } from './engine/funding.ts';
import { autoDeleverage } from './engine/adl.ts';
import { runLiquidations } from './engine/liquidation.ts';
import * as indexApi from './api/index-api.ts';
import * as limitsApi from './api/limits-api.ts';
import * as marketApi from './api/market-api.ts';
import { advanceVenue, stepMarket, takePrices } from './engine/market-step.ts';
import { accountOf, placeMany, placeOne, placeWithStops } from './engine/order-entry.ts';
import type { EntryDeps } from './engine/order-entry.ts';
import { orderTimeline } from './api/order-timeline.ts';
import * as queries from './api/queries.ts';
import { createRng, deriveSeed } from './engine/rng.ts';
import type { MarketRecord } from './model/state.ts';
import { checkStops } from './engine/stops.ts';
import { openMirrored } from './engine/mirror-open.ts';

function newMarket(spec: ContractSpec, nowMs: number, fundingIntervalMs: number): MarketRecord {
  const price = d(spec.initialPrice);
  return {
    spec,
    markPrice: price,
    indexPrice: price,
    lastPrice: price,
    feedLastPrice: price,
    lastTradeSide: 'buy',
    lastTradeSize: 0n,
    lastTradeId: '0',
    sequence: 1,
    trades: [],
    candles: [],
    liveCandles: new Map(),
    fundingRate: d('0.0001'),
    predictedFundingRate: d('0.0001'),
    lastFundingTimeMs: Math.floor(nowMs / fundingIntervalMs) * fundingIntervalMs,
    fundingHistory: [],
    priceFactor: ONE,
    priceOverride: null,
    consumedBids: new Map(),
    consumedAsks: new Map(),
    openInterest: 0n,
    nextSnapshotMs: 0,
    depthDirty: false,
    lastDepthMs: -1_000,
    indexHistory: [],
    premiumHistory: [],
  };
}

function defaultFeed(options: VenueExchangeOptions, startMs: number): PriceFeed {
  const config = options.config;
  return createRandomWalkFeed({
    seed: options.seed,
    symbols: feedSymbols(),
    startMs,
    stepMs: config.priceStepMs,
    annualVolatility: config.randomWalkAnnualVolatility,
    jumpProbability: config.randomWalkJumpProbability,
    jumpFraction: config.randomWalkJumpFraction,
    markBasisFraction: config.markBasisFraction,
    volatilityFactors: Object.fromEntries(contractSpecs.map((spec) => [spec.symbol, spec.volatilityFactor])),
  });
}

function createVenue(
  options: VenueExchangeOptions,
  listeners: Set<VenueEventListener>,
  warmStart: number,
): Venue {
  const config = options.config;
  const upstream = options.upstream;
  const logger = options.logger.child({ component: 'venue-core' });
  const specs = upstream?.specs ?? contractSpecs;
  const markets = new Map(
    specs.map((spec) => [spec.symbol, newMarket(spec, warmStart, config.fundingIntervalMs)]),
  );
  return {
    config,
    logger,
    feed: upstream?.feed ?? options.priceFeed ?? defaultFeed(options, warmStart),
    mirror:
      upstream === undefined
        ? undefined
        : { upstream, queueAhead: new Map(), nextFundingMs: new Map(), lastMarkPush: new Map() },
    rng: createRng(deriveSeed(options.seed, 'venue')),
    shape: {
      depthLevels: config.bookDepthLevels,
      spreadTicks: config.bookSpreadTicks,
      levelStepTicks: config.bookLevelStepTicks,
      levelSizeLots: config.bookLevelSizeLots,
    },
    markets,
    accounts: new Map(),
    resting: new Map(),
    parked: new Map(),
    nowMs: warmStart,
    advancing: false,
    nextStepMs: warmStart,
    // A mirrored market settles each contract at the upstream's own funding times (mirror-step.ts).
    nextFundingMs:
      upstream === undefined
        ? (Math.floor(warmStart / config.fundingIntervalMs) + 1) * config.fundingIntervalMs
        : Number.POSITIVE_INFINITY,
    nextFundingRateMs: warmStart,
    status: { status: 'open', msg: '' },
    acceptDuplicateClientOid: false,
    ids: createIdSource(options.seed),
    listening: () => listeners.size > 0,
    emit: emitterTo(listeners, logger),
  };
}

/** Hands an event to every listener; one that throws is logged and does not stop the others. */
function emitterTo(listeners: Set<VenueEventListener>, logger: Logger): (event: VenueEvent) => void {
  return (event) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.error('venue-listener-failed', { topic: event.topic, error: String(error) });
      }
    }
  };
}

/** Builds candle history before the venue opens: one step a minute up to the clock. */
function warmUp(venue: Venue, untilMs: number): void {
  for (const market of venue.markets.values()) {
    takePrices(venue, market);
    market.lastPrice = market.feedLastPrice;
    market.predictedFundingRate = predictedRate(market);
    market.fundingRate = market.predictedFundingRate;
  }
  const stepMs = 60_000;
  while (venue.nowMs + stepMs <= untilMs) {
    venue.nowMs += stepMs;
    for (const market of venue.markets.values()) stepMarket(venue, market);
    if (venue.nowMs >= venue.nextFundingMs) {
      for (const market of venue.markets.values())
        market.fundingHistory.push({
          symbol: market.spec.symbol,
          fundingRate: wireNumber(market.fundingRate, 6),
          timepoint: venue.nextFundingMs,
        });
      for (const market of venue.markets.values()) market.lastFundingTimeMs = venue.nextFundingMs;
      venue.nextFundingMs += venue.config.fundingIntervalMs;
    }
  }
  venue.nowMs = untilMs;
  venue.nextStepMs = untilMs + venue.config.priceStepMs;
  venue.nextFundingRateMs = Math.ceil(untilMs / 60_000) * 60_000;
}

function checkedPrice(price: string): void {
  if (!isDecimalString(price) || sign(d(price)) <= 0)
    throw venueErrors.invalidParameter('The price parameter is invalid');
}

type Sync = () => void;

function openAccountOf(venue: Venue, userId: string, startingBalanceUsdt: string): void {
  if (!isDecimalString(startingBalanceUsdt) || sign(d(startingBalanceUsdt)) < 0)
    throw venueErrors.invalidParameter('The balance is invalid');
  if (venue.accounts.has(userId)) return;
  const balance = d(startingBalanceUsdt);
  const account = newAccountRecord(userId, balance, [
    {
      time: venue.nowMs,
      type: 'TransferIn',
      amount: wireNumber(balance),
      fee: 0,
      accountEquity: wireNumber(balance),
      status: 'Completed',
      remark: 'Paper venue starting balance',
      offset: 1,
      currency: 'USDT',
    },
  ]);
  venue.accounts.set(userId, account);
  emitWallet(venue, account);
}

/** The fresh account of a reset; refused while anything of the old one is open. */
function resetAccountOf(venue: Venue, userId: string, startingBalanceUsdt: string): void {
  const account = venue.accounts.get(userId);
  if (account !== undefined) {
    const open = [...account.positions.values()].filter((p) => p.qty !== 0n).map((p) => p.symbol);
    if (open.length > 0 || account.openOrders.size > 0) {
      throw venueErrors.invalidParameter(
        `The account still holds ${open.length > 0 ? `a position in ${open.join(', ')}` : `${String(account.openOrders.size)} open order(s)`}: close and cancel everything before a reset`,
      );
    }
    venue.accounts.delete(userId);
  }
  openAccountOf(venue, userId, startingBalanceUsdt);
}

function drillMethods(
  venue: Venue,
  sync: Sync,
): Pick<VenueExchange, 'orderTimeline' | 'withDuplicateClientOids'> {
  return {
    orderTimeline: (filter) => (sync(), orderTimeline(venue, filter)),
    withDuplicateClientOids(work) {
      const before = venue.acceptDuplicateClientOid;
      venue.acceptDuplicateClientOid = true;
      try {
        return work();
      } finally {
        venue.acceptDuplicateClientOid = before;
      }
    },
  };
}

function accountMethods(
  venue: Venue,
  sync: Sync,
): Pick<VenueExchange, 'openAccount' | 'resetAccount' | 'hasAccount' | 'ledger' | 'accountOverview'> {
  return {
    openAccount: (userId, startingBalanceUsdt) => {
      openAccountOf(venue, userId, startingBalanceUsdt);
    },
    resetAccount: (userId, startingBalanceUsdt) => {
      sync();
      resetAccountOf(venue, userId, startingBalanceUsdt);
    },
    hasAccount: (userId) => venue.accounts.has(userId),
    ledger(userId) {
      sync();
      const account = accountOf(venue, userId);
      const { deposits, realisedGross, fees, funding, insuranceCover } = account.ledger;
      return {
        balance: text(account.balance),
        deposits: text(deposits),
        realisedGross: text(realisedGross),
        fees: text(fees),
        funding: text(funding),
        insuranceCover: text(insuranceCover),
      };
    },
    accountOverview: (userId, currency) => (sync(), accountApi.accountOverview(venue, userId, currency)),
  };
}

type PublicMethods =
  | 'indexSeries'
  | 'premiumSeries'
  | 'interestSeries'
  | 'tradeStatistics'
  | 'contractsActive'
  | 'contract'
  | 'ticker'
  | 'allTickers'
  | 'level2Snapshot'
  | 'depth'
  | 'tradeHistory'
  | 'klines'
  | 'markPrice'
  | 'fundingRateCurrent'
  | 'fundingHistory'
  | 'riskLimitLevels'
  | 'serverTimeMs'
  | 'status'
  | 'setStatus';

function publicMethods(venue: Venue, sync: Sync): Pick<VenueExchange, PublicMethods> {
  return {
    contractsActive: () => (sync(), marketApi.contractsActive(venue)),
    contract: (symbol) => (sync(), marketApi.contract(venue, symbol)),
    ticker: (symbol) => (sync(), marketApi.ticker(venue, symbol)),
    allTickers: () => (sync(), marketApi.allTickers(venue)),
    level2Snapshot: (symbol) => (sync(), marketApi.level2(venue, symbol)),
    depth: (symbol, size) => (sync(), marketApi.level2(venue, symbol, size)),
    tradeHistory: (symbol) => (sync(), marketApi.tradeHistory(venue, symbol)),
    klines: (symbol, granularity, fromMs, toMs) => (
      sync(),
      marketApi.klines(venue, symbol, granularity, fromMs, toMs)
    ),
    markPrice: (symbol) => (sync(), marketApi.markPrice(venue, symbol)),
    fundingRateCurrent: (symbol) => (sync(), marketApi.fundingRateCurrent(venue, symbol)),
    fundingHistory: (symbol, fromMs, toMs) => (sync(), marketApi.fundingHistory(venue, symbol, fromMs, toMs)),
    riskLimitLevels: (symbol) => marketApi.riskLimitLevels(venue, symbol),
    serverTimeMs: () => (sync(), venue.nowMs),
    status: () => ({ ...venue.status }),
    tradeStatistics: () => (sync(), marketApi.tradeStatistics(venue)),
    indexSeries: (query) => (sync(), indexApi.indexSeries(venue, query)),
    premiumSeries: (query) => (sync(), indexApi.premiumSeries(venue, query)),
    interestSeries: (query) => (sync(), indexApi.interestSeries(venue, query)),
    setStatus(status, msg = '') {
      venue.status = { status, msg };
    },
  };
}

type OrderMethods =
  | 'placeOrder'
  | 'testOrder'
  | 'placeOrders'
  | 'placeOrderWithStops'
  | 'cancelOrder'
  | 'cancelByClientOid'
  | 'cancelAll'
  | 'cancelMany'
  | 'cancelStopOrders'
  | 'listStopOrders'
  | 'order'
  | 'orderByClientOid'
  | 'listOrders'
  | 'recentDoneOrders'
  | 'openOrderStatistics'
  | 'fills'
  | 'recentFills';

function orderMethods(venue: Venue, sync: Sync): Pick<VenueExchange, OrderMethods> {
  const deps: EntryDeps = {
    venue,
    checkStops: (market) => {
      checkStops(venue, market);
    },
  };
  return {
    placeOrder: (userId, body) => (sync(), placeOne(deps, userId, body, false)),
    testOrder: (userId, body) => (sync(), placeOne(deps, userId, body, true)),
    placeOrders: (userId, body) => (sync(), placeMany(deps, userId, body)),
    placeOrderWithStops: (userId, body) => (sync(), placeWithStops(deps, userId, body)),
    cancelOrder: (userId, orderId) => (
      sync(),
      guardCancel(venue),
      cancels.cancelById(venue, userId, orderId)
    ),
    cancelByClientOid: (userId, clientOid, symbol) => (
      sync(),
      guardCancel(venue),
      cancels.cancelByClientOid(venue, userId, clientOid, symbol)
    ),
    cancelAll: (userId, symbol) => (sync(), guardCancel(venue), cancels.cancelAll(venue, userId, symbol)),
    cancelMany: (userId, body) => (sync(), guardCancel(venue), cancels.cancelMany(venue, userId, body)),
    cancelStopOrders: (userId, symbol) => (
      sync(),
      guardCancel(venue),
      cancels.cancelStops(venue, userId, symbol)
    ),
    listStopOrders: (userId, query) => (sync(), queries.listStopOrders(venue, userId, query)),
    order: (userId, orderId) => (sync(), queries.findOrder(venue, userId, { orderId })),
    orderByClientOid: (userId, clientOid) => (sync(), queries.findOrder(venue, userId, { clientOid })),
    listOrders: (userId, query) => (sync(), queries.listOrders(venue, userId, query)),
    recentDoneOrders: (userId, symbol) => (sync(), queries.recentDoneOrders(venue, userId, symbol)),
    openOrderStatistics: (userId, symbol) => (sync(), queries.openOrderStatistics(venue, userId, symbol)),
    fills: (userId, query) => (sync(), queries.listFills(venue, userId, query)),
    recentFills: (userId, symbol) => (sync(), queries.recentFills(venue, userId, symbol)),
  };
}

type PositionMethods =
  | 'setAutoDeposit'
  | 'transactionHistory'
  | 'tradeFees'
  | 'batchCrossOrderLimit'
  | 'changeRiskLimitLevel'
  | 'batchChangeMarginMode'
  | 'position'
  | 'positions'
  | 'historyPositions'
  | 'fundingPayments'
  | 'marginMode'
  | 'setMarginMode'
  | 'crossLeverage'
  | 'setCrossLeverage'
  | 'depositMargin'
  | 'withdrawMargin'
  | 'maxWithdrawMargin'
  | 'maxOpenSize';

function positionMethods(venue: Venue, sync: Sync): Pick<VenueExchange, PositionMethods> {
  return {
    position: (userId, symbol) => (sync(), accountApi.positionOfUser(venue, userId, symbol)),
    positions: (userId) => (sync(), accountApi.openPositions(venue, userId)),
    historyPositions: (userId, query) => (sync(), queries.historyPositions(venue, userId, query)),
    fundingPayments: (userId, query) => (sync(), queries.fundingPayments(venue, userId, query)),
    marginMode: (userId, symbol) => (sync(), accountApi.marginModeOf(venue, userId, symbol)),
    setMarginMode: (userId, body) => (sync(), accountApi.changeMarginMode(venue, userId, body)),
    crossLeverage: (userId, symbol) => (sync(), accountApi.crossLeverage(venue, userId, symbol)),
    setCrossLeverage: (userId, body) => (sync(), accountApi.changeCrossLeverage(venue, userId, body)),
    depositMargin: (userId, body) => (sync(), accountApi.depositMargin(venue, userId, body)),
    withdrawMargin: (userId, body) => (sync(), accountApi.withdrawMargin(venue, userId, body)),
    setAutoDeposit: (userId, body) => (sync(), accountApi.setAutoDeposit(venue, userId, body)),
    maxWithdrawMargin: (userId, symbol) => (sync(), accountApi.maxWithdrawMargin(venue, userId, symbol)),
    maxOpenSize: (userId, query) => (sync(), accountApi.maxOpenSize(venue, userId, query)),
    tradeFees: (userId, symbol) => limitsApi.tradeFees(venue, userId, symbol),
    transactionHistory: (userId, query) => (sync(), queries.transactionHistory(venue, userId, query)),
    batchCrossOrderLimit: (userId, query) => (sync(), limitsApi.batchCrossOrderLimit(venue, userId, query)),
    changeRiskLimitLevel: (userId, body) => (sync(), limitsApi.changeRiskLimitLevel(venue, userId, body)),
    batchChangeMarginMode: (userId, body) => (sync(), limitsApi.batchChangeMarginMode(venue, userId, body)),
  };
}

function drivingMethods(
  venue: Venue,
  sync: Sync,
  listeners: Set<VenueEventListener>,
): Pick<VenueExchange, 'advanceTo' | 'setPrice' | 'jumpPrice' | 'autoDeleverage' | 'on' | 'close'> {
  const reprice = (symbol: string, target: (market: MarketRecord) => Dec): void => {
    sync();
    const market = marketOf(venue, symbol);
    const raw = d(venue.feed.priceAt(symbol, venue.nowMs).markPrice);
    const price = target(market);
    market.priceFactor = sign(raw) > 0 ? quot(price, raw) : ONE;
    market.priceOverride = price;
    stepMarket(venue, market);
    runLiquidations(venue);
  };
  return {
    advanceTo: (ms) => {
      advanceVenue(venue, ms);
    },
    setPrice(symbol, price) {
      checkedPrice(price);
      reprice(symbol, () => d(price));
    },
    jumpPrice(symbol, pct) {
      if (!Number.isFinite(pct) || pct <= -100)
        throw venueErrors.invalidParameter('The pct parameter is invalid');
      reprice(symbol, (market) => mul(market.markPrice, add(ONE, quot(d(pct), d(100)))));
    },
    autoDeleverage(userId, symbol, lots) {
      sync();
      return autoDeleverage(venue, userId, symbol, lots);
    },
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close: () => {
      venue.feed.close();
    },
  };
}

/**
 * Builds the venue state and its history; with persistence, the history reaches back to when the
 * saved state was written (at most `maxRestoreGapMs`), is built up to that point, and the store then
 * restores the accounts and settles the rest of the gap on it (ADR 0160).
 */
function openVenue(options: VenueExchangeOptions, listeners: Set<VenueEventListener>): Venue {
  const startMs = options.clock.now();
  // A mirrored market brings its own history (which covers the closed time); the synthetic one
  // builds it by warming up.
  if (options.upstream !== undefined) {
    const mirrored = createVenue(options, listeners, startMs);
    if (mirrored.mirror !== undefined) openMirrored(mirrored, mirrored.mirror, startMs);
    options.persistence?.restore(mirrored, startMs);
    options.persistence?.commit(mirrored);
    return mirrored;
  }
  const savedAtMs = options.persistence?.savedAtMs() ?? null;
  const defaultStart = startMs - options.config.historyWarmupMs;
  const resumeAtMs =
    savedAtMs === null
      ? startMs
      : Math.min(startMs, Math.max(savedAtMs, startMs - options.config.maxRestoreGapMs));
  const venue = createVenue(options, listeners, Math.min(defaultStart, resumeAtMs));
  warmUp(venue, resumeAtMs);
  if (options.persistence !== undefined) {
    options.persistence.restore(venue, startMs);
    options.persistence.commit(venue);
  }
  return venue;
}

/** Every method of `exchange`, followed by a commit of whatever it changed (thrown or not). */
function committing(exchange: VenueExchange, commit: () => void): VenueExchange {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(exchange) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = (...args: unknown[]): unknown => {
      try {
        return method(...args);
      } finally {
        commit();
      }
    };
  }
  return wrapped as unknown as VenueExchange;
}

/** Builds a venue exchange (deterministic given `seed` and the clock). */
export function createVenueExchange(options: VenueExchangeOptions): VenueExchange {
  const listeners = new Set<VenueEventListener>();
  const venue = openVenue(options, listeners);
  const sync = (): void => {
    advanceVenue(venue, Math.max(options.clock.now(), venue.nowMs));
  };
  const exchange = buildExchange(venue, sync, listeners);
  const persistence = options.persistence;
  return persistence === undefined
    ? exchange
    : committing(exchange, () => {
        persistence.commit(venue);
      });
}

function buildExchange(venue: Venue, sync: Sync, listeners: Set<VenueEventListener>): VenueExchange {
  return {
    ...accountMethods(venue, sync),
    ...drillMethods(venue, sync),
    ...publicMethods(venue, sync),
    ...orderMethods(venue, sync),
    ...positionMethods(venue, sync),
    ...drivingMethods(venue, sync, listeners),
  };
}

/** 'close' refuses cancels too (docs/reference/kucoin-futures.md#server-time status close); 'cancelonly' allows them. */
function guardCancel(venue: Venue): void {
  if (venue.status.status === 'close') throw venueErrors.tradingSuspended();
}
