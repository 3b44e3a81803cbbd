/**
 * The settings a trader may change from the Settings pages, and when each takes effect. The
 * renderer is untrusted: a path not in this list is refused even when the schema knows it (the
 * venue's port, the keychain service, timings that are mid-flight state of the order tracker).
 *
 * `now` means the running engine reads the value at its next check (the trading service reads
 * the config in force through `currentConfig`, the alert router through its config reader);
 * `restart` means the value is saved and used when Bulwark next starts (the exchange client's
 * rate limiter and breaker are built once, the paper venue credits its starting balance when it
 * opens an account).
 */
import type { SettingApplies } from '../../shared/ipc/channels/settings.ts';

/** One editable setting. */
export interface EditableSetting {
  readonly path: string;
  readonly applies: SettingApplies;
}

const now = (path: string): EditableSetting => ({ path, applies: 'now' });
const restart = (path: string): EditableSetting => ({ path, applies: 'restart' });

const risk = [
  'maxRiskPerTradePct',
  'userMaxLeverage',
  'contractLimits.maxPositionLots',
  'contractLimits.maxPositionNotionalUsdt',
  'perContractLimits',
  'maxAccountExposureUsdt',
  'priceBandPct',
  'stopLiquidationBufferPct',
  'maxOrdersPerMinute',
].map((field) => now(`trading.risk.${field}`));

const tradingState = ['dailyLossLimitUsdt', 'maxConsecutiveStopOuts'].map((field) =>
  now(`trading.state.${field}`),
);

const protection = [
  'nakedAlertAfterS',
  'closeAfterNakedS',
  'closeOnStopFailure',
  'stopPlaceMaxAttempts',
  'adoptedPositionStopPct',
  'emergencyCloseRetryInitialMs',
  'emergencyCloseRetryMaxMs',
  'useStOrders',
].map((field) => now(`trading.protection.${field}`));

const trailing = ['minMoveTicks', 'minMoveIntervalMs', 'atrPeriod', 'atrTimeframeMin'].map((field) =>
  now(`trading.trailing.${field}`),
);

const alertRouting = [
  'rules',
  'escalateAfterMs',
  'escalationChannel',
  'dedupeWindowMs',
  'maxSendsPerKey',
  'rateLimitWindowMs',
].map((field) => now(`alerts.${field}`));

const paper = [restart('venue.startingBalanceUsdt'), restart('venue.marketData.source')];

const desktop = [now('app.startAtLogin')];

const advanced = [
  ...[
    'publicPoolWeight',
    'futuresPoolWeight',
    'managementPoolWeight',
    'poolWindowMs',
    'protectiveReserveShare',
    'queueCapacity',
    'maxConcurrentRequests',
    'orderQueueDeadlineMs',
  ].map((field) => restart(`exchange.rateLimit.${field}`)),
  restart('exchange.breaker.breakerFailureThreshold'),
  restart('exchange.breaker.breakerCooldownMs'),
];

/** Every setting the Settings pages may change, in page order. */
export const editableSettings: readonly EditableSetting[] = [
  ...risk,
  ...tradingState,
  ...protection,
  ...trailing,
  ...alertRouting,
  ...paper,
  ...desktop,
  ...advanced,
];

const byPath = new Map(editableSettings.map((setting) => [setting.path, setting]));

/** The editable setting at `path`, or undefined when the Settings pages may not change it. */
export function editableSetting(path: string): EditableSetting | undefined {
  return byPath.get(path);
}

/**
 * When a change at `path` takes effect, for any path the journal records (the alert channel
 * pages save through the same file): the alert router and its sinks read their settings per
 * delivery; anything else not listed is only read at start.
 */
export function appliesAt(path: string): SettingApplies {
  // A change inside an editable setting (a key of a list or map) applies as the setting does.
  for (let at = path; at.includes('.'); at = at.slice(0, at.lastIndexOf('.'))) {
    const setting = byPath.get(at);
    if (setting !== undefined) return setting.applies;
  }
  return path.startsWith('alerts.') ? 'now' : 'restart';
}
