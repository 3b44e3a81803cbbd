// What the soak trades and with which engine settings (shared by the soak and its engine process).

/** A soak market: its tick and a trailing distance of about 0.45 % of its price. */
export interface SoakMarket {
  readonly symbol: string;
  readonly tick: string;
  readonly trailDistance: string;
  readonly startPrice: string;
}

/** Three contracts, as a trader with a small book would run them. */
export const soakMarkets: readonly SoakMarket[] = [
  { symbol: 'XBTUSDTM', tick: '0.1', trailDistance: '400', startPrice: '90000' },
  { symbol: 'ETHUSDTM', tick: '0.01', trailDistance: '14', startPrice: '3000' },
  { symbol: 'SOLUSDTM', tick: '0.001', trailDistance: '0.7', startPrice: '150' },
];

/** The largest position the risk rules allow per contract; the soak's forbidden orders ask for more. */
export const soakMaxPositionLots = 12;

/** Seconds a position may be without an exchange stop before it counts as naked over the limit. */
export const soakNakedLimitS = 5;

/** The engine's settings.json: fast passes, the soak's limits, Slack and Telegram as the away channels. */
export function soakSettings(peers: { telegramUrl: string; chatId: string }): Record<string, unknown> {
  return {
    trading: {
      orders: { pollIntervalMs: 250 },
      protection: { watchdogIntervalMs: 500, nakedAlertAfterS: soakNakedLimitS },
      trailing: { minMoveIntervalMs: 1000 },
      risk: { contractLimits: { maxPositionLots: soakMaxPositionLots, maxPositionNotionalUsdt: '500000' } },
    },
    alerts: {
      channels: {
        desktop: { enabled: false },
        slack: { enabled: true },
        telegram: { enabled: true, chatId: peers.chatId, apiBaseUrl: peers.telegramUrl },
      },
    },
  };
}
