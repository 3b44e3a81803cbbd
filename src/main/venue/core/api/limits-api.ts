/**
 * Fee, limit and mode endpoints (docs/reference/kucoin-futures.md#account, #positions): trade fees, cross order limits (docs/reference/kucoin-futures.md#cross-margin),
 * risk-limit level change and batch margin-mode change.
 */
import { accountTotals, crossLeverageOf } from './account-view.ts';
import { changeMarginMode } from './account-api.ts';
import { cancelOpenOrder } from '../engine/cancels.ts';
import { tierFor } from '../model/contracts.ts';
import type { Venue } from '../model/context.ts';
import { cmp, d, format, isDecimalString, mul, round, sign, text } from '../model/decimal.ts';
import { marketOf } from '../wire/emitters.ts';
import { VenueError, venueErrors } from '../wire/errors.ts';
import type { QueryParams } from '../exchange-api.ts';
import { crossImrOf, crossMaxOpenBase, crossMmrOf, lotsOfBase, valueOf } from '../engine/margin.ts';
import { accountOf } from '../engine/order-entry.ts';
import type { BatchMarginModeWire, CrossOrderLimitWire, TradeFeesWire } from '../wire/wire-types.ts';

/** GET /api/v1/trade-fees?symbol=. */
export function tradeFees(venue: Venue, userId: string, symbol: string): TradeFeesWire {
  accountOf(venue, userId);
  const spec = marketOf(venue, symbol).spec;
  return { symbol, takerFeeRate: text(spec.takerFeeRate), makerFeeRate: text(spec.makerFeeRate) };
}

function positiveQuery(query: QueryParams, name: string): ReturnType<typeof d> | null {
  const raw = query[name];
  if (raw === undefined || raw === '') return null;
  if (!isDecimalString(raw) || sign(d(raw)) <= 0)
    throw venueErrors.invalidParameter(`The ${name} parameter is invalid`);
  return d(raw);
}

/**
 * GET /api/v2/batchGetCrossOrderLimit?symbol=A,B&totalMargin=&leverage= (≤ 50 symbols): the largest
 * cross position `totalMargin` (default: available balance) opens at the last price (docs/reference/kucoin-futures.md#cross-margin).
 */
export function batchCrossOrderLimit(
  venue: Venue,
  userId: string,
  query: QueryParams,
): CrossOrderLimitWire[] {
  const account = accountOf(venue, userId);
  const symbols = (query.symbol ?? '').split(',').filter((symbol) => symbol !== '');
  if (symbols.length === 0 || symbols.length > 50)
    throw venueErrors.invalidParameter('The symbol parameter is invalid');
  const totalMargin =
    positiveQuery(query, 'totalMargin') ?? accountTotals(account, venue.markets).availableBalance;
  const leverageQuery = positiveQuery(query, 'leverage');
  return symbols.map((symbol) => {
    const spec = marketOf(venue, symbol).spec;
    const price = marketOf(venue, symbol).lastPrice;
    const leverage = leverageQuery ?? crossLeverageOf(account, symbol);
    if (cmp(leverage, d(spec.maxLeverage)) > 0) throw venueErrors.leverageTooHigh(spec.maxLeverage);
    const lots = lotsOfBase(crossMaxOpenBase(spec.k, totalMargin, leverage, price), spec.multiplier);
    const mmr = crossMmrOf(
      mul({ m: lots, s: 0 }, spec.multiplier),
      spec.m,
      spec.mmrLevConstant,
      spec.mmrLimit,
    );
    return {
      symbol,
      maxOpenSize: Number(lots),
      maxOpenValue: format(round(valueOf(lots, spec.multiplier, price), 10), 10),
      totalMargin: text(totalMargin),
      price: text(price),
      leverage: format(round(leverage, 2), 2),
      mmr: text(mmr),
      imr: text(crossImrOf(leverage, mmr, spec.f)),
      currency: 'USDT',
    };
  });
}

/**
 * POST /api/v1/position/risk-limit-level/change `{symbol, level}` → true; the outcome arrives on
 * `/contract/position:{symbol}` as position.adjustRiskLimit (docs/reference/kucoin-futures.md#positions). Open orders on the symbol are
 * canceled; a level whose limit is below the position's value is refused in that message.
 */
export function changeRiskLimitLevel(venue: Venue, userId: string, body: unknown): true {
  const account = accountOf(venue, userId);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const symbol = typeof fields.symbol === 'string' ? fields.symbol : '';
  const market = marketOf(venue, symbol);
  const level = fields.level;
  if (
    typeof level !== 'number' ||
    !Number.isInteger(level) ||
    !market.spec.riskTiers.some((tier) => tier.level === level)
  ) {
    throw venueErrors.invalidParameter('The level parameter is invalid');
  }
  const position = account.positions.get(symbol);
  const value =
    position === undefined ? d(0) : valueOf(position.qty, market.spec.multiplier, market.markPrice);
  const fits = tierFor(market.spec, value, level).level === level;
  for (const order of [...account.openOrders].filter(
    (o) => o.symbol === symbol && o.status === 'open' && !o.parked,
  )) {
    cancelOpenOrder(venue, account, order);
  }
  if (fits) account.riskLimitLevels.set(symbol, level);
  venue.emit({
    topic: `/contract/position:${symbol}`,
    subject: 'position.adjustRiskLimit',
    userId,
    data: {
      success: fits,
      riskLimitLevel: fits ? level : (account.riskLimitLevels.get(symbol) ?? 1),
      msg: fits ? '' : 'The position value exceeds the risk limit of this level',
    },
  });
  return true;
}

/** POST /api/v2/position/batchChangeMarginMode `{marginMode, symbols}`: per-symbol outcome (docs/reference/kucoin-futures.md#margin-mode). */
export function batchChangeMarginMode(venue: Venue, userId: string, body: unknown): BatchMarginModeWire {
  accountOf(venue, userId);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const symbols = fields.symbols;
  if (
    !Array.isArray(symbols) ||
    symbols.length === 0 ||
    !symbols.every((symbol): symbol is string => typeof symbol === 'string')
  ) {
    throw venueErrors.invalidParameter('The symbols parameter is invalid');
  }
  const answer: BatchMarginModeWire = { marginMode: {}, errors: [] };
  for (const symbol of symbols) {
    try {
      answer.marginMode[symbol] = changeMarginMode(venue, userId, {
        symbol,
        marginMode: fields.marginMode,
      }).marginMode;
    } catch (error) {
      if (!(error instanceof VenueError)) throw error;
      if (error.code === '100001' && !['ISOLATED', 'CROSS'].includes(String(fields.marginMode))) throw error;
      answer.errors.push({ code: error.code, msg: error.msg, symbol });
      const current = venue.accounts.get(userId)?.marginModes.get(symbol);
      if (current !== undefined || venue.markets.has(symbol))
        answer.marginMode[symbol] = current ?? 'ISOLATED';
    }
  }
  return answer;
}
