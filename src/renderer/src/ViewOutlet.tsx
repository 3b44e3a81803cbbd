import { Stack, Title } from '@mantine/core';
import { viewTitle } from './components/NavBar.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { useUiStore } from './stores/ui.store.ts';

/** Renders the view the navbar selected. */
export function ViewOutlet(): React.JSX.Element {
  const activeView = useUiStore((state) => state.activeView);
  return (
    <Stack data-testid={`view-${activeView}`}>
      <Title order={2}>{viewTitle(activeView)}</Title>
      <EmptyState>This view is being wired to the engine.</EmptyState>
    </Stack>
  );
}
