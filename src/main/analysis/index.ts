/**
 * Multi-timeframe analysis (ADR 0700–0705): incremental indicators per timeframe, a signal per
 * timeframe, a weighted verdict, the ticket's warning and the optional `against-verdict` rule,
 * and the ATR source trading reads.
 */
export { createAnalysisService } from './analysis-service.ts';
export type { AnalysisService, AnalysisServiceOptions, VerdictSource } from './analysis-service.ts';
export { timeframeOfMinutes } from './atr-source.ts';
export type { AtrSource } from './atr-source.ts';
export { againstVerdictDenial, againstVerdictSentence, entryWarning, signedScore } from './entry-check.ts';
export type { AgainstVerdictDenial } from './entry-check.ts';
export { createAnalysisHandlers } from './handlers.ts';
export { analysisMarketFrom } from './history-source.ts';
export type { AnalysisMarket, CandleUpdate } from './history-source.ts';
export type { Timeframe } from '../market/timeframes.ts';
