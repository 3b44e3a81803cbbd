import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../observability/logger.ts';
import type { KucoinLevel2Snapshot } from '../schemas/market.ts';
import { Level2Book, type Level2StreamSource } from './level2-book.ts';
import type { StreamEvent, StreamMessage } from './stream-types.ts';

/** A scripted stream: the test pushes level-2 changes and lifecycle events by hand. */
function scriptedStream() {
  const messageListeners = new Set<(m: StreamMessage) => void>();
  const eventListeners = new Set<(e: StreamEvent) => void>();
  const source: Level2StreamSource = {
    subscribe: () => Promise.resolve(),
    unsubscribe: () => Promise.resolve(),
    onMessage: (l) => {
      messageListeners.add(l);
      return () => messageListeners.delete(l);
    },
    onEvent: (l) => {
      eventListeners.add(l);
      return () => eventListeners.delete(l);
    },
  };
  const push = (sequence: number, change: string) => {
    for (const l of messageListeners)
      l({
        topic: '/contractMarket/level2:XBTUSDTM',
        subject: 'level2',
        data: { sequence, change, timestamp: 1 },
      });
  };
  const emit = (event: StreamEvent) => {
    for (const l of eventListeners) l(event);
  };
  return { source, push, emit };
}

function snapshots(...list: KucoinLevel2Snapshot[]) {
  let calls = 0;
  const fetch = (): Promise<KucoinLevel2Snapshot> => {
    const next = list[Math.min(calls, list.length - 1)];
    calls += 1;
    return next === undefined ? Promise.reject(new Error('none')) : Promise.resolve(next);
  };
  return { fetch, calls: () => calls };
}

const snap = (sequence: number, bid: string, ask: string): KucoinLevel2Snapshot => ({
  symbol: 'XBTUSDTM',
  sequence,
  bids: [[bid, 5]],
  asks: [[ask, 7]],
});

describe('level-2 book', () => {
  it('applies in-order changes on top of the snapshot and ignores stale ones', async () => {
    const stream = scriptedStream();
    const rest = snapshots(snap(10, '100.0', '100.5'));
    const book = new Level2Book('XBTUSDTM', stream.source, rest.fetch, silentLogger);
    await book.start();
    stream.push(9, '99.0,buy,1');
    stream.push(11, '100.1,buy,3');
    stream.push(12, '100.5,sell,0');
    stream.push(13, '100.6,sell,2');
    expect(book.bids(2)).toEqual([
      ['100.1', 3],
      ['100.0', 5],
    ]);
    expect(book.asks(2)).toEqual([['100.6', 2]]);
    expect(book.stats()).toMatchObject({ state: 'live', sequence: 13, gaps: 0, snapshots: 1 });
    book.stop();
  });

  it('detects a sequence gap and re-snapshots over REST', async () => {
    const stream = scriptedStream();
    const rest = snapshots(snap(10, '100.0', '100.5'), snap(20, '101.0', '101.5'));
    const book = new Level2Book('XBTUSDTM', stream.source, rest.fetch, silentLogger);
    await book.start();
    stream.push(11, '100.1,buy,3');
    stream.push(14, '100.2,buy,3');
    expect(book.stats().gaps).toBe(1);
    await book.resync('test-wait');
    stream.push(21, '101.1,buy,1');
    expect(rest.calls()).toBe(2);
    expect(book.bids(1)).toEqual([['101.1', 1]]);
    expect(book.stats()).toMatchObject({ state: 'live', sequence: 21 });
    book.stop();
  });

  it('re-snapshots after the stream reconnects', async () => {
    const stream = scriptedStream();
    const rest = snapshots(snap(10, '100.0', '100.5'), snap(50, '102.0', '102.5'));
    const book = new Level2Book('XBTUSDTM', stream.source, rest.fetch, silentLogger);
    await book.start();
    stream.emit({ type: 'connected', connectId: 'c', reconnect: true, at: 0 });
    await book.resync('test-wait');
    expect(book.stats().sequence).toBe(50);
    expect(book.bids(1)).toEqual([['102.0', 5]]);
    book.stop();
  });
});
