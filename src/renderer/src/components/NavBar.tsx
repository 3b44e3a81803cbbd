import { Button, Group } from '@mantine/core';
import { useUiStore, views, type ViewName } from '../stores/ui.store.ts';

const viewTitles: Record<ViewName, string> = {
  trade: 'Trade',
  journal: 'Journal',
  'track-record': 'Track record',
  health: 'Health',
  metrics: 'Metrics',
  settings: 'Settings',
};

/** Title of a view as the navigation and the page heading show it. */
export function viewTitle(view: ViewName): string {
  return viewTitles[view];
}

/**
 * The views as a row in the header: the terminal needs the window's whole width, so the pages
 * do not take a sidebar. The active one is marked for screen readers too (`aria-current`).
 */
export function NavBar(): React.JSX.Element {
  const activeView = useUiStore((state) => state.activeView);
  const showView = useUiStore((state) => state.showView);
  return (
    <Group gap={4} wrap="nowrap" component="nav" aria-label="Views">
      {views.map((view) => (
        <Button
          key={view}
          size="compact-sm"
          variant={view === activeView ? 'light' : 'subtle'}
          color={view === activeView ? 'teal' : 'gray'}
          aria-current={view === activeView ? 'page' : undefined}
          data-testid={`nav-${view}`}
          onClick={() => {
            showView(view);
          }}
        >
          {viewTitles[view]}
        </Button>
      ))}
    </Group>
  );
}
