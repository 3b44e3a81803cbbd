import { configSchema, type ConfigOverrides } from '../../../src/main/config/schema.ts';
import {
  exchangeConfigSchema,
  type ExchangeConfigInput,
} from '../../../src/main/config/sections/exchange.ts';
import { createExchangeClient, type ExchangeClient } from '../../../src/main/exchange/index.ts';
import type { KucoinCredentials } from '../../../src/main/exchange/kucoin/signer.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { startVenue, type RunningVenue, type StartVenueOptions } from '../../../src/main/venue/index.ts';

/** A paper venue on loopback plus our client pointed at it; both stopped by `stop()`. */
export interface ClientRig {
  readonly venue: RunningVenue;
  readonly client: ExchangeClient;
  stop(): Promise<void>;
}

/** Options for {@link startRig}. */
export interface RigOptions {
  readonly exchange?: ExchangeConfigInput;
  readonly venue?: ConfigOverrides['venue'];
  readonly server?: StartVenueOptions['server'];
  readonly credentials?: (venue: RunningVenue) => KucoinCredentials;
  /** Skip client.start() (no sync, no streams). */
  readonly startClient?: boolean;
}

/** Starts a venue (seeded, ephemeral port) and a client for it in paper mode. */
export async function startRig(options: RigOptions = {}): Promise<ClientRig> {
  const config = configSchema.parse({ venue: options.venue ?? {} });
  const venue = await startVenue({
    config: config.venue,
    logger: silentLogger,
    port: 0,
    seed: 7,
    adminApi: true,
    ...(options.server === undefined ? {} : { server: options.server }),
  });
  const client = createExchangeClient({
    config: exchangeConfigSchema.parse(options.exchange ?? {}),
    endpoints: { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl },
    credentials: options.credentials?.(venue) ?? venue.credentials,
    clock: systemClock,
    logger: silentLogger,
    mode: 'paper',
  });
  if (options.startClient !== false) await client.start();
  return {
    venue,
    client,
    stop: async () => {
      await client.stop();
      await venue.stop();
    },
  };
}

/** Waits until `predicate` holds, checking every 10 ms (tests wait on state, never on sleeps alone). */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the error a promise rejects with; fails if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
