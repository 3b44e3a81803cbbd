import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';

/** Whether the app trades on the built-in paper venue or on KuCoin with the trader's keys. */
export const tradingModeSchema = z.enum(['paper', 'live']);
export type TradingMode = z.infer<typeof tradingModeSchema>;

/**
 * Where the paper venue's market comes from: `live` = KuCoin's live futures market mirrored,
 * `simulated` = the built-in simulated market. `reason` says why it is simulated ('' when live);
 * `stale` says why live data is stale right now ('' while fresh).
 */
export const marketDataStatusSchema = z.object({
  source: z.enum(['live', 'simulated']),
  reason: z.string(),
  stale: z.string(),
});
export type MarketDataStatus = z.infer<typeof marketDataStatusSchema>;

/** What the status bar shows about the engine. `marketData` is present in paper mode only. */
export const appStatusSchema = z.object({
  mode: tradingModeSchema,
  version: z.string(),
  startedAt: z.number().int(),
  uptimeMs: z.number().int().nonnegative(),
  venueUrl: z.string(),
  marketData: marketDataStatusSchema.optional(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

/** Main's pulse: proves to the renderer that the engine is alive and how far along. */
export const heartbeatSchema = z.object({
  seq: z.number().int().nonnegative(),
  at: z.number().int(),
  mode: tradingModeSchema,
  uptimeMs: z.number().int().nonnegative(),
  /** The paper venue's market source now (paper mode only), so a stale spell reaches the header. */
  marketData: marketDataStatusSchema.optional(),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const appChannels = {
  'app:get-status': { request: z.undefined(), response: appStatusSchema },
} as const satisfies ChannelMap;

export const appEvents = {
  'app:heartbeat': heartbeatSchema,
} as const satisfies EventMap;
