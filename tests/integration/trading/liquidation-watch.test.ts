// A price jump toward liquidation raises the warning, then the critical alert — once each, even
// while the mark hovers around the thresholds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);

describe('liquidation watch against the paper venue', () => {
  let venue: RunningVenue;
  let engine: Engine;

  beforeAll(async () => {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('liq')}/journal.db`);
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  it('warns at 10 %, goes critical at 5 %, once each', async () => {
    const { service } = engine;
    // 5× long @ ~90 000: liquidation ≈ 72 300 (≈ 19.6 % away); the stop sits below 10 % and above 5 %.
    await service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 10,
      leverage: 5,
      stopPrice: '75000',
    });
    const position = await until('protected', () =>
      service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 10),
    );
    const liq = Number(position.liquidationPrice);
    expect(position.distanceToLiquidationPct).toBeGreaterThan(15);
    // On the contract's tick (0.1), rounded toward the mark, whatever decimals the exchange sent.
    const venueLiq = Number((await engine.client.rest.listPositions())[0]?.liquidationPrice);
    expect(position.liquidationPrice).toMatch(/^\d+\.\d$/);
    expect(liq).toBeGreaterThanOrEqual(venueLiq);
    expect(liq - venueLiq).toBeLessThan(0.1);
    const markAt = (pct: number): string => (liq / (1 - pct / 100)).toFixed(1);
    const levelsSeen = () =>
      engine.alerts.filter((a) => a.code.startsWith('liquidation-')).map((a) => a.code);

    for (const pct of [9.5, 9.8, 9.4, 9.9]) {
      venue.admin.setPrice(symbol, markAt(pct));
      await until(
        `reading at ${pct} %`,
        () => Math.abs((service.listPositions()[0]?.distanceToLiquidationPct ?? 0) - pct) < 0.2,
      );
    }
    expect(levelsSeen()).toEqual(['liquidation-warning']);

    for (const pct of [4.5, 4.9, 4.6]) {
      venue.admin.setPrice(symbol, markAt(pct));
      await until(
        `reading at ${pct} %`,
        () => Math.abs((service.listPositions()[0]?.distanceToLiquidationPct ?? 0) - pct) < 0.2,
      );
    }
    expect(levelsSeen()).toEqual(['liquidation-warning', 'liquidation-critical']);
    expect(engine.alerts.find((a) => a.code === 'liquidation-critical')?.severity).toBe('critical');
    const warnings = engine.events
      .filter((ev) => ev.name === 'trading:liquidation-warning')
      .map((ev) => ev.payload.level);
    expect(warnings).toEqual(['warning', 'critical']);
    const critical = engine.alerts.find((a) => a.code === 'liquidation-critical');
    expect(critical?.message).toContain(`from liquidation ${position.liquidationPrice}`);
  });
});
