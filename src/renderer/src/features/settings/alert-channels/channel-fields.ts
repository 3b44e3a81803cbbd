import type { ChannelView } from '../../../../../shared/ipc/channels/alerts.ts';

/** What a channel's inputs hold: text (lists comma-separated) or a flag. */
export type ChannelDraft = Readonly<Record<string, string | boolean>>;

/** How each channel's settings are called on the page. */
export const channelFieldLabels: Readonly<Record<string, string>> = {
  enabled: 'On',
  host: 'SMTP server',
  port: 'SMTP port',
  security: 'Security',
  username: 'SMTP user name',
  from: 'From',
  to: 'To',
  accountSid: 'Twilio Account SID',
  apiBaseUrl: 'API address',
  chatId: 'Chat id',
};

/** Fields that are a choice, with the choices main's schema allows. */
export const channelFieldChoices: Readonly<Record<string, readonly string[]>> = {
  security: ['starttls', 'tls', 'none'],
};

/** The channel's settings as the inputs show them. */
export function draftFromSettings(settings: ChannelView['settings']): ChannelDraft {
  return Object.fromEntries(
    Object.entries(settings).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? value : Array.isArray(value) ? value.join(', ') : String(value),
    ]),
  );
}

function fromText(text: string, original: unknown): unknown {
  if (Array.isArray(original))
    return text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  if (typeof original === 'number') {
    const number = Number(text.trim());
    // Sent as typed when it is not a number, so main's schema says what is wrong.
    return text.trim() === '' || !Number.isFinite(number) ? text : number;
  }
  return text;
}

/** The settings block sent to main: each input read back into the type main holds. */
export function settingsFromDraft(
  draft: ChannelDraft,
  original: ChannelView['settings'],
): Record<string, unknown> {
  const current = original as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(draft).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? value : fromText(value, current[key]),
    ]),
  );
}

/** A channel error's field (`settings.host`) → the input's key (`host`). */
export function channelFieldOf(path: string): string {
  return path.replace(/^settings\./, '');
}
