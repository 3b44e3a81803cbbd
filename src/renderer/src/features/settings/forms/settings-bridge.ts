import type {
  SettingRange,
  SettingsUpdateResult,
  SettingsView,
} from '../../../../../shared/ipc/channels/settings.ts';
import type { TradingError } from '../../../../../shared/errors.ts';
import { call } from '../../../bridge/index.ts';

/** Every editable setting from main. */
export function loadSettings(): Promise<SettingsView> {
  return call('settings:get');
}

/** Saves changes (path → value); rejects with main's ConfigError when any value is refused. */
export function saveSettings(changes: Record<string, unknown>): Promise<SettingsUpdateResult> {
  return call('settings:update', { changes });
}

function isIssue(value: unknown): value is { path: string; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
}

/**
 * Main's refusal per field (path → its message), from a refused call's `details.issues` (a
 * settings update's ConfigError, an alert channel's ValidationError, the router's invalid payload).
 */
export function fieldErrorsOf(error: TradingError): Record<string, string> {
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as unknown[]) : [];
  return Object.fromEntries(issues.filter(isIssue).map((issue) => [issue.path, issue.message]));
}

/** "from 1 to 125" as the page shows it next to a field, from main's range. */
export function rangeHint(range: SettingRange): string {
  const { minimum: min, maximum: max } = range;
  if (range.kind === 'boolean' || range.kind === 'list' || range.kind === 'map') return '';
  if (range.kind === 'decimal') return 'a decimal number ≥ 0';
  if (range.kind === 'choice') return range.choices === undefined ? '' : `one of ${range.choices.join(', ')}`;
  const whole = range.kind === 'integer' ? 'whole number ' : '';
  const low =
    min === undefined ? '' : range.exclusiveMinimum === true ? `> ${String(min)}` : `≥ ${String(min)}`;
  const high = max === undefined ? '' : `≤ ${String(max)}`;
  return `${whole}${[low, high].filter((part) => part !== '').join(' and ')}`.trim();
}
