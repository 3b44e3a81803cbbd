/**
 * Alerts over IPC: the one `Alert` type of the app, the channel settings the Settings → Alerts
 * page edits, and the calls to acknowledge an alert, store a channel secret and send a test.
 *
 * Channel secrets (SMTP password, Twilio auth token, Slack webhook URL, Telegram bot token) travel
 * only inbound, in `alerts:set-channel-secret`; no response schema has a field that could carry
 * one back: the renderer sees present / absent and the last four characters.
 */
import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';

/** How loud an alert is: info stays in the app; warning and critical reach the trader away from it. */
export const alertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

/** The numbers that go with an alert (distance to liquidation, attempts, the host …). */
export const alertNumbersSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/**
 * One alert as the trader sees it, in the app and on every channel. `key` is stable for one
 * condition (e.g. `liquidation:XBTUSDTM`): repeats of it are de-duplicated and rate-limited, and a
 * `clears` alert of the same key is the "cleared" follow-up.
 */
export const alertSchema = z.object({
  id: z.number().int().nonnegative(),
  severity: alertSeveritySchema,
  /** Stable code of what happened, e.g. `stop-unplaceable`, `liquidation-critical`. */
  code: z.string(),
  /** What rules route on, e.g. `liquidation`, `stop-failure`, `fill` (several codes share a kind). */
  kind: z.string(),
  /** The condition's identity for de-duplication, e.g. `breaker:futures`. */
  key: z.string(),
  /** A few words, e.g. "Stop could not be placed". */
  title: z.string(),
  /** The body in the trader's words: what happened, what Bulwark did, what to do. */
  message: z.string(),
  symbol: z.string().optional(),
  details: alertNumbersSchema,
  at: z.number().int(),
  /** True for the follow-up that says the condition of `key` has cleared. */
  clears: z.boolean(),
  /** When the trader acknowledged it in the app (stops the escalation to SMS). */
  acknowledgedAt: z.number().int().optional(),
});
export type Alert = z.infer<typeof alertSchema>;

/**
 * What a raiser passes: the router fills `id`, and `kind`, `key` and `title` from its catalog of
 * codes when they are left out. `journalSeq` says the raiser journaled the alert already.
 */
export const alertInputSchema = alertSchema
  .omit({ id: true, kind: true, key: true, title: true, clears: true, acknowledgedAt: true })
  .extend({
    kind: z.string().optional(),
    key: z.string().optional(),
    title: z.string().optional(),
    clears: z.boolean().optional(),
    journalSeq: z.number().int().positive().optional(),
  });
export type AlertInput = z.input<typeof alertInputSchema>;

/** The channels Bulwark can deliver to (one sink each in src/main/alerts/sinks/). */
export const alertChannelNames = ['desktop', 'email', 'sms', 'slack', 'telegram'] as const;
export const alertChannelNameSchema = z.enum(alertChannelNames, {
  message: 'Unknown alert channel: use desktop, email, sms, slack or telegram.',
});
export type AlertChannelName = z.infer<typeof alertChannelNameSchema>;

const loopbackHosts: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** https, or plain http only to this computer (a local relay or the test peers). */
function isSafeUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
}

const urlMessage = 'Enter an https:// address (plain http:// only to 127.0.0.1).';
/** An API base URL such as `https://api.twilio.com`. */
export const apiBaseUrlSchema = z.string().trim().refine(isSafeUrl, { message: urlMessage });

const emailPattern =
  /^[^\s@<>(),;:"[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const hostPattern =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$/;
const e164Pattern = /^\+[1-9]\d{6,14}$/;

const emailAddress = z
  .string()
  .trim()
  .max(254)
  .regex(emailPattern, { message: 'Enter an email address like trader@example.com.' });
const optionalEmail = z.union([z.literal(''), emailAddress]);
const phoneNumber = z
  .string()
  .trim()
  .regex(e164Pattern, { message: 'Enter the number in international format, e.g. +14155550123.' });

/** Desktop notifications from the app itself. */
export const desktopSettingsSchema = z.object({ enabled: z.boolean().default(true) }).strict();

/** E-mail over SMTP. `security`: STARTTLS on 587, TLS from the first byte on 465; none only to 127.0.0.1. */
export const emailSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: z
      .union([
        z.literal(''),
        z
          .string()
          .trim()
          .max(253)
          .regex(hostPattern, { message: 'Enter the SMTP server name, e.g. smtp.gmail.com.' }),
      ])
      .default(''),
    port: z
      .number({ message: 'Enter the SMTP port (587 for STARTTLS, 465 for TLS).' })
      .int()
      .min(1, 'The port is 1–65535.')
      .max(65_535, 'The port is 1–65535.')
      .default(587),
    security: z
      .enum(['starttls', 'tls', 'none'], { message: 'Choose STARTTLS, TLS or none.' })
      .default('starttls'),
    username: z.string().trim().max(254, 'The user name is too long.').default(''),
    from: optionalEmail.default(''),
    to: z.array(emailAddress).max(5, 'At most 5 recipients.').default([]),
  })
  .strict()
  .superRefine((email, ctx) => {
    if (email.security === 'none' && email.host !== '' && !['127.0.0.1', 'localhost'].includes(email.host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['security'],
        message:
          'Mail without TLS is only allowed to a relay on this computer (127.0.0.1); choose STARTTLS or TLS.',
      });
    }
    if (!email.enabled) return;
    if (email.host === '')
      ctx.addIssue({
        code: 'custom',
        path: ['host'],
        message: 'Enter the SMTP server before turning email alerts on.',
      });
    if (email.from === '')
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'Enter the sender address before turning email alerts on.',
      });
    if (email.to.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Enter at least one recipient before turning email alerts on.',
      });
  });

/** SMS through Twilio's Messages API. */
export const smsSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    accountSid: z
      .union([
        z.literal(''),
        z
          .string()
          .trim()
          .regex(/^AC[0-9a-fA-F]{32}$/, {
            message:
              'The Account SID starts with AC followed by 32 hex characters (Twilio Console → Account Info).',
          }),
      ])
      .default(''),
    from: z
      .union([
        z.literal(''),
        phoneNumber,
        z
          .string()
          .trim()
          .regex(/^MG[0-9a-fA-F]{32}$/, {
            message: 'Enter a Twilio number (+1…) or a Messaging Service SID (MG…).',
          }),
      ])
      .default(''),
    to: z.union([z.literal(''), phoneNumber]).default(''),
    apiBaseUrl: apiBaseUrlSchema.default('https://api.twilio.com'),
  })
  .strict()
  .superRefine((sms, ctx) => {
    if (!sms.enabled) return;
    if (sms.accountSid === '')
      ctx.addIssue({
        code: 'custom',
        path: ['accountSid'],
        message: 'Enter the Account SID before turning SMS alerts on.',
      });
    if (sms.from === '')
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'Enter the Twilio number to send from before turning SMS alerts on.',
      });
    if (sms.to === '')
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Enter your phone number before turning SMS alerts on.',
      });
  });

/** Slack through an incoming webhook (the webhook URL is the secret). */
export const slackSettingsSchema = z.object({ enabled: z.boolean().default(false) }).strict();

/** Telegram through a bot's `sendMessage` (the bot token is the secret). */
export const telegramSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    chatId: z
      .union([
        z.literal(''),
        z
          .string()
          .trim()
          .regex(/^(?:-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/, {
            message: 'Enter the chat id (a number such as 123456789 or -1001234567890) or @channelname.',
          }),
      ])
      .default(''),
    apiBaseUrl: apiBaseUrlSchema.default('https://api.telegram.org'),
  })
  .strict()
  .superRefine((telegram, ctx) => {
    if (telegram.enabled && telegram.chatId === '')
      ctx.addIssue({
        code: 'custom',
        path: ['chatId'],
        message: 'Enter the chat id before turning Telegram alerts on.',
      });
  });

/** Each channel's non-secret settings (settings.json `alerts.channels`). */
export const channelSettingsSchemas = {
  desktop: desktopSettingsSchema,
  email: emailSettingsSchema,
  sms: smsSettingsSchema,
  slack: slackSettingsSchema,
  telegram: telegramSettingsSchema,
} as const satisfies Record<AlertChannelName, z.ZodType>;
export type ChannelSettings = { [C in AlertChannelName]: z.infer<(typeof channelSettingsSchemas)[C]> };

/** A channel's secret as the trader pastes it (desktop needs none); inbound only. */
export const channelSecretSchemas = {
  email: z
    .string()
    .min(1, 'Enter the SMTP password (an app password for Gmail or Outlook).')
    .max(256, 'The password is too long.'),
  sms: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{32}$/, {
      message: 'The Auth Token is 32 hex characters (Twilio Console → Account Info).',
    }),
  slack: z.string().trim().max(512, 'The webhook URL is too long.').refine(isSafeUrl, {
    message: 'Paste the webhook URL Slack gave you, https://hooks.slack.com/services/…',
  }),
  telegram: z
    .string()
    .trim()
    .regex(/^\d{5,16}:[A-Za-z0-9_-]{30,64}$/, {
      message: 'The bot token looks like 123456789:AA… (from @BotFather).',
    }),
} as const satisfies Partial<Record<AlertChannelName, z.ZodType<string>>>;
/** A channel that has a secret. */
export type SecretChannelName = keyof typeof channelSecretSchemas;
export const secretChannelNameSchema = z.enum(
  ['email', 'sms', 'slack', 'telegram'] as const satisfies readonly SecretChannelName[],
  {
    message: 'Only email, sms, slack and telegram have a secret.',
  },
);

/** What the secret of each channel is called on the page. */
export const channelSecretLabels = {
  email: 'SMTP password',
  sms: 'Twilio Auth Token',
  slack: 'Webhook URL',
  telegram: 'Bot token',
} as const satisfies Record<SecretChannelName, string>;

/** Which channels a rule sends to. First rule that matches an alert wins. */
export const alertRuleSchema = z
  .object({
    severity: alertSeveritySchema,
    /** Only alerts of these kinds (e.g. `fill`); absent = every kind of that severity. */
    kinds: z
      .array(
        z.string().regex(/^[a-z][a-z-]{1,40}$/, {
          message: 'A kind is lower-case words joined by dashes, e.g. stop-failure.',
        }),
      )
      .max(40)
      .optional(),
    channels: z.array(alertChannelNameSchema).max(alertChannelNames.length),
  })
  .strict();
export type AlertRule = z.infer<typeof alertRuleSchema>;

/** How one delivery ended. */
export const deliveryOutcomeSchema = z.enum(['sent', 'failed', 'suppressed-duplicate', 'rate-limited']);
export type DeliveryOutcome = z.infer<typeof deliveryOutcomeSchema>;

/** The last delivery on a channel, for the page and the health status. */
export const lastDeliverySchema = z.object({
  at: z.number().int(),
  outcome: deliveryOutcomeSchema,
  alertId: z.number().int().nonnegative(),
  /** The exact reason a failed delivery gave (wrong token, unreachable host, TLS failure …). */
  reason: z.string().optional(),
});

/** What the renderer may know about a channel's secret. */
export const channelSecretStatusSchema = z
  .object({
    required: z.boolean(),
    present: z.boolean(),
    /** Last four characters; empty when absent. */
    last4: z.string().max(4),
    label: z.string(),
    /** Why the keychain could not say (locked, missing); the page shows it as is. */
    problem: z.string().optional(),
  })
  .strict();

function channelView<C extends AlertChannelName, S extends z.ZodType>(channel: C, settings: S) {
  return z.object({
    channel: z.literal(channel),
    settings,
    secret: channelSecretStatusSchema,
    lastDelivery: lastDeliverySchema.optional(),
  });
}

/** One channel on the Settings → Alerts page: settings, whether its secret is stored, its last delivery. */
export const channelViewSchema = z.discriminatedUnion('channel', [
  channelView('desktop', desktopSettingsSchema),
  channelView('email', emailSettingsSchema),
  channelView('sms', smsSettingsSchema),
  channelView('slack', slackSettingsSchema),
  channelView('telegram', telegramSettingsSchema),
]);
export type ChannelView = z.infer<typeof channelViewSchema>;

/** The page's whole picture. */
export const alertSettingsViewSchema = z.object({
  channels: z.array(channelViewSchema),
  rules: z.array(alertRuleSchema),
  /** A critical alert not acknowledged within this time is re-sent on `escalationChannel`. */
  escalateAfterMs: z.number().int().nonnegative(),
  escalationChannel: alertChannelNameSchema,
});
export type AlertSettingsView = z.infer<typeof alertSettingsViewSchema>;

/** A change to one channel's settings (the page sends the whole block). */
export const channelUpdateSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('desktop'), settings: desktopSettingsSchema }).strict(),
  z.object({ channel: z.literal('email'), settings: emailSettingsSchema }).strict(),
  z.object({ channel: z.literal('sms'), settings: smsSettingsSchema }).strict(),
  z.object({ channel: z.literal('slack'), settings: slackSettingsSchema }).strict(),
  z.object({ channel: z.literal('telegram'), settings: telegramSettingsSchema }).strict(),
]);
export type ChannelUpdate = z.input<typeof channelUpdateSchema>;

/** A secret for one channel; validated with that channel's format. */
export const channelSecretEntrySchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('email'), secret: channelSecretSchemas.email }).strict(),
  z.object({ channel: z.literal('sms'), secret: channelSecretSchemas.sms }).strict(),
  z.object({ channel: z.literal('slack'), secret: channelSecretSchemas.slack }).strict(),
  z.object({ channel: z.literal('telegram'), secret: channelSecretSchemas.telegram }).strict(),
]);
export type ChannelSecretEntry = z.input<typeof channelSecretEntrySchema>;

/** The answer to "send a test alert": delivered, or the exact error. */
export const channelTestResultSchema = z.discriminatedUnion('delivered', [
  z
    .object({
      channel: alertChannelNameSchema,
      delivered: z.literal(true),
      durationMs: z.number().nonnegative(),
      attempts: z.number().int().positive(),
    })
    .strict(),
  z
    .object({
      channel: alertChannelNameSchema,
      delivered: z.literal(false),
      durationMs: z.number().nonnegative(),
      code: z.string(),
      reason: z.string(),
    })
    .strict(),
]);
export type ChannelTestResult = z.infer<typeof channelTestResultSchema>;

/** What a click on a desktop notification asks the window to show. */
export const focusRequestSchema = z.object({
  alertId: z.number().int().nonnegative(),
  symbol: z.string().optional(),
  at: z.number().int(),
});

const channelOnly = z.object({ channel: alertChannelNameSchema }).strict();

export const alertsChannels = {
  'alerts:list-alerts': { request: z.undefined(), response: z.array(alertSchema) },
  /** The trader saw it: stops the escalation of a critical alert. */
  'alerts:acknowledge-alert': {
    request: z.object({ id: z.number().int().nonnegative() }).strict(),
    response: alertSchema,
  },
  'alerts:get-settings': { request: z.undefined(), response: alertSettingsViewSchema },
  'alerts:update-channel': { request: channelUpdateSchema, response: channelViewSchema },
  'alerts:set-channel-secret': { request: channelSecretEntrySchema, response: channelViewSchema },
  'alerts:delete-channel-secret': {
    request: z.object({ channel: secretChannelNameSchema }).strict(),
    response: channelViewSchema,
  },
  'alerts:test-channel': { request: channelOnly, response: channelTestResultSchema },
} as const satisfies ChannelMap;

export const alertsEvents = {
  'alerts:alert-raised': alertSchema,
  'alerts:alert-acknowledged': alertSchema,
  /** The trader clicked a desktop notification: show the alert's position. */
  'alerts:focus-requested': focusRequestSchema,
} as const satisfies EventMap;
