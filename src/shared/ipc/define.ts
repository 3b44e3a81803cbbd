import type { z } from 'zod';

/** One request/response channel: the payload main accepts and the value it answers with. */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

/** Channels of one domain, keyed `domain:verb-noun`. */
export type ChannelMap = Readonly<Record<`${string}:${string}`, ChannelSpec>>;

/** Events of one domain (main → renderer), keyed `domain:noun-verb`, with payload schemas. */
export type EventMap = Readonly<Record<`${string}:${string}`, z.ZodType>>;

/** A channel name must be `domain:verb-noun` in lower kebab case. */
export const channelNamePattern = /^[a-z]+:[a-z]+(?:-[a-z0-9]+)+$/;

/** An event name is `domain:kebab-words` (one word allowed, e.g. `app:heartbeat`). */
export const eventNamePattern = /^[a-z]+:[a-z]+(?:-[a-z0-9]+)*$/;

/**
 * `app:get-status` → `{ domain: 'app', method: 'getStatus' }`: the name preload exposes it under
 * (`window.bulwark.app.getStatus`).
 */
export function channelMethodName(channel: string): { domain: string; method: string } {
  const [domain = '', verbNoun = ''] = channel.split(':');
  const method = verbNoun.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
  return { domain, method };
}
