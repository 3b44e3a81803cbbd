import type { ChannelName, EventName, PayloadOf, RequestOf, ResponseOf } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';

/** `verb-noun-more` → `verbNounMore`, the method name preload exposes a channel under. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** `trading:preview-order` → `trading`. */
type DomainOf<C extends string> = C extends `${infer Domain}:${string}` ? Domain : never;

/** The methods of one domain: `{ getStatus(request): Promise<Result<…>> }`. */
type DomainApi<D extends string> = {
  [C in ChannelName as C extends `${D}:${infer VerbNoun}` ? CamelCase<VerbNoun> : never]: (
    request: RequestOf<C>,
  ) => Promise<Result<ResponseOf<C>>>;
};

/** Subscribes to an event; the callback gets only the payload. Returns the unsubscribe function. */
export type EventSubscriber = <E extends EventName>(event: E, callback: (payload: PayloadOf<E>) => void) => () => void;

/**
 * The exact shape preload puts on `window.bulwark`, derived from the IPC contract
 * (src/shared/ipc/contract.ts): one object per domain, one function per channel, plus `on`.
 */
export type BulwarkApi = { readonly [D in DomainOf<ChannelName>]: DomainApi<D> } & {
  readonly on: EventSubscriber;
};
