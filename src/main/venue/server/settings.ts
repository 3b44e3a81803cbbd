import type { VenueConfig } from '../../config/sections/venue.ts';
import { venueServerConfigSchema } from '../../config/sections/venue-server.ts';
import type { VenueServerConfig, VenueServerOverrides } from '../../config/sections/venue-server.ts';

/** Joins the shared venue section and the front door's own settings into one view. */
export function serverSettings(venue: VenueConfig, overrides: VenueServerOverrides = {}): VenueServerConfig {
  return {
    ...venueServerConfigSchema.parse(overrides),
    authTimestampToleranceMs: venue.timestampWindowMs,
    rateLimitWindowMs: venue.rateLimitWindowMs,
    futuresPoolWeight: venue.futuresPoolWeightPer30s,
    publicPoolWeight: venue.publicPoolWeightPer30s,
    wsTokenTtlMs: venue.tokenTtlMs,
  };
}
