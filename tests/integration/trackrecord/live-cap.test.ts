// The optional live size cap end to end: the paper record of a journal file (two trades, so
// "unproven") sets the cap the real trading service's risk engine applies; an entry above it is
// refused and never reaches the venue, one under it is placed. (LIVE mode cannot point at a
// loopback venue, so the service is built here as the engine builds it, with the cap source the
// engine wires in LIVE.)
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskRejectedError } from '../../../src/shared/errors.ts';
import type { Config } from '../../../src/main/config/schema.ts';
import { journalFileFor } from '../../../src/main/store/journal-file.ts';
import { openJournal, type Journal } from '../../../src/main/store/journal.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { createLiveSizeCap } from '../../../src/main/trackrecord/live-cap.ts';
import { createTrackRecordService } from '../../../src/main/trackrecord/service.ts';
import { tradingClientFrom } from '../../../src/main/trading/client-adapter.ts';
import { withFillEvents } from '../../../src/main/trading/fill-journal.ts';
import { createTradingService, type TradingService } from '../../../src/main/trading/service.ts';
import type { ExchangeClient } from '../../../src/main/exchange/index.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { analysisServiceFor } from '../../../src/main/wiring/analysis.ts';
import { clientFor, configOf, fastTrading, tempDir, until, venueFor } from '../trading/harness.ts';

const symbol = 'XBTUSDTM';
const liveSizeCap = { enabled: true, unprovenMaxNotionalUsdt: 200, smallMaxNotionalUsdt: 2_000 };
const config = configOf({ ...fastTrading, trading: { ...fastTrading.trading, risk: { liveSizeCap } } });

/** A paper journal with two closed one-lot trades: far from the 7 days and 20 trades of the small-live bar. */
function writePaperJournal(userData: string): void {
  const journal = withFillEvents(
    openJournal({ filePath: journalFileFor(userData, 'paper'), now: () => Date.UTC(2026, 10, 1) }),
  );
  journal.append('risk-decision', { verdict: 'allow', equity: '1000.00' }, { symbol });
  for (const [i, side] of [
    [1, 'buy'],
    [2, 'sell'],
    [3, 'buy'],
    [4, 'sell'],
  ] as const) {
    journal.recordFill({
      tradeId: `p${i}`,
      exchangeOrderId: `o${i}`,
      symbol,
      side,
      sizeLots: 1,
      price: '90000',
      fee: '0.05',
      liquidity: 'taker',
      tradeType: 'trade',
      at: Date.UTC(2026, 10, 1) + i * 60_000,
    });
  }
  journal.close();
}

interface Rig {
  readonly service: TradingService;
  readonly journal: Journal;
  readonly stop: () => Promise<void>;
}

/** The trading service as the engine builds it in LIVE, over a paper journal in `userData`; the paper stage read before it starts. */
async function rig(config: Config, client: ExchangeClient, userData: string): Promise<Rig> {
  const journal = openJournal({
    filePath: join(userData, `journal-live-standin-${Date.now()}.sqlite`),
    now: () => systemClock.now(),
  });
  const records = createTrackRecordService({
    mode: 'live',
    journal,
    userData,
    config: () => config,
    now: () => systemClock.now(),
    logger: silentLogger,
    multipliers: async () =>
      new Map((await client.rest.listActiveContracts()).map((c) => [c.symbol, c.multiplier])),
  });
  const cap = createLiveSizeCap(records, () => config.trading.risk.liveSizeCap, silentLogger);
  await cap.refresh();
  const analysis = analysisServiceFor(config, client, systemClock, silentLogger);
  const service = createTradingService({
    config,
    client: tradingClientFrom(client, { privateStreamGraceMs: 10_000, now: () => systemClock.now() }),
    journal,
    clock: systemClock,
    logger: silentLogger,
    alert: () => undefined,
    atr: analysis,
    liveSizeCap: cap.current,
  });
  await service.start();
  await until('trading reconciled', () => service.getState().reconciled);
  return {
    service,
    journal,
    stop: async () => {
      await service.stop();
      analysis.stop();
      journal.close();
    },
  };
}

const entry = (sizeLots: number) => ({
  symbol,
  side: 'buy' as const,
  type: 'market' as const,
  sizeLots,
  leverage: 5,
  stopPrice: '89000',
});

describe('live size cap through the risk engine', () => {
  let venue: RunningVenue;
  let client: ExchangeClient;
  const userData = tempDir('live-cap');

  beforeAll(async () => {
    writePaperJournal(userData);
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    client = await clientFor(config, venue);
  });
  afterAll(async () => {
    await client.stop();
    await venue.stop();
  });

  it('an unproven paper record: an entry above its cap is refused before it reaches the venue, one under it is placed', async () => {
    const { service, journal, stop } = await rig(config, client, userData);
    try {
      // 10 lots × 90000 × 0.001 = 900 USDT > 200 USDT.
      const refused = await service.placeOrder(entry(10)).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(RiskRejectedError);
      expect((refused as RiskRejectedError).ruleId).toBe('live-size-cap');
      expect((refused as RiskRejectedError).message).toMatch(
        /^notional 9\d\d\.\d\d USDT > live size cap 200\.00 USDT: the paper track record has not yet met the small-live bar$/,
      );
      expect((await client.rest.listFills({ symbol, pageSize: 50 })).items).toHaveLength(0);
      expect((await client.rest.listOpenOrders({ pageSize: 50 })).items).toHaveLength(0);
      expect(
        journal.queryEvents({ kind: 'risk-decision', limit: 5 }).find((e) => e.data.verdict === 'deny')?.data
          .ruleId,
      ).toBe('live-size-cap');
      // 2 lots ≈ 180 USDT ≤ 200 USDT.
      const placed = await service.placeOrder(entry(2));
      expect(placed.order.status).not.toBe('REJECTED');
      await until(
        'the entry filled at the venue',
        async () => (await client.rest.listFills({ symbol, pageSize: 50 })).items.length > 0,
      );
      await service.closePosition(symbol);
      await until('flat again', () => service.listPositions().length === 0);
    } finally {
      await stop();
    }
  });

  it('a paper record that meets the (lowered) small-live bar gets the small cap: the same 900 USDT entry passes', async () => {
    const lowered = configOf({
      ...fastTrading,
      trading: { ...fastTrading.trading, risk: { liveSizeCap } },
      trackRecord: { smallLive: { minTradingDays: 1, minTrades: 2, maxDrawdownPct: 100 } },
    });
    const { service, stop } = await rig(lowered, client, userData);
    try {
      const placed = await service.placeOrder(entry(10));
      expect(placed.order.status).not.toBe('REJECTED');
    } finally {
      await stop();
    }
  });
});
