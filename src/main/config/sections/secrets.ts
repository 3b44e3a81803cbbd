import { z } from 'zod';

/** Secrets tunables. Every number has its unit in its name and a default. */
export const secretsConfigSchema = z
  .object({
    /**
     * The keychain service name every Bulwark entry is filed under (accounts are `live.a`,
     * `live.active`, …). Tests give each run its own so runs never see each other's keys.
     */
    keychainService: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .default('Bulwark'),
    /**
     * Random bytes in the generated paper-venue passphrase. Key and secret keep KuCoin's shapes
     * (24 hex characters, a UUID: 12 and 16 random bytes) so the venue signs like KuCoin.
     */
    paperCredentialBytes: z.number().int().min(16).max(64).default(24),
  })
  .strict();

/** The secrets section with defaults applied. */
export type SecretsConfig = z.infer<typeof secretsConfigSchema>;
