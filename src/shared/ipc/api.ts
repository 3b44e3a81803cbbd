import type { Result } from '../result.ts';
import { channelLayout, isEventName } from './contract.ts';
import type { ChannelName, Channels, EventName, PayloadOf, RequestOf, ResponseOf } from './contract.ts';
import { channelMethodName } from './define.ts';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type MethodOf<C extends string> = C extends `${string}:${infer V}` ? CamelCase<V> : never;

/** The function preload exposes for one channel. Channels without a request take no argument. */
export type ChannelFunction<C extends ChannelName> = [RequestOf<C>] extends [undefined]
  ? () => Promise<Result<ResponseOf<C>>>
  : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

/** `window.bulwark`: `{ app: { getStatus() }, …, on(event, cb) }`, derived from the contract. */
export type BulwarkApi = {
  readonly [D in DomainOf<ChannelName>]: {
    readonly [C in ChannelName as DomainOf<C> extends D ? MethodOf<C> : never]: ChannelFunction<C>;
  };
} & {
  /** Subscribes to a main-process event; the callback gets only the payload. Returns the unsubscribe. */
  readonly on: <E extends EventName>(event: E, callback: (payload: PayloadOf<E>) => void) => () => void;
};

/** How the API reaches main: Electron's ipcRenderer in preload, a Playwright binding in e2e tests. */
export interface BulwarkTransport {
  invoke(channel: ChannelName, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.bulwark` by looping over the frozen contract list: one function per channel,
 * nothing generic. The transport is never exposed itself.
 */
export function createBulwarkApi(transport: BulwarkTransport): BulwarkApi {
  const api: Record<string, unknown> = {};
  for (const [domain, methods] of Object.entries(channelLayout())) {
    const functions: Record<string, (request?: unknown) => Promise<unknown>> = {};
    for (const [method, channel] of Object.entries(methods)) {
      functions[method] = (request?: unknown) => transport.invoke(channel, request);
    }
    api[domain] = Object.freeze(functions);
  }
  api.on = (event: unknown, callback: unknown): (() => void) => {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof callback !== 'function') throw new TypeError('on(event, callback) needs a function');
    return transport.subscribe(event, (payload) => {
      (callback as (payload: unknown) => void)(payload);
    });
  };
  return Object.freeze(api) as unknown as BulwarkApi;
}

/** The method path of a channel, `['app', 'getStatus']`; used by tests and the e2e harness. */
export function methodPath(channel: keyof Channels): readonly [string, string] {
  const { domain, method } = channelMethodName(channel);
  return [domain, method];
}
