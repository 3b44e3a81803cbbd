/**
 * Risk-limit tiers per contract (ADR 0310): read from GET /api/v1/contracts/risk-limit/{symbol}
 * (docs/reference/kucoin-futures.md#positions) the first time a symbol is traded or watched, cached with the contract and re-read after
 * `riskTiersMaxAgeMs`. Until they are known the contract carries one synthetic tier from its own
 * base rates (tier 1), which under-states the maintenance margin of a large position — so an entry
 * never runs on it: if the tiers cannot be read, the entry fails with the client's error.
 */
import type { KnownContract, TradingDeps } from '../deps.ts';
import { tiersFromWire } from '../wire-map.ts';
import { prepareContract } from './prepared.ts';

const inFlight = new WeakMap<TradingDeps, Map<string, Promise<KnownContract>>>();

function fresh(deps: TradingDeps, known: KnownContract): boolean {
  return known.tiersAt !== undefined && deps.now() - known.tiersAt < deps.config.risk.riskTiersMaxAgeMs;
}

async function readTiers(deps: TradingDeps, symbol: string, known: KnownContract): Promise<KnownContract> {
  try {
    const levels = await deps.rest.getRiskLimitLevels(symbol);
    const contract = { ...known.contract, riskLimitTiers: tiersFromWire(levels) };
    const updated: KnownContract = { contract, prepared: prepareContract(contract), tiersAt: deps.now() };
    deps.contracts.set(symbol, updated);
    deps.logger.info('risk-tiers-loaded', { symbol, tiers: levels.length });
    return updated;
  } catch (error) {
    const current = deps.contracts.get(symbol) ?? known;
    deps.contracts.set(symbol, { ...current, tiersFailedAt: deps.now() });
    deps.logger.warn('risk-tiers-unreadable', { symbol, error: String(error) });
    throw error;
  }
}

/**
 * The contract with its tiers loaded and fresh; one request per symbol at a time.
 * @returns `undefined` for a symbol that is not a known contract (the risk engine denies it).
 * @throws the client's TradingError when the tiers were never read and cannot be read now; stale
 *   tiers are kept (and used) when a refresh fails.
 */
export async function ensureRiskTiers(deps: TradingDeps, symbol: string): Promise<KnownContract | undefined> {
  const known = deps.contracts.get(symbol);
  if (known === undefined || fresh(deps, known)) return known;
  let pending = inFlight.get(deps);
  if (pending === undefined) {
    pending = new Map();
    inFlight.set(deps, pending);
  }
  const running = pending.get(symbol) ?? readTiers(deps, symbol, known).finally(() => pending.delete(symbol));
  pending.set(symbol, running);
  try {
    return await running;
  } catch (error) {
    if (known.tiersAt !== undefined) return deps.contracts.get(symbol) ?? known;
    throw error;
  }
}

/**
 * The engine's passes (liquidation watch of open positions): like {@link ensureRiskTiers} but
 * never throws, and after a failed read waits `riskTiersRetryMs` before asking again, so a
 * failing endpoint does not cost weight on every pass.
 */
export async function refreshRiskTiersQuietly(deps: TradingDeps, symbol: string): Promise<void> {
  const known = deps.contracts.get(symbol);
  if (known === undefined || fresh(deps, known)) return;
  if (
    known.tiersFailedAt !== undefined &&
    deps.now() - known.tiersFailedAt < deps.config.risk.riskTiersRetryMs
  )
    return;
  await ensureRiskTiers(deps, symbol).catch(() => undefined);
}
