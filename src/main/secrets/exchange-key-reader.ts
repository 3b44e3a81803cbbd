import type { ExchangeConfig } from '../config/sections/exchange.ts';
import { createExchangeClient, type ExchangeEndpoints } from '../exchange/kucoin/client.ts';
import type { ClientMode } from '../exchange/kucoin/endpoint-urls.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { KeyInfoReader } from './verify-key.ts';

/** Where candidate keys are checked: KuCoin (live) or the paper venue. */
export interface KeyReaderOptions {
  readonly config: ExchangeConfig;
  readonly endpoints: ExchangeEndpoints;
  /**
   * `live` refuses any plain-http endpoint (the exchange client's rule, docs/reference/kucoin-futures.md#signing: a signed request
   * never crosses a network in clear text); `paper` allows http to loopback only.
   */
  readonly mode: ClientMode;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * A {@link KeyInfoReader} over the exchange client: a short-lived client signed with the
 * candidate credentials asks `GET /api/v1/user/api-key` on the general host, then stops. It never
 * starts streams or timers. Throws ConfigError (before any request) for an insecure endpoint.
 */
export function createExchangeKeyReader(options: KeyReaderOptions): KeyInfoReader {
  return async (credentials) => {
    const client = createExchangeClient({
      config: options.config,
      endpoints: options.endpoints,
      credentials,
      clock: options.clock,
      logger: options.logger.child({ component: 'key-check' }),
      mode: options.mode,
    });
    try {
      const info = await client.rest.getApiKeyInfo();
      return { apiKey: info.apiKey, permission: info.permission, ipWhitelist: info.ipWhitelist };
    } finally {
      await client.stop();
    }
  };
}
