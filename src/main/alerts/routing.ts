import type { Alert, AlertChannelName, AlertRule } from '../../shared/ipc/channels/alerts.ts';

/**
 * The channels an alert goes to: the first rule whose severity matches and whose kinds (if it
 * names any) include the alert's kind. No matching rule: in-app only (the Alerts view and the journal).
 */
export function channelsFor(
  alert: Pick<Alert, 'severity' | 'kind'>,
  rules: readonly AlertRule[],
): readonly AlertChannelName[] {
  const rule = rules.find(
    (candidate) =>
      candidate.severity === alert.severity &&
      (candidate.kinds === undefined || candidate.kinds.includes(alert.kind)),
  );
  return rule === undefined ? [] : [...new Set(rule.channels)];
}
