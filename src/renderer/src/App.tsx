import { AppShell, Group, MantineProvider, Title } from '@mantine/core';
import { ModeBadge } from './components/ModeBadge.tsx';
import { KillSwitch } from './features/trading-state/KillSwitch.tsx';
import { NavBar } from './components/NavBar.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { ViewOutlet } from './ViewOutlet.tsx';
import { useConnection } from './stores/hooks.ts';
import { bulwarkTheme, defaultColorScheme } from './theme/theme.ts';

/** Header: product name, PAPER/LIVE, kill switch. In LIVE mode a red rule says "real money". */
function Header(): React.JSX.Element {
  const live = useConnection((state) => state.mode === 'live');
  return (
    <AppShell.Header style={live ? { borderBottom: '3px solid var(--mantine-color-red-7)' } : undefined}>
      <Group h="100%" px="md" justify="space-between">
        <Title order={3} data-testid="product-name">
          Bulwark
        </Title>
        <Group gap="sm">
          <ModeBadge />
          <KillSwitch />
        </Group>
      </Group>
    </AppShell.Header>
  );
}

/** The shell: header (name + PAPER/LIVE), navbar of views, the active view, status bar. */
export function App(): React.JSX.Element {
  return (
    <MantineProvider theme={bulwarkTheme} defaultColorScheme={defaultColorScheme}>
      <AppShell
        header={{ height: 48 }}
        navbar={{ width: 180, breakpoint: 0 }}
        footer={{ height: 28 }}
        padding="md"
      >
        <Header />
        <AppShell.Navbar>
          <NavBar />
        </AppShell.Navbar>
        <AppShell.Main>
          <ViewOutlet />
        </AppShell.Main>
        <AppShell.Footer>
          <StatusBar />
        </AppShell.Footer>
      </AppShell>
    </MantineProvider>
  );
}
