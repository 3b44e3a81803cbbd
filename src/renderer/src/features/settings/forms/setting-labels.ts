/**
 * What each setting is called on the Settings pages, in the trader's words, with its unit.
 * Main's `settings:get` says the value, the default and what is allowed; this says what it means.
 */
export interface SettingLabel {
  readonly label: string;
  readonly unit?: string;
  readonly help?: string;
}

/** Labels by setting path. A path without a label is shown by its path (never hidden). */
export const settingLabels: Readonly<Record<string, SettingLabel>> = {
  'trading.risk.maxRiskPerTradePct': {
    label: 'Risk per trade',
    unit: '% of equity',
    help: 'Largest loss at the stop, fees included.',
  },
  'trading.risk.userMaxLeverage': {
    label: 'Max leverage cap',
    unit: '×',
    help: "Your cap; the contract's and its risk tier's cap apply too.",
  },
  'trading.risk.contractLimits.maxPositionLots': { label: 'Max position size per contract', unit: 'lots' },
  'trading.risk.contractLimits.maxPositionNotionalUsdt': {
    label: 'Max position value per contract',
    unit: 'USDT',
  },
  'trading.risk.maxAccountExposureUsdt': {
    label: 'Max account exposure',
    unit: 'USDT',
    help: 'Open positions plus resting entries, all contracts.',
  },
  'trading.risk.priceBandPct': {
    label: 'Fat-finger band',
    unit: '% from mark',
    help: 'A limit price further from the mark is refused.',
  },
  'trading.risk.stopLiquidationBufferPct': {
    label: 'Stop buffer before liquidation',
    unit: '% of entry→liquidation',
    help: 'The stop must trigger this far in front of liquidation.',
  },
  'trading.risk.maxOrdersPerMinute': { label: 'Max new orders per minute', unit: 'orders' },
  'trading.state.dailyLossLimitUsdt': {
    label: 'Daily loss limit',
    unit: 'USDT',
    help: 'Realised loss since 00:00 UTC that stops new entries (REDUCING).',
  },
  'trading.state.maxConsecutiveStopOuts': { label: 'Stop-outs in a row before REDUCING', unit: 'stop-outs' },
  'trading.protection.nakedAlertAfterS': {
    label: 'Naked position alert after',
    unit: 's',
    help: 'A position without a full exchange-side stop for longer raises a critical alert.',
  },
  'trading.protection.closeOnStopFailure': {
    label: 'Emergency close when no stop can be placed',
    help: 'Close at market, retried until flat.',
  },
  'trading.protection.closeAfterNakedS': { label: 'Emergency close after naked for', unit: 's' },
  'trading.protection.stopPlaceMaxAttempts': {
    label: 'Stop placement attempts before giving up',
    unit: 'attempts',
  },
  'trading.protection.emergencyCloseRetryInitialMs': {
    label: 'Emergency close: first retry after',
    unit: 'ms',
  },
  'trading.protection.emergencyCloseRetryMaxMs': {
    label: 'Emergency close: longest retry interval',
    unit: 'ms',
  },
  'trading.protection.adoptedPositionStopPct': {
    label: 'Stop for a position opened elsewhere',
    unit: '% from mark',
  },
  'trading.protection.useStOrders': { label: 'Send the stop with the entry (one request)' },
  'trading.trailing.minMoveTicks': { label: 'Trailing: move only when better by', unit: 'ticks' },
  'trading.trailing.minMoveIntervalMs': { label: 'Trailing: least time between moves', unit: 'ms' },
  'trading.trailing.atrPeriod': { label: 'ATR trailing: period', unit: 'candles' },
  'trading.trailing.atrTimeframeMin': { label: 'ATR trailing: candle length', unit: 'min' },
  'alerts.escalateAfterMs': {
    label: 'Escalate an unacknowledged critical alert after',
    unit: 'ms',
    help: '0 = never.',
  },
  'alerts.escalationChannel': { label: 'Escalation channel' },
  'alerts.dedupeWindowMs': { label: 'Flapping window', unit: 'ms' },
  'alerts.maxSendsPerKey': { label: 'Most sends of one alert per window', unit: 'sends' },
  'alerts.rateLimitWindowMs': { label: 'Send-limit window', unit: 'ms' },
  'venue.startingBalanceUsdt': {
    label: 'Starting balance',
    unit: 'USDT',
    help: 'Credited to a new paper account.',
  },
  'venue.marketData.source': {
    label: 'Market data',
    help: "auto: KuCoin's live market when it answers, else simulated (the header says why); live: live only; simulated: never goes online.",
  },
  'app.startAtLogin': {
    label: 'Open Bulwark when I log in',
    help: "macOS and Windows; on Linux use your desktop's autostart.",
  },
  'exchange.rateLimit.publicPoolWeight': { label: 'Public pool weight per window', unit: 'weight' },
  'exchange.rateLimit.futuresPoolWeight': { label: 'Futures pool weight per window', unit: 'weight' },
  'exchange.rateLimit.managementPoolWeight': { label: 'Management pool weight per window', unit: 'weight' },
  'exchange.rateLimit.poolWindowMs': { label: 'Rate-limit window', unit: 'ms' },
  'exchange.rateLimit.protectiveReserveShare': {
    label: 'Share reserved for stops and cancels',
    unit: '0–0.5',
  },
  'exchange.rateLimit.queueCapacity': { label: 'Request queue capacity', unit: 'requests' },
  'exchange.rateLimit.maxConcurrentRequests': { label: 'Requests on the wire at once', unit: 'requests' },
  'exchange.rateLimit.orderQueueDeadlineMs': {
    label: 'Longest wait of a new order in the queue',
    unit: 'ms',
  },
  'exchange.breaker.breakerFailureThreshold': { label: 'Breaker opens after', unit: 'failures in a row' },
  'exchange.breaker.breakerCooldownMs': { label: 'Breaker cool-down before a probe', unit: 'ms' },
};

/** The label of a path (its last name when none is written). */
export function labelOf(path: string): SettingLabel {
  return settingLabels[path] ?? { label: path.split('.').at(-1) ?? path };
}
