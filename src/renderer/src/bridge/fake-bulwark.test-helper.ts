import type { SerializedError } from '../../../shared/errors.ts';
import type { Result } from '../../../shared/result.ts';

type Handler = (request: unknown) => Result<unknown> | Promise<Result<unknown>>;

/** A stand-in for preload's `window.bulwark` in renderer tests: channels answer from handlers, events are pushed by the test. */
export interface FakeBulwark {
  /** The object to put on `window.bulwark`. */
  readonly api: Record<string, unknown>;
  /** Pushes an event payload to every subscriber, as preload would. */
  emit(event: string, payload: unknown): void;
  /** How many callbacks are subscribed to an event. */
  listenerCount(event: string): number;
  /** Every request a channel received, in order. */
  readonly calls: { channel: string; request: unknown }[];
}

/** Builds a fake bridge from `{ 'domain:verb-noun': handler }`, laid out like preload's. */
export function createFakeBulwark(handlers: Record<string, Handler>): FakeBulwark {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { channel: string; request: unknown }[] = [];
  const api: Record<string, unknown> = {
    on: (event: string, callback: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
  };
  for (const [channel, handler] of Object.entries(handlers)) {
    const [domain = '', verbNoun = ''] = channel.split(':');
    const method = verbNoun.replace(/-([a-z0-9])/g, (_m, letter: string) => letter.toUpperCase());
    const domainApi = (api[domain] ??= {}) as Record<string, unknown>;
    domainApi[method] = async (request: unknown) => {
      calls.push({ channel, request });
      return handler(request);
    };
  }
  return {
    api,
    calls,
    emit: (event, payload) => {
      for (const callback of listeners.get(event) ?? []) callback(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** Installs a fake bridge as `window.bulwark` (configurable so the next test can replace it). */
export function installFakeBulwark(fake: FakeBulwark): void {
  Object.defineProperty(window, 'bulwark', { value: fake.api, configurable: true, writable: true });
}

/** Removes `window.bulwark`, as when the page is opened outside the app. */
export function removeFakeBulwark(): void {
  Reflect.deleteProperty(window, 'bulwark');
}

/** An `{ ok: false }` result carrying a wire error. */
export function failure(error: SerializedError): Result<never> {
  return { ok: false, error };
}
