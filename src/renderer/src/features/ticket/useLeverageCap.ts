import { useEffect, useState } from 'react';
import { call, subscribe } from '../../bridge/index.ts';
import type { SettingsView } from '../../../../shared/ipc/channels/settings.ts';

/** The setting that holds the trader's own leverage cap (src/main/config/editable-settings.ts). */
export const userMaxLeveragePath = 'trading.risk.userMaxLeverage';

/** The trader's leverage cap from `settings:get`; undefined when main has not said a whole number. */
export function userMaxLeverageOf(view: SettingsView): number | undefined {
  const value = view.fields.find((field) => field.path === userMaxLeveragePath)?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * The trader's leverage cap, re-read when a saved setting changes (the Settings page may lower it
 * while the ticket is open). Unknown while main has not answered or when the bridge lacks the
 * channel: the ticket then caps at the contract only, and the engine still enforces the setting.
 */
export function useLeverageCap(): number | undefined {
  const [cap, setCap] = useState<number | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const load = (): void => {
      call('settings:get').then(
        (view) => {
          if (current) setCap(userMaxLeverageOf(view));
        },
        () => {
          // Keep what was known: the engine enforces the setting whatever the ticket shows.
        },
      );
    };
    let unsubscribe = (): void => undefined;
    try {
      load();
      unsubscribe = subscribe('settings:changed', (payload) => {
        if (payload.changes.some((change) => change.path === userMaxLeveragePath)) load();
      });
    } catch {
      // No bridge (page opened outside the app): no cap to show; the engine is not reachable either.
    }
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);
  return cap;
}
