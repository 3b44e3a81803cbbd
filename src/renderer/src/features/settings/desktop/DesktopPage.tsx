import { SettingsForm } from '../forms/SettingsForm.tsx';

const desktopPaths = ['app.startAtLogin'] as const;

/** Settings → Desktop: how Bulwark lives on the computer (start at login). */
export function DesktopPage(): React.JSX.Element {
  return <SettingsForm id="desktop" title="Desktop" paths={desktopPaths} intro="Applies at once." />;
}
