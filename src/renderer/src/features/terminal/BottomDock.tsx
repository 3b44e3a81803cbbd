import { Badge, Box, Tabs } from '@mantine/core';
import { useMemo } from 'react';
import { useAlerts, useTrading } from '../../stores/hooks.ts';
import { useUiStore } from '../../stores/ui.store.ts';
import { AlertsView } from '../alerts/AlertsView.tsx';
import { FillsTable } from '../fills/FillsTable.tsx';
import { useTodaysFills } from '../fills/useTodaysFills.ts';
import { DockOrders } from '../orders/DockOrders.tsx';
import { PositionsView } from '../positions/PositionsView.tsx';
import { KillSwitchReportNotice } from '../trading-state/KillSwitchReportNotice.tsx';
import { dockTabLabels, dockTabs, ordersOfTab, type DockTab } from './dock-tabs.ts';

/** How many rows each tab holds, for its label: a trader sees a new stop order without opening the tab. */
function useDockCounts(fillCount: number | undefined): Record<DockTab, number | undefined> {
  const positions = useTrading((state) => state.positions);
  const orders = useTrading((state) => state.orders);
  const alerts = useAlerts((state) => state.alerts);
  return useMemo(
    () => ({
      positions: Object.keys(positions).length,
      'open-orders': ordersOfTab(Object.values(orders), 'open-orders').length,
      'stop-orders': ordersOfTab(Object.values(orders), 'stop-orders').length,
      fills: fillCount,
      alerts: alerts.length,
    }),
    [positions, orders, alerts, fillCount],
  );
}

function TabLabel(props: { readonly tab: DockTab; readonly count: number | undefined }): React.JSX.Element {
  return (
    <>
      {dockTabLabels[props.tab]}{' '}
      <Badge size="xs" variant="light" color="gray" data-testid={`dock-count-${props.tab}`}>
        {props.count ?? '…'}
      </Badge>
    </>
  );
}

/**
 * The terminal's bottom dock: Positions · Open orders · Stop orders · Fills · Alerts, each with
 * its count. Every tab stays mounted so its count and its list are live while another is in front.
 */
export function BottomDock(): React.JSX.Element {
  const tab = useUiStore((state) => state.dockTab);
  const showDockTab = useUiStore((state) => state.showDockTab);
  const fills = useTodaysFills();
  const counts = useDockCounts(fills.kind === 'ready' ? fills.fills.length : undefined);
  return (
    <Tabs
      value={tab}
      keepMounted
      onChange={(value) => {
        const next = dockTabs.find((t) => t === value);
        if (next !== undefined) showDockTab(next);
      }}
      h="100%"
      style={{ display: 'flex', flexDirection: 'column' }}
      data-testid="bottom-dock"
    >
      <Tabs.List>
        {dockTabs.map((t) => (
          <Tabs.Tab key={t} value={t} data-testid={`dock-tab-${t}`}>
            <TabLabel tab={t} count={counts[t]} />
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Box style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        <KillSwitchReportNotice />
        <Tabs.Panel value="positions" p="xs">
          <PositionsView />
        </Tabs.Panel>
        <Tabs.Panel value="open-orders" p="xs">
          <DockOrders tab="open-orders" />
        </Tabs.Panel>
        <Tabs.Panel value="stop-orders" p="xs">
          <DockOrders tab="stop-orders" />
        </Tabs.Panel>
        <Tabs.Panel value="fills" p="xs">
          <FillsTable load={fills} />
        </Tabs.Panel>
        <Tabs.Panel value="alerts" p="xs">
          <AlertsView />
        </Tabs.Panel>
      </Box>
    </Tabs>
  );
}
