import { Tabs } from '@mantine/core';
import { AdvancedPage } from './advanced/AdvancedPage.tsx';
import { AlertChannelsPage } from './alert-channels/AlertChannelsPage.tsx';
// The credentials developer owns connection/; index.ts is its public entry.
import { ConnectionPage } from './connection/index.ts';
import { PaperSettingsPage } from './paper-data/PaperSettingsPage.tsx';
import { ProtectionPage } from './protection/ProtectionPage.tsx';
import { RiskPage } from './risk/RiskPage.tsx';

/** The Settings pages, in the order a trader sets up: connection, risk, protection, alerts, paper, advanced. */
const settingsPages = [
  { id: 'connection', label: 'Connection', page: () => <ConnectionPage /> },
  { id: 'risk', label: 'Risk limits', page: () => <RiskPage /> },
  { id: 'protection', label: 'Protection', page: () => <ProtectionPage /> },
  { id: 'alerts', label: 'Alerts', page: () => <AlertChannelsPage /> },
  { id: 'paper', label: 'Paper account', page: () => <PaperSettingsPage /> },
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
      {settingsPages.map(({ id, page }) => (
        <Tabs.Panel key={id} value={id} pt="md">
          {page()}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
