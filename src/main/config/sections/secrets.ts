import { z } from 'zod';

/** Secrets tunables. Every number has its unit in its name and a default. */
export const secretsConfigSchema = z.object({}).strict();
