import { z } from 'zod';
import { venueServerConfigSchema } from './venue-server.ts';

/** Venue tunables. Every number has its unit in its name and a default. */
export const venueConfigSchema = z
  .object({
    /** The KuCoin-compatible front door: auth, rate limits, WebSocket (sections/venue-server.ts). */
    server: venueServerConfigSchema.prefault({}),
  })
  .strict();
