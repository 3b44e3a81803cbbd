import type { z } from 'zod';
import type { Channels, Events } from '../../../shared/ipc/contract.ts';
import type { marketChannels, marketEvents } from '../../../shared/ipc/channels/market.ts';
import type { secretsChannels } from '../../../shared/ipc/channels/secrets.ts';
import type { tradingChannels, tradingEvents } from '../../../shared/ipc/channels/trading.ts';

/**
 * Channels the renderer may call: the assembled contract, plus domain files the lead has not
 * wired into `contract.ts` yet. Once a domain is in the contract its keys drop out of the
 * `Omit` below, so the contract stays the one source of truth; until then a call to a channel
 * preload does not offer fails with `bridge-channel-missing` and the view says so.
 * Type-only imports: no zod schema reaches the renderer bundle.
 */
type DomainChannels = typeof tradingChannels & typeof marketChannels & typeof secretsChannels;
type DomainEvents = typeof tradingEvents & typeof marketEvents;

/** Every channel the bridge knows, by name. */
export type KnownChannels = Channels & Omit<DomainChannels, keyof Channels>;
/** Every event the bridge knows, by name. */
export type KnownEvents = Events & Omit<DomainEvents, keyof Events>;

/** A channel name the bridge can call. */
export type KnownChannelName = Extract<keyof KnownChannels, string>;
/** An event name the bridge can subscribe to. */
export type KnownEventName = Extract<keyof KnownEvents, string>;

/** What the renderer sends on a channel (zod input: defaults may be left out). */
export type RequestOf<C extends KnownChannelName> = z.input<KnownChannels[C]['request']>;
/** What main answers on a channel (inside the Result). */
export type ResponseOf<C extends KnownChannelName> = z.infer<KnownChannels[C]['response']>;
/** The payload of an event. */
export type PayloadOf<E extends KnownEventName> = z.infer<KnownEvents[E]>;
