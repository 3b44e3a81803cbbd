/**
 * The optional live size cap (ADR 0653): in LIVE mode, while the paper track record has not met a
 * readiness bar, an entry's notional is capped by the stage the record reached (config
 * `trading.risk.liveSizeCap`, off by default). Reduce-only orders always pass: taking risk off is
 * never capped.
 */
import { cmp, format } from '../../../shared/domain/decimal.ts';
import type { OrderNumbers } from './numbers.ts';
import { deny } from './rules.ts';
import type { RiskContext } from './types.ts';

const stageWords: Record<string, string> = {
  unproven: 'has not yet met the small-live bar',
  small: 'meets the small-live bar',
  full: 'meets the full-size bar',
};

/** Notional ≤ the cap of the paper record's stage, when a cap applies. */
export function checkLiveSizeCap(ctx: RiskContext, n: OrderNumbers): void {
  const cap = ctx.liveSizeCap;
  if (cap === undefined || ctx.order.reduceOnly) return;
  if (cmp(n.notional, cap.maxNotionalUsdt) <= 0) return;
  deny(
    'live-size-cap',
    `notional ${format(n.notional, 2)} USDT > live size cap ${format(cap.maxNotionalUsdt, 2)} USDT: the paper track record ${stageWords[cap.stage] ?? cap.stage}`,
    {
      notional: format(n.notional, 2),
      capUsdt: format(cap.maxNotionalUsdt, 2),
      stage: cap.stage,
    },
  );
}
