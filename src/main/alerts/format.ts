/**
 * How an alert reads on a phone or in a mail client: severity and title first (a lock screen shows
 * one line), then the body in the trader's words, the numbers, the time in UTC and where it came from.
 */
import type { Alert, AlertChannelName } from '../../shared/ipc/channels/alerts.ts';

/** Paper or live, so a trader never mistakes a paper alert for real money. */
export type AlertOrigin = 'paper' | 'live';

const severityWord = { critical: 'CRITICAL', warning: 'Warning', info: 'Info' } as const;

/** `[PAPER] CRITICAL: Stop could not be placed — XBTUSDTM` */
export function headline(alert: Alert, origin: AlertOrigin): string {
  const cleared = alert.clears ? 'Cleared: ' : '';
  const where = alert.symbol === undefined ? '' : ` — ${alert.symbol}`;
  return `${origin === 'paper' ? '[PAPER] ' : ''}${severityWord[alert.severity]}: ${cleared}${alert.title}${where}`;
}

/** The numbers, one `name: value` per line, in the order the raiser gave them. */
export function numberLines(alert: Alert): string[] {
  return Object.entries(alert.details).map(([name, value]) => `${name}: ${String(value)}`);
}

/** The full plain-text body (email, Slack, Telegram). */
export function plainText(alert: Alert, origin: AlertOrigin): string {
  return [
    headline(alert, origin),
    '',
    alert.message,
    ...(Object.keys(alert.details).length === 0 ? [] : ['', ...numberLines(alert)]),
    '',
    `${new Date(alert.at)
      .toISOString()
      .replace('T', ' ')
      .replace(
        /\.\d{3}Z$/,
        ' UTC',
      )} · Bulwark ${origin === 'paper' ? 'paper trading' : 'LIVE'} · alert #${alert.id}`,
  ].join('\n');
}

/** One short line for SMS: headline and body, cut to `maxChars` (two SMS segments by default). */
export function shortText(alert: Alert, origin: AlertOrigin, maxChars = 300): string {
  const text = `Bulwark ${headline(alert, origin)}: ${alert.message}`;
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}

const channelWords: Readonly<Record<AlertChannelName, string>> = {
  desktop: 'Desktop notifications',
  email: 'E-mail alerts',
  sms: 'SMS alerts',
  slack: 'Slack alerts',
  telegram: 'Telegram alerts',
};

/** The message "send test alert" sends on a channel. */
export function testAlert(channel: AlertChannelName, at: number): Alert {
  return {
    id: 0,
    severity: 'info',
    code: 'alert-test',
    kind: 'test',
    key: `alert-test:${channel}`,
    title: 'Test alert from Bulwark',
    message: `${channelWords[channel]} reach you. This test was sent from Settings → Alerts; nothing happened to your positions.`,
    details: {},
    at,
    clears: false,
  };
}
