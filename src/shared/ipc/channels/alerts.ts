import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';

/** How loud an alert is: critical ones also raise a desktop notification that stays. */
export const alertSeveritySchema = z.enum(['info', 'warning', 'critical']);

/** One alert as the trader sees it: what happened, where, and the numbers. */
export const alertSchema = z.object({
  id: z.number().int().nonnegative(),
  severity: alertSeveritySchema,
  code: z.string(),
  message: z.string(),
  symbol: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  at: z.number().int(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertsChannels = {
  'alerts:list-alerts': { request: z.undefined(), response: z.array(alertSchema) },
} as const satisfies ChannelMap;

export const alertsEvents = {
  'alerts:alert-raised': alertSchema,
} as const satisfies EventMap;
