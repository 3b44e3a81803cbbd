import { NavLink, Stack } from '@mantine/core';
import { useUiStore, views, type ViewName } from '../stores/ui.store.ts';

const viewTitles: Record<ViewName, string> = {
  trade: 'Trade',
  positions: 'Positions',
  orders: 'Orders',
  journal: 'Journal',
  'track-record': 'Track record',
  alerts: 'Alerts',
  health: 'Health',
  settings: 'Settings',
};

/** Title of a view as the navbar and the page heading show it. */
export function viewTitle(view: ViewName): string {
  return viewTitles[view];
}

/** The list of views; the active one is highlighted. */
export function NavBar(): React.JSX.Element {
  const activeView = useUiStore((state) => state.activeView);
  const showView = useUiStore((state) => state.showView);
  return (
    <Stack gap={2} p="xs">
      {views.map((view) => (
        <NavLink
          key={view}
          component="button"
          label={viewTitles[view]}
          active={view === activeView}
          data-testid={`nav-${view}`}
          onClick={() => {
            showView(view);
          }}
        />
      ))}
    </Stack>
  );
}
