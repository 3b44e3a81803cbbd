import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';
import { tradingModeSchema } from './app.ts';

/**
 * Credentials over IPC. The renderer may SEND a key, secret and passphrase (verify, save,
 * rotate); no response schema has a field that could carry them back. What the renderer sees
 * of a stored key: present / absent / verified, its last four characters, its permissions,
 * IP whitelist and warnings. The router parses every response with these schemas, which strips
 * any field they do not name.
 */

/** A KuCoin key as the trader types it; inbound only. */
export const keyEntrySchema = z
  .object({
    apiKey: z.string().trim().min(8, 'The API key is too short.').max(128, 'The API key is too long.'),
    apiSecret: z
      .string()
      .trim()
      .min(8, 'The API secret is too short.')
      .max(256, 'The API secret is too long.'),
    passphrase: z.string().min(1, 'Enter the API passphrase.').max(256, 'The API passphrase is too long.'),
    /** KuCoin issues version 3 keys now (docs/reference/kucoin-futures.md#signing); older keys say so on the API management page. */
    keyVersion: z.enum(['1', '2', '3']).default('3'),
  })
  .strict();
export type KeyEntry = z.input<typeof keyEntrySchema>;

/** Where a profile's key stands: absent, stored, or stored and accepted by the exchange. */
export const keyStateSchema = z.enum(['absent', 'present', 'verified']);
export type KeyState = z.infer<typeof keyStateSchema>;

/** What the renderer may know about a stored key. */
export const profileStatusSchema = z
  .object({
    profile: z.enum(['live', 'paper']),
    state: keyStateSchema,
    /** Last four characters of the key id; empty when absent. */
    keyLast4: z.string().max(4),
    keyVersion: z.enum(['1', '2', '3']).optional(),
    permissions: z.array(z.string()),
    ipWhitelist: z.array(z.string()),
    /** Sentences for the trader, e.g. the key can withdraw funds. */
    warnings: z.array(z.string()),
    verifiedAt: z.number().int().optional(),
  })
  .strict();
export type ProfileStatus = z.infer<typeof profileStatusSchema>;

/** The Connection page's whole picture. */
export const connectionSchema = z
  .object({
    mode: tradingModeSchema,
    /** The REST host the live profile talks to (never a secret). */
    liveHost: z.string(),
    live: profileStatusSchema,
    paper: profileStatusSchema,
  })
  .strict();
export type Connection = z.infer<typeof connectionSchema>;

/** Why the exchange refused a key (KuCoin 400003–400007, docs/reference/kucoin-futures.md#auth-errors) or why Bulwark did. */
export const refusalReasonSchema = z.enum([
  'key', // 400003
  'passphrase', // 400004
  'signature', // 400005 — almost always a wrong secret
  'ip', // 400006
  'permission', // 400007
  'no-futures-permission', // the key works but cannot trade futures
  'key-version', // 400008 / 400009
  'clock', // 400002
]);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

/** The answer to "is this key good?": accepted with what it may do, or refused with why. */
export const keyVerdictSchema = z.discriminatedUnion('accepted', [
  z
    .object({
      accepted: z.literal(true),
      keyLast4: z.string().max(4),
      permissions: z.array(z.string()),
      ipWhitelist: z.array(z.string()),
      warnings: z.array(z.string()),
    })
    .strict(),
  z
    .object({
      accepted: z.literal(false),
      keyLast4: z.string().max(4),
      reason: refusalReasonSchema,
      /** A sentence the trader can act on. */
      message: z.string(),
      /** KuCoin's code when the exchange refused, e.g. `400004`. */
      exchangeCode: z.string().optional(),
    })
    .strict(),
]);
export type KeyVerdict = z.infer<typeof keyVerdictSchema>;

/** After a rotation: the new status, which key was replaced, and what the trader should still do. */
export const rotationResultSchema = z
  .object({
    live: profileStatusSchema,
    replacedKeyLast4: z.string().max(4),
    /** Follow-ups of the rotation itself, e.g. delete the old key on KuCoin. */
    notices: z.array(z.string()),
  })
  .strict();
export type RotationResult = z.infer<typeof rotationResultSchema>;

export const secretsChannels = {
  'secrets:get-connection': { request: z.undefined(), response: connectionSchema },
  'secrets:verify-key': { request: keyEntrySchema, response: keyVerdictSchema },
  'secrets:save-key': { request: keyEntrySchema, response: profileStatusSchema },
  'secrets:rotate-key': { request: keyEntrySchema, response: rotationResultSchema },
  'secrets:delete-key': {
    // The renderer names the key it shows, so a stale page cannot delete a newer key.
    request: z.object({ keyLast4: z.string().min(1).max(4) }).strict(),
    response: profileStatusSchema,
  },
} as const satisfies ChannelMap;

export const secretsEvents = {} as const satisfies EventMap;
