/** What the mirror keeps of one upstream contract, and how it is first read over REST. */
import type { ExchangeClient, KucoinRestApi } from '../../exchange/index.ts';
import type { KucoinContract } from '../../exchange/kucoin/schemas/market.ts';
import type { KucoinRiskLimitLevel } from '../../exchange/kucoin/schemas/positions.ts';
import type { Level2Book } from '../../exchange/kucoin/ws/level2-book.ts';
import type { Logger } from '../../observability/logger.ts';
import type { ContractSpec } from '../core/model/contracts.ts';
import type {
  UpstreamCandle,
  UpstreamFunding,
  UpstreamFundingPoint,
  UpstreamTrade,
} from '../core/model/upstream.ts';
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
  /** Settlements inside `history`'s time, oldest first (empty when the upstream would not say). */
  readonly fundingHistory: readonly UpstreamFundingPoint[];
  readonly book: Level2Book;
}

/** The configured symbols that the upstream lists (in config order); the others are logged. */
export async function loadContracts(
  rest: KucoinRestApi,
  symbols: readonly string[],
  logger: Logger,
): Promise<KucoinContract[]> {
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

/**
 * The settlements of the last `minutes` before `nowMs`, oldest first. A refusal leaves it empty: the
 * mirror opens without it, and a restored paper account's closed time is then settled without
 * funding (logged there) rather than at invented rates.
 */
async function readFundingHistory(
  rest: KucoinRestApi,
  symbol: string,
  minutes: number,
  nowMs: number,
): Promise<UpstreamFundingPoint[]> {
  if (minutes === 0) return [];
  try {
    const points = await rest.getFundingRateHistory(symbol, nowMs - minutes * 60_000, nowMs);
    return points
      .map((point) => ({ timeMs: point.timepoint, rate: String(point.fundingRate) }))
      .sort((a, b) => a.timeMs - b.timeMs);
  } catch {
    return [];
  }
}

/**
 * KuCoin serves the risk-limit tiers only signed (`x-api-channel: Private` in its OpenAPI spec for
 * GET /api/v1/contracts/risk-limit/{symbol}). With a key the mirror reads them; without one it
 * lists the contract's own first tier (its maxLeverage, initialMargin, maintainMargin and
 * maxRiskLimit from the contract answer) — the higher tiers are then not mirrored (ADR 0180).
 */
async function tiersOf(
  client: ExchangeClient,
  contract: KucoinContract,
  signed: boolean,
): Promise<KucoinRiskLimitLevel[]> {
  if (signed) return client.rest.getRiskLimitLevels(contract.symbol);
  const extras = contract as Record<string, unknown>;
  const maxRiskLimit =
    typeof extras.maxRiskLimit === 'number' && extras.maxRiskLimit > 0
      ? String(extras.maxRiskLimit)
      : '1000000000';
  return [
    {
      symbol: contract.symbol,
      level: 1,
      minRiskLimit: '0',
      maxRiskLimit,
      maxLeverage: contract.maxLeverage,
      initialMargin: contract.initialMargin,
      maintainMargin: contract.maintainMargin,
    },
  ];
}

/** Reads tiers, funding, prices and history of a contract and opens its book on the public stream. */
export async function loadSymbolState(
  client: ExchangeClient,
  contract: KucoinContract,
  historyMinutes: number,
  nowMs: number,
  signed: boolean,
): Promise<SymbolState> {
  const symbol = contract.symbol;
  const [levels, funding, mark, ticker, fundingHistory] = await Promise.all([
    tiersOf(client, contract, signed),
    readFunding(client.rest, symbol),
    client.rest.getMarkPrice(symbol),
    client.rest.getTicker(symbol),
    readFundingHistory(client.rest, symbol, historyMinutes, nowMs),
  ]);
  const spec = specFromUpstream({ ...contract, markPrice: mark.value }, levels);
  const history =
    historyMinutes === 0 ? [] : await loadMinuteHistory(client.rest, spec, historyMinutes, nowMs);
  const book = await client.openBook(symbol);
  return {
    spec,
    mark: mark.value,
    index: mark.indexPrice ?? mark.value,
    last: ticker.price,
    trades: [],
    funding,
    history,
    fundingHistory,
    book,
  };
}
