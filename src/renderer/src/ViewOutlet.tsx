import { Stack, Title } from '@mantine/core';
import { LiveUpdatesNotice } from './components/LiveUpdatesNotice.tsx';
import { viewTitle } from './components/NavBar.tsx';
import { AlertsView } from './features/alerts/AlertsView.tsx';
import { HealthView } from './features/health/HealthView.tsx';
import { JournalView } from './features/journal/JournalView.tsx';
import { OrdersView } from './features/orders/OrdersView.tsx';
import { PositionsView } from './features/positions/PositionsView.tsx';
import { SettingsView } from './features/settings/SettingsView.tsx';
import { TradeView } from './features/trade/TradeView.tsx';
import { TrackRecordView } from './features/track-record/TrackRecordView.tsx';
import { TradingStateBanner } from './features/trading-state/TradingStateBanner.tsx';
import { useUiStore, type ViewName } from './stores/ui.store.ts';

const viewComponents: Record<ViewName, () => React.JSX.Element> = {
  trade: TradeView,
  positions: PositionsView,
  orders: OrdersView,
  journal: JournalView,
  'track-record': TrackRecordView,
  alerts: AlertsView,
  health: HealthView,
  settings: SettingsView,
};

/** The trading state banner, then the view the navbar selected. */
export function ViewOutlet(): React.JSX.Element {
  const activeView = useUiStore((state) => state.activeView);
  const View = viewComponents[activeView];
  return (
    <Stack data-testid={`view-${activeView}`} gap="sm">
      <TradingStateBanner />
      <LiveUpdatesNotice />
      <Title order={2}>{viewTitle(activeView)}</Title>
      <View />
    </Stack>
  );
}
