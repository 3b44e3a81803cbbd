import type { WsSession } from './session.ts';

/** Which sessions listen on which single topic; the fan-out index of the WS gateway. */
export class SubscriptionIndex {
  readonly #byTopic = new Map<string, Set<WsSession>>();

  /** Adds `session` to `topic`. */
  add(session: WsSession, topic: string): void {
    let set = this.#byTopic.get(topic);
    if (set === undefined) {
      set = new Set();
      this.#byTopic.set(topic, set);
    }
    set.add(session);
    session.topics.add(topic);
  }

  /** Removes `session` from `topic`. */
  remove(session: WsSession, topic: string): void {
    const set = this.#byTopic.get(topic);
    set?.delete(session);
    if (set?.size === 0) this.#byTopic.delete(topic);
    session.topics.delete(topic);
  }

  /** Removes `session` from every topic (on close). */
  drop(session: WsSession): void {
    for (const topic of [...session.topics]) this.remove(session, topic);
  }

  /** The sessions on `topic` (empty when none). */
  listeners(topic: string): ReadonlySet<WsSession> {
    return this.#byTopic.get(topic) ?? emptySet;
  }
}

const emptySet: ReadonlySet<WsSession> = new Set();
