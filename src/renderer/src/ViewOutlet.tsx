import { Box, Stack, Title } from '@mantine/core';
import { LiveUpdatesNotice } from './components/LiveUpdatesNotice.tsx';
import { viewTitle } from './components/NavBar.tsx';
import { ExchangeLinkBanner } from './features/health/ExchangeLinkBanner.tsx';
import { HealthView } from './features/health/HealthView.tsx';
import { JournalView } from './features/journal/JournalView.tsx';
import { MetricsView } from './features/metrics/MetricsView.tsx';
import { SettingsView } from './features/settings/SettingsView.tsx';
import { TerminalView } from './features/terminal/TerminalView.tsx';
import { TrackRecordView } from './features/track-record/TrackRecordView.tsx';
import { TradingStateBanner } from './features/trading-state/TradingStateBanner.tsx';
import { useUiStore, type ViewName } from './stores/ui.store.ts';

const pages: Record<Exclude<ViewName, 'trade'>, () => React.JSX.Element> = {
  journal: JournalView,
  'track-record': TrackRecordView,
  health: HealthView,
  metrics: MetricsView,
  settings: SettingsView,
};

/** The window's height under the header and above the status bar: the terminal fills it exactly. */
const viewportHeight =
  'calc(100dvh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 12px)';

/**
 * The trading state banner, then the view: the terminal fills the window without a page scroll;
 * the full pages (journal, track record, health, metrics, settings) scroll as documents.
 */
export function ViewOutlet(): React.JSX.Element {
  const activeView = useUiStore((state) => state.activeView);
  if (activeView === 'trade') {
    return (
      <Stack data-testid="view-trade" gap={4} h={viewportHeight}>
        <TradingStateBanner />
        <ExchangeLinkBanner />
        <LiveUpdatesNotice />
        <Box style={{ flex: 1, minHeight: 0 }}>
          <TerminalView />
        </Box>
      </Stack>
    );
  }
  const Page = pages[activeView];
  return (
    <Stack data-testid={`view-${activeView}`} gap="sm">
      <TradingStateBanner />
      <ExchangeLinkBanner />
      <LiveUpdatesNotice />
      <Title order={2}>{viewTitle(activeView)}</Title>
      <Page />
    </Stack>
  );
}
