import { z } from 'zod';

/** Trading tunables. Every number has its unit in its name and a default. */
export const tradingConfigSchema = z.object({}).strict();
