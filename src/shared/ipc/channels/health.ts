/**
 * Bulwark's one health status for the status bar: green / amber / red with its reasons in the
 * trader's words, worked out from REST connectivity, authentication, time sync, each stream's
 * liveness, the breakers, rate-limit headroom, the keychain, market-data freshness, the journal and
 * each alert channel's last delivery.
 */
import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';

/** Green: all is well. Amber: degraded, trading still safe. Red: something needs the trader now. */
export const healthLevelSchema = z.enum(['green', 'amber', 'red']);
export type HealthLevel = z.infer<typeof healthLevelSchema>;

/** One check's reading. */
export const healthReadingSchema = z.object({
  /** Which check, e.g. `breaker-futures`, `stream-private`, `alert-telegram`. */
  check: z.string(),
  level: healthLevelSchema,
  /** What it means, e.g. "KuCoin's futures API is unreachable …". */
  reason: z.string(),
});
export type HealthReading = z.infer<typeof healthReadingSchema>;

/** The status: the worst level of all checks and why. */
export const healthStatusSchema = z.object({
  level: healthLevelSchema,
  /** The reasons of every check that is not green, worst first. */
  reasons: z.array(z.string()),
  checks: z.array(healthReadingSchema),
  at: z.number().int(),
  /** Since when the status has had this level. */
  since: z.number().int(),
});
export type HealthStatus = z.infer<typeof healthStatusSchema>;

export const healthChannels = {
  'health:get-status': { request: z.undefined(), response: healthStatusSchema },
} as const satisfies ChannelMap;

export const healthEvents = {
  /** The level or a reason changed. */
  'health:status-changed': healthStatusSchema,
} as const satisfies EventMap;
