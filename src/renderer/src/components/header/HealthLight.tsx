import { Badge, Tooltip } from '@mantine/core';
import { useHealth } from '../../stores/hooks.ts';
import { useUiStore } from '../../stores/ui.store.ts';
import {
  breakerLight,
  clockLight,
  lightColor,
  streamLight,
  type Light,
} from '../../features/health/health-view.ts';
import type { ExchangeHealth } from '../../../../shared/ipc/channels/market.ts';

const rank: Record<Light, number> = { ok: 0, warn: 1, bad: 2 };

/** The worst of breaker, clock and streams, with the parts that are not fine, in words. */
export function overallHealth(health: ExchangeHealth): {
  readonly light: Light;
  readonly problems: string[];
} {
  const parts: [string, Light][] = [
    [`order breaker ${health.breaker}`, breakerLight(health.breaker)],
    [`clock ${health.clock.state}`, clockLight(health.clock)],
    [`public stream ${health.streams.public}`, streamLight(health.streams.public)],
    [`private stream ${health.streams.private}`, streamLight(health.streams.private)],
  ];
  if (health.generalBreaker !== undefined)
    parts.push([`account breaker ${health.generalBreaker}`, breakerLight(health.generalBreaker)]);
  const light = parts.reduce<Light>((worst, [, l]) => (rank[l] > rank[worst] ? l : worst), 'ok');
  return { light, problems: parts.filter(([, l]) => l !== 'ok').map(([what]) => what) };
}

const lightWord: Record<Light, string> = { ok: 'HEALTHY', warn: 'DEGRADED', bad: 'FAULT' };

/** The header's health light: a word and a colour (never colour alone); a click opens the Health page. */
export function HealthLight(): React.JSX.Element {
  const exchange = useHealth((state) => state.exchange);
  const showView = useUiStore((state) => state.showView);
  const health = exchange === undefined ? undefined : overallHealth(exchange);
  const label =
    health === undefined
      ? 'No health report from the engine yet'
      : health.problems.length === 0
        ? 'Exchange link healthy'
        : health.problems.join(' · ');
  return (
    <Tooltip label={label}>
      <Badge
        component="button"
        variant="dot"
        size="md"
        color={health === undefined ? 'gray' : lightColor[health.light]}
        data-testid="health-light"
        data-light={health?.light ?? 'unknown'}
        style={{ cursor: 'pointer' }}
        onClick={() => {
          showView('health');
        }}
      >
        {health === undefined ? 'HEALTH ?' : lightWord[health.light]}
      </Badge>
    </Tooltip>
  );
}
