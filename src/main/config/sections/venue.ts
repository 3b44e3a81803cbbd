import { z } from 'zod';

/** Venue tunables. Every number has its unit in its name and a default. */
export const venueConfigSchema = z.object({}).strict();
