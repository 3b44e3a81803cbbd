// When the mirrored upstream's stream dies mid-session (ADR 0180): the mirror marks its data
// stale, the paper venue stops pushing market data, the trading engine goes REDUCING with the
// reason; the mirror's client reconnects with back-off once the upstream answers again, the data
// is fresh, and trading is ACTIVE again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { createVenueClock } from '../../../src/main/venue/core/index.ts';
import type { VenueEvent } from '../../../src/main/venue/core/index.ts';
import { startVenue, type RunningVenue } from '../../../src/main/venue/index.ts';
import type { MirroredMarket } from '../../../src/main/venue/mirror/mirror-market.ts';
import { engineFor, fastTrading, tempDir, type Engine } from '../trading/harness.ts';
import { mirrorConfig, mirrorOf, until } from './stand-in.ts';

const XBT = 'XBTUSDTM';
const config = mirrorConfig({
  ...fastTrading,
  venue: { marketData: { staleAfterMs: 1_500, historyMinutes: 5 } },
});

let upstream: RunningVenue;
let mirror: MirroredMarket;
let paper: RunningVenue;
let engine: Engine;
const marks: number[] = [];

beforeAll(async () => {
  upstream = await startVenue({ config: config.venue, logger: silentLogger, port: 0, seed: 5 });
  mirror = await mirrorOf(config, upstream, [XBT]);
  paper = await startVenue({
    config: config.venue,
    logger: silentLogger,
    port: 0,
    upstream: mirror,
    venueClock: createVenueClock({ timeScale: 1, wall: systemClock }),
  });
  paper.exchange.on((event: VenueEvent) => {
    if (event.topic === `/contract/instrument:${XBT}` && event.subject === 'mark.index.price')
      marks.push(Date.now());
  });
  engine = await engineFor(config, paper, `${tempDir('mirror-death')}/journal.db`, {
    marketFeedStale: () => mirror.staleReason(),
  });
});

afterAll(async () => {
  await engine.stop();
  await paper.stop();
  await mirror.close();
  await upstream.stop();
});

describe('an upstream that dies mid-session', () => {
  it('stale → REDUCING with the reason → reconnected → fresh → ACTIVE', async () => {
    await until(
      'ACTIVE on fresh live data',
      () => engine.service.getState().state === 'ACTIVE' && mirror.staleReason() === undefined,
      20_000,
    );
    // The upstream drops every socket and refuses new stream tokens (an outage).
    const fault = upstream.admin.addFault({
      kind: 'server-error',
      httpStatus: 503,
      method: 'POST',
      path: '/api/v1/bullet-public',
    });
    upstream.admin.disconnectWebSockets();
    const reason = await until('mirror stale', () => mirror.staleReason(), 10_000);
    expect(reason).toMatch(/KuCoin market stream (reconnecting|connecting)|no market data/);
    await until(
      'REDUCING on stale data',
      () => engine.service.getState().activeTriggers.includes('market-feed-stale'),
      10_000,
    );
    const state = engine.service.getState();
    expect(state.state).toBe('REDUCING');
    expect(state.reason).toContain('market-feed-stale');
    // While stale the paper venue pushes no market data (it would be the old price presented as news).
    const silentFrom = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(marks.filter((at) => at > silentFrom)).toEqual([]);
    upstream.admin.removeFault(fault);
    await until('mirror fresh again', () => mirror.staleReason() === undefined, 20_000);
    await until('ACTIVE again', () => engine.service.getState().state === 'ACTIVE', 20_000);
    const resumedFrom = Date.now();
    await until('marks pushed again', () => marks.some((at) => at > resumedFrom), 10_000);
    const changes = engine.events
      .filter((event) => event.name === 'trading:state-changed')
      .map((event) => event.payload as { state: string; reason: string });
    expect(
      changes.some((change) => change.state === 'REDUCING' && change.reason.startsWith('market-feed-stale')),
    ).toBe(true);
  });
});
