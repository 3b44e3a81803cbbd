// The terminal's market strip reads `market:get-contract-stats`: KuCoin's contract detail turned
// into 24 h change and funding with its settlement time. Asked through the router as the
// renderer asks, against the paper venue, so the answer is KuCoin's documented shape parsed by
// our client, not a hand-built object.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractStats } from '../../../src/shared/ipc/channels/market.ts';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';

const symbol = 'XBTUSDTM';
const sender = { url: 'app://bulwark/index.html', isMainFrame: true };
const fundingIntervalMs = 8 * 3_600_000;
let testEngine: TestEngine;

beforeAll(async () => {
  testEngine = await startTestEngine({ label: 'contract-stats' });
});

afterAll(async () => {
  await testEngine.stop();
});

async function ask(): Promise<ContractStats> {
  const router = testEngine.engine.createRouter(['app://bulwark']);
  const answer = await router.handle('market:get-contract-stats', { symbol }, sender);
  if (!answer.ok) throw new Error(`market:get-contract-stats failed: ${JSON.stringify(answer)}`);
  return answer.value as ContractStats;
}

describe('the market strip’s contract figures', () => {
  it('give the funding rate in percent and a settlement time within the next funding period', async () => {
    const before = Date.now();
    const stats = await ask();
    const contract = await testEngine.engine.services.client.rest.getContract(symbol);
    expect(stats.symbol).toBe(symbol);
    expect(stats.fundingRatePct).toBeCloseTo(Number(contract.fundingFeeRate) * 100, 9);
    expect(stats.nextFundingAtMs).toBeGreaterThan(before);
    expect(stats.nextFundingAtMs).toBeLessThanOrEqual(Date.now() + fundingIntervalMs);
  });

  it('give the 24 h change in percent and the mark the venue quotes', async () => {
    const stats = await ask();
    const contract = await testEngine.engine.services.client.rest.getContract(symbol);
    expect(stats.changePct24h).toBeCloseTo(Number(contract.priceChgPct) * 100, 6);
    expect(Number(stats.markPrice)).toBeGreaterThan(0);
    expect(Number(stats.high24h)).toBeGreaterThanOrEqual(Number(stats.low24h));
  });

  it('refuse an unknown contract with an error that names it, instead of empty figures', async () => {
    const router = testEngine.engine.createRouter(['app://bulwark']);
    const answer = await router.handle('market:get-contract-stats', { symbol: 'NOPEUSDTM' }, sender);
    expect(answer.ok).toBe(false);
  });
});
