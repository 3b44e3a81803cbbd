import { Loader, SimpleGrid, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AlertSettingsView } from '../../../../../shared/ipc/channels/alerts.ts';
import { TradingError } from '../../../../../shared/errors.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { SettingsForm } from '../forms/SettingsForm.tsx';
import { loadAlertSettings } from './alerts-bridge.ts';
import { ChannelCard } from './ChannelCard.tsx';
import { RoutingRules } from './RoutingRules.tsx';

const escalationPaths = [
  'alerts.escalateAfterMs',
  'alerts.escalationChannel',
  'alerts.dedupeWindowMs',
  'alerts.maxSendsPerKey',
  'alerts.rateLimitWindowMs',
] as const;

/** Settings → Alerts: each channel with its secret and test button, the routing rules, escalation. */
export function AlertChannelsPage(): React.JSX.Element {
  const [view, setView] = useState<AlertSettingsView>();
  const [error, setError] = useState<TradingError>();
  useEffect(() => {
    loadAlertSettings().then(setView, (failure: unknown) => {
      setError(
        failure instanceof TradingError ? failure : new TradingError('internal-error', String(failure)),
      );
    });
  }, []);
  if (error !== undefined) return <ErrorNotice error={error} testId="alert-settings-error" />;
  if (view === undefined) return <Loader size="sm" aria-label="Loading alert settings" />;
  return (
    <Stack gap="xl" data-testid="settings-alerts-page">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {view.channels.map((channel) => (
          <ChannelCard key={channel.channel} view={channel} />
        ))}
      </SimpleGrid>
      <RoutingRules rules={view.rules} />
      <SettingsForm id="escalation" title="Escalation and limits" paths={escalationPaths} />
    </Stack>
  );
}
