import { z } from 'zod';

/** The opt-in Prometheus endpoint (text exposition on 127.0.0.1 only). Off by default. */
const prometheusSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** The loopback port to listen on (0 = any free port, for tests). 9464 is the usual exporter port. */
    port: z.number().int().min(0).max(65_535).default(9464),
    /** Also export Node's process metrics (CPU, memory, event-loop lag) from prom-client. */
    processMetrics: z.boolean().default(true),
  })
  .strict();

/** Health thresholds: when a reading turns the status amber or red. */
const healthSchema = z
  .object({
    /** How often the status is worked out (and published when it changed). */
    checkIntervalMs: z.number().int().min(100).max(60_000).default(1_000),
    /** A public stream with subscriptions that has been silent this long is stale market data. */
    marketDataStaleMs: z.number().int().min(1_000).max(600_000).default(15_000),
    /** A private stream down this long turns red (it is amber before). */
    privateStreamRedAfterMs: z.number().int().min(0).max(600_000).default(10_000),
    /** A rate-limit pool with less than this share of its quota left is amber. */
    rateHeadroomAmberShare: z.number().min(0).max(1).default(0.15),
    /** How often the keychain is asked whether it answers. */
    keychainProbeIntervalMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
    /** How often the journal is written to prove it is writable. */
    journalProbeIntervalMs: z.number().int().min(1_000).max(3_600_000).default(30_000),
    /** The status must stay red this long before it raises an alert (one start-up blip is not news). */
    redAlertAfterMs: z.number().int().min(0).max(600_000).default(5_000),
  })
  .strict();

/** Metrics, health and the Prometheus endpoint. */
export const observabilityConfigSchema = z
  .object({
    /** p50 / p95 / p99 are taken over this sliding window. */
    metricsWindowMs: z.number().int().min(1_000).max(3_600_000).default(300_000),
    /** Samples each histogram keeps (a ring); beyond it the window holds the newest ones only. */
    histogramCapacity: z
      .number()
      .int()
      .min(64)
      .max(1 << 20)
      .default(4_096),
    /** How often stream counters and limiter gauges are sampled. */
    sampleIntervalMs: z.number().int().min(100).max(60_000).default(1_000),
    prometheus: prometheusSchema.prefault({}),
    health: healthSchema.prefault({}),
  })
  .strict();

/** The observability section with defaults applied. */
export type ObservabilityConfig = z.infer<typeof observabilityConfigSchema>;
