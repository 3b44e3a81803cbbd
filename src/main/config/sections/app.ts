import { z } from 'zod';

/** Shell, IPC and logging tunables. */
export const appConfigSchema = z
  .object({
    /** How often main tells the renderer it is alive (status bar). */
    heartbeatIntervalMs: z.number().int().min(250).max(60_000).default(1_000),
    /** A log file is rotated when it grows past this size. */
    logMaxSizeBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(512 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    /** Minimum interval between two pushes of the same event topic to the renderer. */
    eventThrottleMs: z.number().int().min(0).max(5_000).default(50),
    /**
     * Open Bulwark when the trader logs in to the computer (macOS and Windows login items; Linux
     * desktops use their own autostart and ignore it). Off by default: a trading app starts when asked.
     */
    startAtLogin: z.boolean().default(false),
  })
  .strict();
