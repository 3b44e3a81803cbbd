import { z } from 'zod';

/** Exchange tunables. Every number has its unit in its name and a default. */
export const exchangeConfigSchema = z.object({}).strict();
