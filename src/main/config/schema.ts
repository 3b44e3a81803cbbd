import { z } from 'zod';
import { analysisConfigSchema } from './sections/analysis.ts';
import { alertsConfigSchema } from './sections/alerts.ts';
import { appConfigSchema } from './sections/app.ts';
import { exchangeConfigSchema } from './sections/exchange.ts';
import { marketDataConfigSchema } from './sections/market-data.ts';
import { observabilityConfigSchema } from './sections/observability.ts';
import { secretsConfigSchema } from './sections/secrets.ts';
import { tradingConfigSchema } from './sections/trading.ts';
import { trackRecordConfigSchema } from './sections/trackrecord.ts';
import { venueServerConfigSchema } from './sections/venue-server.ts';
import { venueConfigSchema } from './sections/venue.ts';

/**
 * Every tunable number of the product, in one schema. Each domain owns a section file in
 * `sections/`; units are in the field names (`breakerCooldownMs`). Unknown keys are refused
 * so a typo in a hand-edited file is reported instead of silently ignored.
 */
export const configSchema = z
  .object({
    app: appConfigSchema.prefault({}),
    // The venue's front door (WS limits, ping, body size) nests under `venue.server`; where its
    // market comes from (live KuCoin data or simulated) under `venue.marketData`.
    venue: venueConfigSchema
      .extend({
        server: venueServerConfigSchema.prefault({}),
        marketData: marketDataConfigSchema.prefault({}),
      })
      .prefault({}),
    exchange: exchangeConfigSchema.prefault({}),
    trading: tradingConfigSchema.prefault({}),
    secrets: secretsConfigSchema.prefault({}),
    analysis: analysisConfigSchema.prefault({}),
    alerts: alertsConfigSchema.prefault({}),
    observability: observabilityConfigSchema.prefault({}),
    trackRecord: trackRecordConfigSchema.prefault({}),
  })
  .strict();

/** The fully defaulted configuration the engine runs on. */
export type Config = z.infer<typeof configSchema>;

/** What a user may override: any subset of any section. */
export type ConfigOverrides = z.input<typeof configSchema>;

/** The configuration with every default applied. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}
