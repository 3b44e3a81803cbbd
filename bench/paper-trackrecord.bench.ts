// Track record benchmark (plain Node 24): prints one JSON object; as a `paper-*` bench its figures
// join the other paper figures under the key `paper` (scripts/bench.mjs).
//   trackRecordMs       — the whole view of 10 000 trades (20 000 fills, their entry orders, a risk
//                         decision, two protection badges and a close each) read from a journal on
//                         disk and computed: median of 5 runs.
//   trackRecordReadMs   — of that, reading the journal's facts (median).
//   trackRecordComputeMs — of that, the computation from the facts (median).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../src/main/config/schema.ts';
import { silentLogger } from '../src/main/observability/logger.ts';
import { journalFileFor } from '../src/main/store/journal-file.ts';
import { openJournal, type Journal } from '../src/main/store/journal.ts';
import { computeTrackRecord } from '../src/main/trackrecord/compute.ts';
import { readJournalFacts } from '../src/main/trackrecord/read-journal.ts';
import { createTrackRecordService } from '../src/main/trackrecord/service.ts';
import { withFillEvents } from '../src/main/trading/fill-journal.ts';
import { dec } from '../src/shared/domain/decimal.ts';

const TRADES = 10_000;
const RUNS = 5;
const START = Date.UTC(2026, 0, 1);
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

let seed = 11;
const random = (): number => {
  seed = (seed * 48_271) % 2_147_483_647;
  return seed / 2_147_483_647;
};

/** One trade the way the engine journals it: allow, entry order, fill, NAKED → PROTECTED, exit fill, close. */
function journalTrade(journal: Journal, i: number): void {
  const symbol = i % 2 === 0 ? 'XBTUSDTM' : 'ETHUSDTM';
  const at = START + i * 600_000;
  const price = (symbol === 'XBTUSDTM' ? 90_000 : 3_000) * (1 + (random() - 0.5) * 0.02);
  const exit = price * (1 + (random() - 0.48) * 0.01);
  const clientOid = `bwe${i}`;
  const stop = (price * 0.99).toFixed(1);
  journal.append(
    'risk-decision',
    { verdict: 'allow', equity: '10000.00', lossAtStop: '9.00' },
    { symbol, at },
  );
  journal.insertOrder({
    clientOid,
    symbol,
    side: 'buy',
    type: 'market',
    purpose: 'entry',
    sizeLots: 10,
    filledLots: 10,
    leverage: 5,
    reduceOnly: false,
    status: 'FILLED',
    requestJson: '{}',
    createdAt: at,
    updatedAt: at,
    stopPrice: stop,
    exchangeOrderId: `x${i}`,
  });
  journal.recordFill({
    tradeId: `t${i}a`,
    exchangeOrderId: `x${i}`,
    clientOid,
    symbol,
    side: 'buy',
    sizeLots: 10,
    price: price.toFixed(1),
    fee: '0.54',
    liquidity: 'taker',
    tradeType: 'trade',
    at,
  });
  journal.append(
    'stop',
    { action: 'badge', status: 'NAKED', stopLots: 0, positionLots: 10 },
    { symbol, at: at + 10 },
  );
  journal.append(
    'stop',
    { action: 'badge', status: 'PROTECTED', stopLots: 10, positionLots: 10 },
    { symbol, at: at + 400 },
  );
  journal.recordFill({
    tradeId: `t${i}b`,
    exchangeOrderId: `y${i}`,
    symbol,
    side: 'sell',
    sizeLots: 10,
    price: exit.toFixed(1),
    fee: '0.54',
    liquidity: 'taker',
    tradeType: 'trade',
    at: at + 300_000,
  });
  journal.append('position-event', { event: 'closed', cause: 'close' }, { symbol, at: at + 300_000 });
}

const userData = mkdtempSync(join(tmpdir(), 'bulwark-bench-trackrecord-'));
const journal = withFillEvents(
  openJournal({ filePath: journalFileFor(userData, 'paper'), now: () => START }),
);
for (let batch = 0; batch < TRADES; batch += 500) {
  journal.transaction(() => {
    for (let i = batch; i < Math.min(TRADES, batch + 500); i += 1) journalTrade(journal, i);
  });
}
const config = configSchema.parse({});
const multipliers = new Map([
  ['XBTUSDTM', '0.001'],
  ['ETHUSDTM', '0.01'],
]);
const service = createTrackRecordService({
  mode: 'paper',
  journal,
  userData,
  config: () => config,
  now: () => START + TRADES * 600_000,
  logger: silentLogger,
  multipliers: () => Promise.resolve(multipliers),
});

const totals: number[] = [];
const reads: number[] = [];
const computes: number[] = [];
let trades = 0;
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  const record = await service.record('paper');
  totals.push(performance.now() - started);
  trades = record.trades.length;
  const readStarted = performance.now();
  const facts = readJournalFacts(journal);
  const readMs = performance.now() - readStarted;
  const computeStarted = performance.now();
  computeTrackRecord(
    { ...facts, multiplierOf: (symbol) => dec(multipliers.get(symbol) ?? '1') },
    { mode: 'paper', now: START, unprotectedLimitS: 5, config: config.trackRecord },
  );
  computes.push(performance.now() - computeStarted);
  reads.push(readMs);
}
journal.close();
rmSync(userData, { recursive: true, force: true });
if (trades !== TRADES) throw new Error(`expected ${TRADES} trades, computed ${trades}`);
console.log(
  JSON.stringify({
    trackRecordMs: round(median(totals)),
    trackRecordReadMs: round(median(reads)),
    trackRecordComputeMs: round(median(computes)),
    trackRecordTrades: trades,
  }),
);
