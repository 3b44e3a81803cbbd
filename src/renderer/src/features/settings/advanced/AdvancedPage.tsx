import { Accordion } from '@mantine/core';
import { SettingsForm } from '../forms/SettingsForm.tsx';

const rateLimitPaths = [
  'exchange.rateLimit.publicPoolWeight',
  'exchange.rateLimit.futuresPoolWeight',
  'exchange.rateLimit.managementPoolWeight',
  'exchange.rateLimit.poolWindowMs',
  'exchange.rateLimit.protectiveReserveShare',
  'exchange.rateLimit.queueCapacity',
  'exchange.rateLimit.maxConcurrentRequests',
  'exchange.rateLimit.orderQueueDeadlineMs',
] as const;

const breakerPaths = [
  'exchange.breaker.breakerFailureThreshold',
  'exchange.breaker.breakerCooldownMs',
] as const;

/**
 * Settings → Advanced, folded: the rate limiter's and the breaker's numbers. They match KuCoin's
 * VIP0 limits by default; the exchange client is built with them, so a change takes effect after a restart.
 */
export function AdvancedPage(): React.JSX.Element {
  return (
    <Accordion variant="separated" data-testid="settings-advanced">
      <Accordion.Item value="advanced">
        <Accordion.Control data-testid="settings-advanced-toggle">
          Advanced: rate limits and circuit breaker
        </Accordion.Control>
        <Accordion.Panel>
          <SettingsForm
            id="rate-limit"
            title="Rate limits"
            paths={rateLimitPaths}
            intro="Defaults follow KuCoin's published VIP0 limits; raising them above your account's gets requests refused (429000)."
          />
          <SettingsForm id="breaker" title="Circuit breaker" paths={breakerPaths} />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
