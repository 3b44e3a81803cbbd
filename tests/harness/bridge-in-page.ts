// Puts the real engine behind window.bulwark in a Playwright page. Only Electron's transport is
// replaced: calls go through page.exposeBinding into the engine's real IPC router (with the real
// sender check, fed the calling frame's URL), events come back through page.evaluate.
import type { BrowserContext, Page } from '@playwright/test';
import { channelLayout, eventNames } from '../../src/shared/ipc/contract.ts';
import type { Engine } from '../../src/main/engine.ts';

/** The init script: builds window.bulwark from the contract layout, exactly as preload does. */
function initScript(layout: Record<string, Record<string, string>>, events: readonly string[]): string {
  return `(() => {
    const layout = ${JSON.stringify(layout)};
    const known = new Set(${JSON.stringify(events)});
    const listeners = new Map();
    const invoke = window.__bulwarkInvoke;
    delete window.__bulwarkInvoke;
    const api = {};
    for (const [domain, methods] of Object.entries(layout)) {
      const fns = {};
      for (const [method, channel] of Object.entries(methods)) fns[method] = (request) => invoke(channel, request);
      api[domain] = Object.freeze(fns);
    }
    api.on = (event, callback) => {
      if (!known.has(event)) throw new TypeError('Unknown event: ' + event);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (payload) => callback(payload);
      set.add(wrapped);
      return () => set.delete(wrapped);
    };
    Object.defineProperty(window, '__bulwarkDeliver', { value: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    } });
    Object.defineProperty(window, 'bulwark', { value: Object.freeze(api) });
  })();`;
}

/** Event pushes the page has received, for tests that wait on app-emitted events. */
export interface BridgeHandle {
  /** Resolves once the page has been handed `event` with a payload matching `predicate`. */
  waitForEvent(event: string, predicate?: (payload: unknown) => boolean): Promise<unknown>;
  detach(): void;
}

/**
 * Wires `engine` to every page of `context` served from `origin`. `deliverVia` names a page
 * function that receives each push instead of the bridge's own (the renderer benchmark times
 * arrivals there and hands them on).
 */
export async function attachEngine(
  context: BrowserContext,
  page: Page,
  engine: Engine,
  origin: string,
  deliverVia = '__bulwarkDeliver',
): Promise<BridgeHandle> {
  const router = engine.createRouter([origin]);
  await context.exposeBinding(
    '__bulwarkInvoke',
    ({ frame, page: source }, channel: unknown, payload: unknown) =>
      router.handle(channel, payload, { url: frame.url(), isMainFrame: frame === source.mainFrame() }),
  );
  await context.addInitScript({ content: initScript(channelLayout(), eventNames) });
  const waiters: {
    event: string;
    predicate: (payload: unknown) => boolean;
    resolve: (payload: unknown) => void;
  }[] = [];
  const unsubscribe = engine.events.subscribe((event, payload) => {
    void page
      .evaluate(
        ([via, name, body]) => {
          (globalThis as unknown as Record<string, ((e: string, p: unknown) => void) | undefined>)[via]?.(
            name,
            body,
          );
        },
        [deliverVia, event, payload] as const,
      )
      .then(() => {
        for (const waiter of [...waiters]) {
          if (waiter.event === event && waiter.predicate(payload)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(payload);
          }
        }
      })
      .catch(() => undefined); // the page may be navigating or closed; the next push retries
  });
  return {
    waitForEvent: (event, predicate = () => true) =>
      new Promise((resolve) => waiters.push({ event, predicate, resolve })),
    detach: unsubscribe,
  };
}
