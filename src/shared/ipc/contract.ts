import type { z } from 'zod';
import { alertsChannels, alertsEvents } from './channels/alerts.ts';
import { analysisChannels, analysisEvents } from './channels/analysis.ts';
import { appChannels, appEvents } from './channels/app.ts';
import { healthChannels, healthEvents } from './channels/health.ts';
import { bookChannels, bookEvents, marketChannels, marketEvents } from './channels/market.ts';
import { metricsChannels, metricsEvents } from './channels/metrics.ts';
import { paperChannels, paperEvents } from './channels/paper.ts';
import { secretsChannels, secretsEvents } from './channels/secrets.ts';
import { settingsChannels, settingsEvents } from './channels/settings.ts';
import { tradingChannels, tradingEvents } from './channels/trading.ts';
import { trackrecordChannels, trackrecordEvents } from './channels/trackrecord.ts';
import { channelMethodName } from './define.ts';

/**
 * The whole IPC contract: every channel the renderer may call and every event main may push.
 * Each domain owns a file in `channels/`; this file only assembles them. Preload builds
 * `window.bulwark` by looping over {@link channelNames}; main's router refuses anything else.
 */
export const channels = {
  ...appChannels,
  ...marketChannels,
  ...bookChannels,
  ...tradingChannels,
  ...secretsChannels,
  ...alertsChannels,
  ...analysisChannels,
  ...healthChannels,
  ...metricsChannels,
  ...settingsChannels,
  ...trackrecordChannels,
  ...paperChannels,
} as const;

/** Every event main pushes to the renderer, with its payload schema. */
export const events = {
  ...appEvents,
  ...marketEvents,
  ...bookEvents,
  ...tradingEvents,
  ...secretsEvents,
  ...alertsEvents,
  ...analysisEvents,
  ...healthEvents,
  ...metricsEvents,
  ...settingsEvents,
  ...trackrecordEvents,
  ...paperEvents,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Events = typeof events;
export type EventName = keyof Events;

/** What the renderer sends on a channel. */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What main answers on a channel (inside the Result). */
export type ResponseOf<C extends ChannelName> = z.infer<Channels[C]['response']>;
/** The payload of an event. */
export type PayloadOf<E extends EventName> = z.infer<Events[E]>;

/** The frozen list of channel names, the only ones preload exposes and the router accepts. */
export const channelNames: readonly ChannelName[] = Object.freeze(Object.keys(channels) as ChannelName[]);

/** The frozen list of event names preload lets the renderer subscribe to. */
export const eventNames: readonly EventName[] = Object.freeze(Object.keys(events) as EventName[]);

/** Whether a string is a channel of the contract. */
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

/** Whether a string is an event of the contract. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The preload method layout: `{ app: { getStatus: 'app:get-status' } }`, derived from the names. */
export function channelLayout(): Record<string, Record<string, ChannelName>> {
  const layout: Record<string, Record<string, ChannelName>> = {};
  for (const channel of channelNames) {
    const { domain, method } = channelMethodName(channel);
    layout[domain] ??= {};
    layout[domain][method] = channel;
  }
  return layout;
}
