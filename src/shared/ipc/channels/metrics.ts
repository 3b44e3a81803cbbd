/**
 * Metrics over IPC: one snapshot of every series — order and REST latency (p50 / p95 / p99 over the
 * sliding window), calls and weight per rate-limit pool, errors by class, WebSocket rates, seconds
 * unprotected per position, alert deliveries per channel.
 */
import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';

const labelsSchema = z.record(z.string(), z.string());

/** One histogram series summarised over the window (milliseconds unless its name says otherwise). */
export const histogramSummarySchema = z.object({
  name: z.string(),
  help: z.string(),
  labels: labelsSchema,
  /** Samples in the window. */
  count: z.number().int().nonnegative(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
  /** Samples ever recorded. */
  total: z.number().int().nonnegative(),
});

/** A counter or gauge series. */
export const valueSeriesSchema = z.object({
  name: z.string(),
  help: z.string(),
  labels: labelsSchema,
  value: z.number(),
});

/** Every series at one moment. */
export const metricsSnapshotSchema = z.object({
  at: z.number(),
  windowMs: z.number().int().positive(),
  histograms: z.array(histogramSummarySchema),
  counters: z.array(valueSeriesSchema),
  gauges: z.array(valueSeriesSchema),
});
export type MetricsSnapshot = z.infer<typeof metricsSnapshotSchema>;

export const metricsChannels = {
  'metrics:get-snapshot': { request: z.undefined(), response: metricsSnapshotSchema },
} as const satisfies ChannelMap;

export const metricsEvents = {} as const satisfies EventMap;
