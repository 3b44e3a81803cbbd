/**
 * Records → KuCoin wire shapes, field by field as the SPEC examples (docs/reference/kucoin-futures.md#rest-conventions): strings
 * where KuCoin sends strings, numbers where it sends numbers, nanosecond `ts` where it uses ns.
 */
import type { Level } from '../engine/book.ts';
import { priceOfTicks } from '../engine/book.ts';
import type { Dec } from '../model/decimal.ts';
import { add, cmp, d, mul, quot, round, sub, text, wireNumber, ZERO } from '../model/decimal.ts';
import { valueOf } from '../engine/margin.ts';
import type { PositionMetrics } from '../engine/position-metrics.ts';
import type { MarketRecord, OrderRecord, PositionRecord } from '../model/state.ts';
import type { ContractWire, OrderWire, PositionWire, TickerWire } from './wire-types.ts';

/** Milliseconds → KuCoin nanosecond timestamp. */
export function nanos(ms: number): number {
  return ms * 1_000_000;
}

/** Price band for limit orders (docs/reference/kucoin-futures.md#orders IEPR: buy ≤ 1.05 × mark, sell ≥ 0.95 × mark), on the tick grid. */
export function priceBand(market: MarketRecord): { buyLimit: Dec; sellLimit: Dec } {
  return {
    buyLimit: round(mul(market.markPrice, d('1.05')), 4, 'down'),
    sellLimit: round(mul(market.markPrice, d('0.95')), 4, 'up'),
  };
}

function stats24h(market: MarketRecord, nowMs: number) {
  const since = nowMs - 86_400_000;
  const candles = market.candles.filter((candle) => candle.startMs >= since);
  const first = candles[0];
  let high = market.lastPrice;
  let low = market.lastPrice;
  let volume = 0n;
  let turnover = ZERO;
  for (const candle of candles) {
    if (cmp(candle.high, high) > 0) high = candle.high;
    if (cmp(candle.low, low) < 0) low = candle.low;
    volume += candle.volumeLots;
    turnover = add(turnover, candle.turnover);
  }
  const open = first?.open ?? market.lastPrice;
  return { high, low, volume, turnover, open };
}

/** 24 h statistics of a market: high, low, volume (lots), turnover (USDT), open price 24 h ago. */
export const marketStats24h = stats24h;

const SOURCE_EXCHANGES = ['okex', 'binance', 'kucoin', 'bybit', 'bitmart', 'gateio'] as const;

/** Flags every USDT perpetual carries (SPEC-MKT example). */
const FIXED_FLAGS = {
  takerFixFee: 0,
  makerFixFee: 0,
  settlementFee: null,
  isDeleverage: true,
  isQuanto: true,
  isInverse: false,
  markMethod: 'FairPrice',
  fairMethod: 'FundingRate',
} as const;

/** The fixed part of a contract: grid, limits, fees, symbols, cross parameters (SPEC-MKT). */
function contractStatic(market: MarketRecord) {
  const spec = market.spec;
  const firstTier = spec.riskTiers[0];
  return {
    symbol: spec.symbol,
    rootSymbol: 'USDT',
    type: 'FFWCSX' as const,
    firstOpenDate: spec.firstOpenDate,
    expireDate: null,
    settleDate: null,
    baseCurrency: spec.baseCurrency,
    quoteCurrency: 'USDT',
    settleCurrency: 'USDT',
    maxOrderQty: spec.maxOrderQty,
    maxPrice: wireNumber(spec.maxPrice),
    lotSize: spec.lotSize,
    tickSize: wireNumber(spec.tickSize),
    indexPriceTickSize: wireNumber(spec.indexPriceTickSize),
    multiplier: wireNumber(spec.multiplier),
    initialMargin: wireNumber(firstTier?.initialMargin ?? ZERO),
    maintainMargin: wireNumber(firstTier?.maintainMargin ?? ZERO),
    maxRiskLimit: firstTier?.maxRiskLimit ?? 0,
    minRiskLimit: firstTier?.maxRiskLimit ?? 0,
    riskStep: Math.floor((firstTier?.maxRiskLimit ?? 0) / 2),
    makerFeeRate: wireNumber(spec.makerFeeRate),
    takerFeeRate: wireNumber(spec.takerFeeRate),
    ...FIXED_FLAGS,
    fundingBaseSymbol: `.${spec.fundingBaseSymbol}INT8H`,
    fundingQuoteSymbol: '.USDTINT8H',
    fundingRateSymbol: `.${spec.symbol}FPI8H`,
    indexSymbol: spec.indexSymbol,
    settlementSymbol: '',
    status: 'Open' as const,
    maxLeverage: spec.maxLeverage,
    sourceExchanges: [...SOURCE_EXCHANGES],
    premiumsSymbol1M: `.${spec.symbol}PI`,
    premiumsSymbol8H: `.${spec.symbol}PI8H`,
    fundingBaseSymbol1M: `.${spec.fundingBaseSymbol}INT`,
    fundingQuoteSymbol1M: '.USDTINT',
    k: wireNumber(spec.k),
    m: wireNumber(spec.m),
    f: wireNumber(spec.f),
    mmrLimit: wireNumber(spec.mmrLimit),
    mmrLevConstant: wireNumber(spec.mmrLevConstant),
    supportCross: true,
  };
}

/** GET /api/v1/contracts/{symbol}: the fixed part plus prices, funding and 24 h statistics. */
export function contractWire(market: MarketRecord, nowMs: number, fundingIntervalMs: number): ContractWire {
  const stats = stats24h(market, nowMs);
  const band = priceBand(market);
  const priceChg = sub(market.lastPrice, stats.open);
  return {
    ...contractStatic(market),
    fundingFeeRate: wireNumber(market.fundingRate, 6),
    predictedFundingFeeRate: wireNumber(market.predictedFundingRate, 6),
    fundingRateGranularity: fundingIntervalMs,
    openInterest: market.openInterest.toString(),
    turnoverOf24h: wireNumber(stats.turnover, 8),
    volumeOf24h: wireNumber(mul({ m: stats.volume, s: 0 }, market.spec.multiplier), 8),
    markPrice: wireNumber(market.markPrice),
    indexPrice: wireNumber(market.indexPrice),
    lastTradePrice: wireNumber(market.lastPrice),
    nextFundingRateTime: market.lastFundingTimeMs + fundingIntervalMs - nowMs,
    lowPrice: wireNumber(stats.low),
    highPrice: wireNumber(stats.high),
    priceChgPct: stats.open.m === 0n ? 0 : wireNumber(quot(priceChg, stats.open), 4),
    priceChg: wireNumber(priceChg),
    buyLimit: wireNumber(band.buyLimit),
    sellLimit: wireNumber(band.sellLimit),
  };
}

/** GET /api/v1/ticker from the market and its best levels. */
export function tickerWire(
  market: MarketRecord,
  bestBid: Level | undefined,
  bestAsk: Level | undefined,
  nowMs: number,
): TickerWire {
  const tick = market.spec.tickSize;
  return {
    sequence: market.sequence,
    symbol: market.spec.symbol,
    side: market.lastTradeSide,
    size: Number(market.lastTradeSize),
    tradeId: market.lastTradeId,
    price: text(market.lastPrice),
    bestBidPrice: bestBid === undefined ? '0' : text(priceOfTicks(bestBid.ticks, tick)),
    bestBidSize: bestBid === undefined ? 0 : Number(bestBid.lots),
    bestAskPrice: bestAsk === undefined ? '0' : text(priceOfTicks(bestAsk.ticks, tick)),
    bestAskSize: bestAsk === undefined ? 0 : Number(bestAsk.lots),
    ts: nanos(nowMs),
  };
}

/** GET /api/v1/orders/{id}. */
export function orderWire(order: OrderRecord, multiplier: Dec): OrderWire {
  const priceForValue =
    order.price ??
    (order.filledSize > 0n ? quot(order.filledValue, mul({ m: order.filledSize, s: 0 }, multiplier)) : ZERO);
  const avg =
    order.filledSize > 0n
      ? round(quot(order.filledValue, mul({ m: order.filledSize, s: 0 }, multiplier)), 10, 'half-up')
      : ZERO;
  return {
    id: order.id,
    symbol: order.symbol,
    type: order.type,
    side: order.side,
    price: order.price === null ? '0' : text(order.price),
    size: Number(order.size),
    value: text(round(valueOf(order.size, multiplier, priceForValue), 10, 'half-up')),
    dealValue: text(order.filledValue),
    dealSize: Number(order.filledSize),
    stp: order.stp,
    stop: order.stop,
    stopPriceType: order.stopPriceType,
    stopTriggered: order.stopTriggered,
    stopPrice: order.stopPrice === null ? null : text(order.stopPrice),
    timeInForce: order.timeInForce,
    postOnly: order.postOnly,
    hidden: order.hidden,
    iceberg: order.iceberg,
    leverage: text(order.leverage),
    forceHold: order.forceHold,
    closeOrder: order.closeOrder,
    visibleSize: Number(order.visibleSize),
    clientOid: order.clientOid,
    remark: order.remark,
    tags: '',
    isActive: order.status === 'open',
    cancelExist: order.cancelExist,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    endAt: order.endAt,
    orderTime: order.orderTimeNs,
    settleCurrency: 'USDT',
    marginMode: order.marginMode,
    avgDealPrice: text(avg),
    filledSize: Number(order.filledSize),
    filledValue: text(order.filledValue),
    status: order.status,
    reduceOnly: order.reduceOnly,
  };
}

/** GET /api/v1/position for one position and its metrics. */
export function positionWire(
  position: PositionRecord,
  metrics: PositionMetrics,
  markPrice: Dec,
  nowMs: number,
  autoDeposit = false,
): PositionWire {
  const isolated = position.marginMode === 'ISOLATED';
  const realisedPnl = add(
    position.realisedGrossPnl,
    add({ m: -position.currentComm.m, s: position.currentComm.s }, position.posFunding),
  );
  const common = {
    id: position.id,
    symbol: position.symbol,
    crossMode: !isolated,
    delevPercentage: 0,
    openingTimestamp: position.openingTimestamp,
    currentTimestamp: nowMs,
    currentQty: Number(position.qty),
    currentCost: wireNumber(position.cost),
    currentComm: wireNumber(position.currentComm),
    unrealisedCost: wireNumber(position.cost),
    realisedGrossCost: wireNumber({ m: -position.realisedGrossPnl.m, s: position.realisedGrossPnl.s }),
    realisedCost: wireNumber(
      add(position.currentComm, { m: -position.posFunding.m, s: position.posFunding.s }),
    ),
    isOpen: position.qty !== 0n,
    markPrice: wireNumber(markPrice),
    markValue: wireNumber(mul({ m: position.qty < 0n ? -1n : 1n, s: 0 }, metrics.markValue)),
    posCost: wireNumber(position.cost),
    posInit: wireNumber(position.posInit),
    posMargin: wireNumber(metrics.posMargin),
    realisedGrossPnl: wireNumber(position.realisedGrossPnl),
    realisedPnl: wireNumber(realisedPnl),
    unrealisedPnl: wireNumber(metrics.unrealisedPnl),
    unrealisedPnlPcnt: wireNumber(metrics.unrealisedPnlPcnt, 4),
    unrealisedRoePcnt: wireNumber(metrics.unrealisedRoePcnt, 4),
    avgEntryPrice: wireNumber(metrics.avgEntryPrice),
    liquidationPrice: wireNumber(metrics.liquidationPrice),
    bankruptPrice: wireNumber(metrics.bankruptPrice),
    settleCurrency: 'USDT',
    isInverse: false,
    marginMode: position.marginMode,
    positionSide: 'BOTH' as const,
    leverage: wireNumber(metrics.realLeverage),
  };
  return isolated ? { ...common, ...isolatedFields(position, metrics), autoDeposit } : common;
}

/** Fields KuCoin sends only for isolated positions (SPEC-POS). */
function isolatedFields(position: PositionRecord, metrics: PositionMetrics) {
  return {
    autoDeposit: false,
    maintMarginReq: wireNumber(metrics.mmr),
    riskLimit: metrics.tier.maxRiskLimit,
    realLeverage: wireNumber(metrics.realLeverage),
    posCross: wireNumber(position.posCross),
    posCrossMargin: 0,
    posComm: wireNumber(position.posComm),
    posCommCommon: wireNumber(position.posComm),
    posLoss: wireNumber(position.posLoss),
    posFunding: wireNumber(position.posFunding),
    posMaint: wireNumber(metrics.posMaint),
    maintMargin: wireNumber(metrics.maintMargin),
    maintainMargin: wireNumber(metrics.mmr),
    riskLimitLevel: metrics.tier.level,
  };
}
