import { ValidationError } from '../../../shared/errors.ts';
import { deriveSeed, createRng } from '../core/engine/rng.ts';
import type { Rng } from '../core/engine/rng.ts';
import type { FeedSymbol, PriceFeed, PricePoint } from './price-feed.ts';
import { onGrid } from './grid.ts';

/** Tunables of the random walk (from the venue config). */
export interface RandomWalkOptions {
  readonly seed: number;
  readonly symbols: readonly FeedSymbol[];
  /** Walk start (venue ms); the first step is taken after it. */
  readonly startMs: number;
  readonly stepMs: number;
  readonly annualVolatility: number;
  readonly jumpProbability: number;
  readonly jumpFraction: number;
  readonly markBasisFraction: number;
  /** Per-symbol volatility multipliers (ETH and SOL move more than BTC). */
  readonly volatilityFactors?: Readonly<Record<string, number>>;
}

interface WalkState {
  readonly spec: FeedSymbol;
  readonly rng: Rng;
  readonly sigmaPerStep: number;
  atMs: number;
  index: number;
  /** Last-trade offset from the mark, in ticks (drawn per step so reads never consume randomness). */
  lastOffsetTicks: number;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Geometric Brownian motion per symbol with rare jumps (ADR 0101): realistic-looking prices
 * that are the same for the same seed. Mark = index × (1 + basis); last = mark ± a tick or two.
 */
export function createRandomWalkFeed(options: RandomWalkOptions): PriceFeed {
  const states = new Map<string, WalkState>();
  for (const spec of options.symbols) {
    const factor = options.volatilityFactors?.[spec.symbol] ?? 1;
    states.set(spec.symbol, {
      spec,
      rng: createRng(deriveSeed(options.seed, spec.symbol)),
      sigmaPerStep: options.annualVolatility * factor * Math.sqrt(options.stepMs / YEAR_MS),
      atMs: options.startMs,
      index: Number(spec.initialPrice),
      lastOffsetTicks: 0,
    });
  }
  const step = (state: WalkState): void => {
    const shock = state.sigmaPerStep * state.rng.normal();
    const jump =
      state.rng.next() < options.jumpProbability
        ? (state.rng.next() < 0.5 ? -1 : 1) * options.jumpFraction
        : 0;
    state.index = Math.max(
      state.index * Math.exp(shock - (state.sigmaPerStep * state.sigmaPerStep) / 2) * (1 + jump),
      1e-6,
    );
    state.lastOffsetTicks = state.rng.int(-2, 2);
    state.atMs += options.stepMs;
  };
  return {
    priceAt(symbol: string, atMs: number): PricePoint {
      const state = states.get(symbol);
      if (state === undefined)
        throw new ValidationError('venue-feed-unknown-symbol', `random walk has no symbol ${symbol}`, {
          details: { symbol },
        });
      while (state.atMs + options.stepMs <= atMs) step(state);
      const mark = state.index * (1 + options.markBasisFraction);
      const tick = Number(state.spec.tickSize);
      return onGrid(state.spec, state.index, mark, mark + state.lastOffsetTicks * tick);
    },
    close: () => undefined,
  };
}
