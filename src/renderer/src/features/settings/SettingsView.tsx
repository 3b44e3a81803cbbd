import { Loader, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
// The Connection page lives in connection/; index.ts is its public entry.
import { ConnectionPage } from './connection/index.ts';

// The other pages load when first opened: they are not needed to trade, and keep the first screen's bundle small.
const RiskPage = lazy(() => import('./risk/RiskPage.tsx').then((m) => ({ default: m.RiskPage })));
const ProtectionPage = lazy(() =>
  import('./protection/ProtectionPage.tsx').then((m) => ({ default: m.ProtectionPage })),
);
const AlertChannelsPage = lazy(() =>
  import('./alert-channels/AlertChannelsPage.tsx').then((m) => ({ default: m.AlertChannelsPage })),
);
const PaperSettingsPage = lazy(() =>
  import('./paper-data/PaperSettingsPage.tsx').then((m) => ({ default: m.PaperSettingsPage })),
);
const DesktopPage = lazy(() => import('./desktop/DesktopPage.tsx').then((m) => ({ default: m.DesktopPage })));
const AdvancedPage = lazy(() =>
  import('./advanced/AdvancedPage.tsx').then((m) => ({ default: m.AdvancedPage })),
);

/** The Settings pages, in the order a trader sets up: connection, risk, protection, alerts, paper, desktop, advanced. */
const settingsPages = [
  { id: 'connection', label: 'Connection', page: () => <ConnectionPage /> },
  { id: 'risk', label: 'Risk limits', page: () => <RiskPage /> },
  { id: 'protection', label: 'Protection', page: () => <ProtectionPage /> },
  { id: 'alerts', label: 'Alerts', page: () => <AlertChannelsPage /> },
  { id: 'paper', label: 'Paper account', page: () => <PaperSettingsPage /> },
  { id: 'desktop', label: 'Desktop', page: () => <DesktopPage /> },
  { id: 'advanced', label: 'Advanced', page: () => <AdvancedPage /> },
] as const;

/** Settings: one tab per page; a page is mounted only while shown, so it reads main's values afresh. */
export function SettingsView(): React.JSX.Element {
  return (
    <Tabs defaultValue="connection" keepMounted={false} data-testid="settings-tabs">
      <Tabs.List>
        {settingsPages.map(({ id, label }) => (
          <Tabs.Tab key={id} value={id} data-testid={`settings-tab-${id}`}>
            {label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {settingsPages.map(({ id, label, page }) => (
        <Tabs.Panel key={id} value={id} pt="md">
          <Suspense fallback={<Loader size="sm" aria-label={`Loading ${label}`} />}>{page()}</Suspense>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
