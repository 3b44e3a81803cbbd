import { AppShell, Group, MantineProvider, Title } from '@mantine/core';
import { HealthLight } from './components/header/HealthLight.tsx';
import { ModeBadge } from './components/ModeBadge.tsx';
import { Hotkeys } from './features/hotkeys/Hotkeys.tsx';
import { KillSwitch } from './features/trading-state/KillSwitch.tsx';
import { NavBar } from './components/NavBar.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { ViewOutlet } from './ViewOutlet.tsx';
import { useConnection } from './stores/hooks.ts';
import { bulwarkCssVariables, bulwarkTheme, defaultColorScheme } from './theme/theme.ts';

/** Header: product name, the views, PAPER/LIVE, health, kill switch. In LIVE mode a red rule says "real money". */
function Header(): React.JSX.Element {
  const live = useConnection((state) => state.mode === 'live');
  return (
    <AppShell.Header style={live ? { borderBottom: '3px solid var(--mantine-color-red-7)' } : undefined}>
      <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Title order={4} data-testid="product-name">
            Bulwark
          </Title>
          <NavBar />
        </Group>
        <Group gap="sm" wrap="nowrap">
          <ModeBadge />
          <HealthLight />
          <KillSwitch />
        </Group>
      </Group>
    </AppShell.Header>
  );
}

/** The shell: header, the active view filling the window, status bar. */
export function App(): React.JSX.Element {
  return (
    <MantineProvider
      theme={bulwarkTheme}
      defaultColorScheme={defaultColorScheme}
      cssVariablesResolver={bulwarkCssVariables}
    >
      <AppShell header={{ height: 48 }} footer={{ height: 28 }} padding={6}>
        <Header />
        <Hotkeys />
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
