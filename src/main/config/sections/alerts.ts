import { z } from 'zod';
import {
  alertChannelNameSchema,
  alertRuleSchema,
  desktopSettingsSchema,
  emailSettingsSchema,
  slackSettingsSchema,
  smsSettingsSchema,
  telegramSettingsSchema,
  type AlertRule,
} from '../../../shared/ipc/channels/alerts.ts';

/**
 * Where each severity goes unless a rule for its kind comes first: critical reaches every channel,
 * warning the desktop and the chat channels, info stays in the app (the list in the Alerts view).
 */
export const defaultAlertRules: readonly AlertRule[] = [
  { severity: 'critical', channels: ['desktop', 'email', 'sms', 'slack', 'telegram'] },
  { severity: 'warning', channels: ['desktop', 'slack', 'telegram'] },
  { severity: 'info', channels: [] },
];

/** Retries, back-off and time limits of one delivery on one channel. */
const deliverySchema = z
  .object({
    /** Tries per delivery, the first included (ky's `retry.limit` is this minus one). */
    attempts: z.number().int().min(1).max(10).default(4),
    /** Back-off before the second try; doubles each time up to `backoffMaxMs`. */
    backoffInitialMs: z.number().int().min(0).max(60_000).default(500),
    backoffMaxMs: z.number().int().min(0).max(300_000).default(8_000),
    /** One try's time limit (connect, TLS, answer). */
    attemptTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
    /** The whole delivery's time limit, retries and waits included: a hung channel gives up after it. */
    totalTimeoutMs: z.number().int().min(100).max(600_000).default(60_000),
    /** A `Retry-After` / Telegram `retry_after` longer than this is not waited for: the delivery fails. */
    maxRetryAfterMs: z.number().int().min(0).max(600_000).default(30_000),
    /** Deliveries waiting behind a slow channel; beyond this the oldest waiting one fails as dropped. */
    queueLimit: z.number().int().min(1).max(1_000).default(50),
    /** On quit, deliveries in flight get this long to finish before they are given up (and journaled so). */
    stopDrainMs: z.number().int().min(0).max(30_000).default(2_000),
    /**
     * At start, a warning or critical alert journaled within this span that a channel never dealt
     * with (the app died between raise and delivery) is sent on that channel once more (ADR 0602).
     */
    resumeUndeliveredWithinMs: z.number().int().min(0).max(86_400_000).default(3_600_000),
  })
  .strict();

/** Every channel's non-secret settings; secrets live in the OS keychain, never here. */
const channelsSchema = z
  .object({
    desktop: desktopSettingsSchema.prefault({}),
    email: emailSettingsSchema.prefault({}),
    sms: smsSettingsSchema.prefault({}),
    slack: slackSettingsSchema.prefault({}),
    telegram: telegramSettingsSchema.prefault({}),
  })
  .strict();

/** The alert router: rules, de-duplication, rate limits, escalation and delivery. */
export const alertsConfigSchema = z
  .object({
    /** Severity (and optionally kind) → channels; the first matching rule wins. */
    rules: z
      .array(alertRuleSchema)
      .max(50)
      .default(() => defaultAlertRules.map((rule) => ({ ...rule, channels: [...rule.channels] }))),
    /**
     * A condition that cleared and comes back within this time is flapping: it is not sent again
     * unless it still holds when the time is up (then it is sent once more).
     */
    dedupeWindowMs: z.number().int().min(0).max(86_400_000).default(300_000),
    /** At most this many deliveries per alert key in `rateLimitWindowMs` (raises and cleared follow-ups). */
    maxSendsPerKey: z.number().int().min(1).max(100).default(6),
    rateLimitWindowMs: z.number().int().min(1_000).max(86_400_000).default(3_600_000),
    /** A critical alert not acknowledged in the app within this time is re-sent on `escalationChannel` (0 = never). */
    escalateAfterMs: z.number().int().min(0).max(86_400_000).default(120_000),
    escalationChannel: alertChannelNameSchema.default('sms'),
    /** Alerts kept in memory for the Alerts view (the journal keeps them all). */
    recentKept: z.number().int().min(10).max(10_000).default(500),
    delivery: deliverySchema.prefault({}),
    channels: channelsSchema.prefault({}),
  })
  .strict();

/** The alerts section with defaults applied. */
export type AlertsConfig = z.infer<typeof alertsConfigSchema>;
