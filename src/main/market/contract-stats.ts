import type { ContractStats } from '../../shared/ipc/channels/market.ts';
import type { KucoinContract } from '../exchange/kucoin/schemas/market.ts';

/** Whole percent from KuCoin's fraction, kept as a number for the header (not for money maths). */
const percentOf = (fraction: string | undefined): number | undefined =>
  fraction === undefined ? undefined : Number(fraction) * 100;

/**
 * The header's view of one contract from `GET /api/v1/contracts/{symbol}`: 24 h change, range and
 * volume, the current funding rate and when it settles. KuCoin gives the next funding time as a
 * remaining duration, so it is turned into an epoch against the time the answer arrived. A field
 * the exchange did not send stays absent: the header says "unknown", it never guesses.
 */
export function contractStatsOf(contract: KucoinContract, receivedAtMs: number): ContractStats {
  const fundingRatePct = percentOf(contract.fundingFeeRate);
  const changePct24h = percentOf(contract.priceChgPct);
  return {
    symbol: contract.symbol,
    ...(contract.markPrice === undefined ? {} : { markPrice: contract.markPrice }),
    ...(contract.indexPrice === undefined ? {} : { indexPrice: contract.indexPrice }),
    ...(changePct24h === undefined ? {} : { changePct24h }),
    ...(contract.highPrice === undefined ? {} : { high24h: contract.highPrice }),
    ...(contract.lowPrice === undefined ? {} : { low24h: contract.lowPrice }),
    ...(contract.volumeOf24h === undefined ? {} : { volume24h: contract.volumeOf24h }),
    ...(fundingRatePct === undefined ? {} : { fundingRatePct }),
    ...(contract.nextFundingRateTime === undefined
      ? {}
      : { nextFundingAtMs: receivedAtMs + contract.nextFundingRateTime }),
    receivedAtMs,
  };
}
