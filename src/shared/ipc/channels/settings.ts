import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';

/**
 * A setting's address in the configuration, dotted from the section down
 * (`trading.risk.maxRiskPerTradePct`). Only the paths main lists as editable are accepted.
 */
export const settingPathSchema = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/, {
    message: 'A setting path is dotted names, e.g. trading.risk.maxRiskPerTradePct.',
  });

/** When a saved value takes effect: on the engine's next check, or after Bulwark restarts. */
export const settingAppliesSchema = z.enum(['now', 'restart']);
/** When a saved value takes effect. */
export type SettingApplies = z.infer<typeof settingAppliesSchema>;

/**
 * What main's schema allows for one setting, so the page can say it before the trader types:
 * the kind of value, its bounds (inclusive unless `exclusiveMinimum`), and the choices of a list.
 * A `map` (per-contract limits) is saved whole: a key left out is removed.
 */
export const settingRangeSchema = z
  .object({
    kind: z.enum(['number', 'integer', 'decimal', 'boolean', 'choice', 'list', 'map']),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    /** True when the minimum itself is not allowed (a "positive" number). */
    exclusiveMinimum: z.boolean().optional(),
    choices: z.array(z.string()).optional(),
  })
  .strict();
/** What main's schema allows for one setting. */
export type SettingRange = z.infer<typeof settingRangeSchema>;

/** One editable setting: where it lives, its value in force, its default and what is allowed. */
export const settingFieldSchema = z
  .object({
    path: settingPathSchema,
    value: z.unknown(),
    defaultValue: z.unknown(),
    applies: settingAppliesSchema,
    range: settingRangeSchema,
  })
  .strict();
/** One editable setting as `settings:get` answers it. */
export type SettingField = z.infer<typeof settingFieldSchema>;

/** Every setting the Settings pages may change. */
export const settingsViewSchema = z.object({ fields: z.array(settingFieldSchema) }).strict();
/** Every setting the Settings pages may change. */
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** A change: path → new value. All are checked together; one invalid value saves none of them. */
export const settingsPatchSchema = z
  .object({
    changes: z.record(settingPathSchema, z.unknown()).refine((changes) => Object.keys(changes).length > 0, {
      message: 'Send at least one setting to change.',
    }),
  })
  .strict();
/** A change: path → new value. */
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

/** One saved change, as it was journaled: old and new value and when it takes effect. */
export const settingChangeSchema = z
  .object({
    path: settingPathSchema,
    oldValue: z.unknown(),
    newValue: z.unknown(),
    applies: settingAppliesSchema,
  })
  .strict();
/** One saved change. */
export type SettingChange = z.infer<typeof settingChangeSchema>;

/** The answer to a valid patch: what changed (values equal to the old one are not listed). */
export const settingsUpdateResultSchema = z
  .object({ changes: z.array(settingChangeSchema), restartNeeded: z.boolean(), view: settingsViewSchema })
  .strict();
/** The answer to a valid patch. */
export type SettingsUpdateResult = z.infer<typeof settingsUpdateResultSchema>;

/**
 * One refused value, carried in a refused update's `ConfigError.details.issues`: the field, the
 * value given, and what is allowed (in the schema's words).
 */
export const settingIssueSchema = z
  .object({ path: z.string(), value: z.unknown(), allowed: z.string(), message: z.string() })
  .strict();
/** One refused value. */
export type SettingIssue = z.infer<typeof settingIssueSchema>;

/**
 * Settings channels. `settings:update` validates with the configuration schema the engine runs
 * on; a refused patch fails with a `ConfigError` (code `settings-invalid`) whose
 * `details.issues` name every refused field, and nothing is saved.
 */
export const settingsChannels = {
  'settings:get': { request: z.undefined(), response: settingsViewSchema },
  'settings:update': { request: settingsPatchSchema, response: settingsUpdateResultSchema },
} as const satisfies ChannelMap;

/**
 * Settings events. `settings:changed` follows saved changes of the settings file (from any page),
 * so a view that shows a limit — the ticket's leverage cap — knows to re-read `settings:get`
 * (pushes of one topic are coalesced, so treat it as "changed", not as the full history).
 */
export const settingsEvents = {
  'settings:changed': z.object({ changes: z.array(settingChangeSchema) }).strict(),
} as const satisfies EventMap;
