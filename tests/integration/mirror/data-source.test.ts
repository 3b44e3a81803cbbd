// Which market the paper venue runs on, and why (ADR 0180): the engine reports it in app:get-status
// and the heartbeat; auto falls back to simulated with the reason; live refuses to start without
// the upstream; tests and CI never reach an outside host (BULWARK_MARKET_DATA_OFFLINE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src/shared/errors.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { startVenue } from '../../../src/main/venue/index.ts';
import { choosePaperMarket } from '../../../src/main/venue/mirror/data-source.ts';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';
import { mirrorConfig, until } from './stand-in.ts';

const config = mirrorConfig();
const options = (marketData: Partial<typeof config.venue.marketData>) => ({
  marketData: { ...config.venue.marketData, probeTimeoutMs: 3_000, ...marketData },
  exchange: config.exchange,
  bookDepthLevels: config.venue.bookDepthLevels,
  clock: systemClock,
  logger: silentLogger,
});

describe('choosing the paper market', () => {
  it('stays off the internet in tests: auto towards KuCoin gives the simulated market and says why', async () => {
    const choice = await choosePaperMarket(options({ source: 'auto' }));
    expect(choice).toEqual({
      kind: 'simulated',
      reason: 'KuCoin unreachable: outside hosts are off (BULWARK_MARKET_DATA_OFFLINE=1)',
    });
  });

  it('simulated is never probed', async () => {
    expect(
      await choosePaperMarket(options({ source: 'simulated', upstreamRestUrl: 'http://127.0.0.1:9' })),
    ).toEqual({ kind: 'simulated', reason: 'simulated market chosen in settings' });
  });

  it('auto with an upstream that does not answer: simulated, with the failure as the reason', async () => {
    const choice = await choosePaperMarket(
      options({ source: 'auto', upstreamRestUrl: 'http://127.0.0.1:9' }),
    );
    expect(choice.kind).toBe('simulated');
    expect(choice.kind === 'simulated' ? choice.reason : '').toMatch(/^KuCoin unreachable: .+/);
  });

  it('live refuses to start without the upstream and names the setting to change', async () => {
    const error = await choosePaperMarket(
      options({ source: 'live', upstreamRestUrl: 'http://127.0.0.1:9' }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/venue\.marketData\.source.*"auto" or "simulated"/);
  });
});

describe('the engine on a loopback stand-in of KuCoin', () => {
  let upstream: RunningVenue;
  let live: TestEngine;
  let pinned: TestEngine;

  beforeAll(async () => {
    upstream = await startVenue({ config: config.venue, logger: silentLogger, port: 0, seed: 3 });
    live = await startTestEngine({
      label: 'mirror-live',
      settings: {
        venue: {
          marketData: {
            source: 'auto',
            upstreamRestUrl: upstream.restUrl,
            symbols: ['XBTUSDTM'],
            historyMinutes: 10,
          },
        },
      },
    });
    pinned = await startTestEngine({ label: 'mirror-pinned' });
  });

  afterAll(async () => {
    await live.stop();
    await pinned.stop();
    await upstream.stop();
  });

  it('reports live data from the stand-in in app:get-status, and lists only the mirrored contracts', async () => {
    await until('fresh live data', () => live.engine.status().marketData?.stale === '');
    expect(live.engine.status().marketData).toEqual({ source: 'live', reason: '', stale: '' });
    const contracts = await live.engine.services.client.rest.listActiveContracts();
    expect(contracts.map((contract) => contract.symbol)).toEqual(['XBTUSDTM']);
  });

  it('test engines are pinned to the simulated market and say so', () => {
    expect(pinned.engine.status().marketData).toEqual({
      source: 'simulated',
      reason: 'simulated market chosen in settings',
      stale: '',
    });
  });
});
