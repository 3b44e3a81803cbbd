/** What the mirror keeps of one upstream contract, and how it is first read over REST. */
import type { ExchangeClient, KucoinRestApi } from '../../exchange/index.ts';
import type { KucoinContract } from '../../exchange/kucoin/schemas/market.ts';
import type { Level2Book } from '../../exchange/kucoin/ws/level2-book.ts';
import type { Logger } from '../../observability/logger.ts';
import type { ContractSpec } from '../core/contracts.ts';
import type { UpstreamCandle, UpstreamFunding, UpstreamTrade } from '../core/upstream.ts';
import { specFromUpstream } from './contract-spec.ts';
import { loadMinuteHistory } from './history.ts';

/** Live state of one mirrored contract (prices are the upstream's decimal strings). */
export interface SymbolState {
  readonly spec: ContractSpec;
  mark: string;
  index: string;
  last: string;
  /** Prints since the core last took them. */
  readonly trades: UpstreamTrade[];
  funding: UpstreamFunding | undefined;
  readonly history: readonly UpstreamCandle[];
  readonly book: Level2Book;
}

/** The configured symbols that the upstream lists (in config order); the others are logged. */
export async function loadContracts(rest: KucoinRestApi, symbols: readonly string[], logger: Logger): Promise<KucoinContract[]> {
  const listed = await rest.listActiveContracts();
  const bySymbol = new Map(listed.map((contract) => [contract.symbol, contract]));
  const found = symbols.flatMap((symbol) => {
    const contract = bySymbol.get(symbol);
    if (contract === undefined) logger.warn('venue-mirror-symbol-not-listed', { symbol });
    return contract === undefined ? [] : [contract];
  });
  if (found.length === 0) throw new Error(`none of ${symbols.join(', ')} is listed by the upstream`);
  return found;
}

/** The upstream's funding schedule of a contract (`GET /api/v1/funding-rate/{symbol}/current`). */
export async function readFunding(rest: KucoinRestApi, symbol: string): Promise<UpstreamFunding> {
  const rate = await rest.getFundingRate(symbol);
  return {
    rate: rate.value,
    predictedRate: rate.predictedValue ?? rate.value,
    nextFundingMs: rate.fundingTime ?? rate.timePoint + rate.granularity,
  };
}

/** Reads tiers, funding, prices and history of a contract and opens its book on the public stream. */
export async function loadSymbolState(client: ExchangeClient, contract: KucoinContract, historyMinutes: number, nowMs: number): Promise<SymbolState> {
  const symbol = contract.symbol;
  const [levels, funding, mark, ticker] = await Promise.all([
    client.rest.getRiskLimitLevels(symbol),
    readFunding(client.rest, symbol),
    client.rest.getMarkPrice(symbol),
    client.rest.getTicker(symbol),
  ]);
  const spec = specFromUpstream({ ...contract, markPrice: mark.value }, levels);
  const history = historyMinutes === 0 ? [] : await loadMinuteHistory(client.rest, spec, historyMinutes, nowMs);
  const book = await client.openBook(symbol);
  return { spec, mark: mark.value, index: mark.indexPrice ?? mark.value, last: ticker.price, trades: [], funding, history, book };
}
