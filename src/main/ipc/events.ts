import type { EventName, PayloadOf } from '../../shared/ipc/contract.ts';
import { events } from '../../shared/ipc/contract.ts';
import type { Logger } from '../observability/logger.ts';

/** Receives every event that passed validation and throttling (the window, the e2e page). */
export type EventListener = (event: EventName, payload: unknown) => void;

/** Main's outbound event channel to the renderer. */
export interface EventPublisher {
  /**
   * Publishes an event. Pushes of the same event and `key` (e.g. a symbol) within the throttle
   * window are coalesced, latest wins; different keys never hide each other.
   */
  publish<E extends EventName>(event: E, payload: PayloadOf<E>, key?: string): void;
  /** Adds a listener; returns its removal. */
  subscribe(listener: EventListener): () => void;
  /** Drops pending pushes and cancels timers. */
  stop(): void;
}

interface Pending {
  payload: unknown;
  timer: NodeJS.Timeout | undefined;
  lastSentAt: number;
}

/** Hands one event to every listener; a listener that throws is logged and never stops the others. */
function deliverToListeners(
  listeners: ReadonlySet<EventListener>,
  logger: Logger,
  event: EventName,
  payload: unknown,
): void {
  for (const listener of listeners) {
    try {
      listener(event, payload);
    } catch (error) {
      logger.warn('event-listener-failed', { event, error });
    }
  }
}

/** Builds the publisher. Payloads are checked against the contract before they leave main. */
export function createEventPublisher(options: { throttleMs: number; logger: Logger }): EventPublisher {
  const listeners = new Set<EventListener>();
  const slots = new Map<string, Pending>();
  let stopped = false;

  const flush = (event: EventName, slotKey: string): void => {
    const slot = slots.get(slotKey);
    if (slot === undefined || stopped) return;
    slot.timer = undefined;
    slot.lastSentAt = Date.now();
    deliverToListeners(listeners, options.logger, event, slot.payload);
  };

  return {
    publish(event, payload, key = '') {
      if (stopped) return;
      const parsed = events[event].safeParse(payload);
      if (!parsed.success) {
        options.logger.error('event-payload-invalid', { event, issues: parsed.error.issues.length });
        return;
      }
      const slotKey = `${event}\u0000${key}`;
      const slot = slots.get(slotKey) ?? { payload: undefined, timer: undefined, lastSentAt: 0 };
      slots.set(slotKey, slot);
      slot.payload = parsed.data;
      if (slot.timer !== undefined) return; // a flush is already scheduled; latest payload wins
      const waitMs = slot.lastSentAt + options.throttleMs - Date.now();
      if (waitMs <= 0) flush(event, slotKey);
      else
        slot.timer = setTimeout(() => {
          flush(event, slotKey);
        }, waitMs);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      for (const slot of slots.values()) clearTimeout(slot.timer);
      slots.clear();
      listeners.clear();
    },
  };
}
