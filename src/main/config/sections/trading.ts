import { z } from 'zod';
import { liveSizeCapSchema } from './trackrecord.ts';

const decimalText = z
  .string()
  .regex(/^\d+(\.\d+)?$/, { message: 'Must be a decimal number of 0 or more, written like 500 or 250.5' });

/** Limits that apply to one contract (per-symbol override of the defaults). */
const contractLimitsSchema = z
  .object({
    /** Largest position in lots the risk engine lets an entry create. */
    maxPositionLots: z.number().int().positive().default(100_000),
    /** Largest position value (USDT, at the order's reference price). Decimal string. */
    maxPositionNotionalUsdt: decimalText.default('50000'),
  })
  .strict();

/** Pre-trade risk rules (ADR 0300). */
const riskSchema = z
  .object({
    /** The trader's own leverage cap; the contract's (and its risk tier's) cap also applies. */
    userMaxLeverage: z.number().int().min(1).max(125).default(20),
    /** Largest loss at the stop, incl. fees, as % of account equity. */
    maxRiskPerTradePct: z.number().positive().max(100).default(2),
    /** Fat-finger guard: a limit price may be at most this % away from the mark price. */
    priceBandPct: z.number().positive().max(50).default(5),
    /** The stop must stay this % of the entry→liquidation distance in front of liquidation (freqtrade uses 5 %). */
    stopLiquidationBufferPct: z.number().min(0).max(90).default(10),
    /** Liquidation fee rate used in the isolated liquidation estimate (KuCoin's model since 2025-05, ADR 0339). */
    liquidationFeeRate: z.number().min(0).max(0.1).default(0.0006),
    /** Total exposure (open positions + resting entries, USDT) across all contracts. Decimal string. */
    maxAccountExposureUsdt: decimalText.default('100000'),
    /** Risk-limit tiers (GET contracts/risk-limit, weight 5) are re-read after this age; they change rarely. */
    riskTiersMaxAgeMs: z
      .number()
      .int()
      .positive()
      .default(6 * 3_600_000),
    /** After a failed tier read, the engine's passes wait this long before asking again (entries always ask). */
    riskTiersRetryMs: z.number().int().positive().default(30_000),
    /**
     * The risk engine refuses to evaluate an order on a reference (mark) price older than this: a
     * stale price would size risk and check the stop side against a market that has moved.
     */
    maxReferencePriceAgeMs: z.number().int().positive().default(15_000),
    /** Order submissions (entries, closes, cancels excluded) per rolling minute. */
    maxOrdersPerMinute: z.number().int().positive().default(30),
    /** Defaults for every contract. */
    contractLimits: contractLimitsSchema.prefault({}),
    /** Per-symbol overrides, e.g. `{ "ETHUSDTM": { "maxPositionLots": 500 } }`. */
    perContractLimits: z.record(z.string(), contractLimitsSchema).default({}),
    /** Optional notional cap per entry in LIVE by the paper record's readiness stage (off by default, ADR 0653). */
    liveSizeCap: liveSizeCapSchema.prefault({}),
  })
  .strict();

/** Automatic ACTIVE → REDUCING → HALTED triggers (ADR 0301). */
const stateSchema = z
  .object({
    /** Realised loss since 00:00 UTC that halts new entries (REDUCING). Decimal string, USDT. */
    dailyLossLimitUsdt: decimalText.default('500'),
    /** This many stop-outs in a row → REDUCING until the trader resets (StoplossGuard). */
    maxConsecutiveStopOuts: z.number().int().positive().default(3),
    /** Market data older than this counts as stale → REDUCING. */
    staleMarketDataMs: z.number().int().positive().default(15_000),
  })
  .strict();

/** Order lifecycle (ADR 0302, 0330). */
const ordersSchema = z
  .object({
    /** Wait this long for a WS confirmation before polling REST by clientOid. */
    confirmTimeoutMs: z.number().int().positive().default(3000),
    /** REST polling interval while an order is unconfirmed or RECONCILING. */
    pollIntervalMs: z.number().int().positive().default(500),
    /** "Absent" answers needed (at least) before an order whose send was ambiguous counts as never placed. */
    absentConfirmations: z.number().int().min(1).default(3),
    /**
     * …and the absence must hold for this long: an order KuCoin accepted can take a moment to be
     * visible by clientOid, and a resend of an order that did arrive would open a second position.
     */
    absentConfirmSpanMs: z.number().int().min(0).default(5000),
    /** An order proven absent is resent (same clientOid, same bytes) only while younger than this. */
    maxResendAgeMs: z.number().int().positive().default(30_000),
    /**
     * Resolving one ambiguous order gives up after this long, whatever keeps failing (absent, 404,
     * errors): the order is shown UNKNOWN with an alert naming it, and start-up reconciliation finishes.
     */
    reconcileGiveUpMs: z.number().int().positive().default(30_000),
    /** An order left UNKNOWN is asked about again this often (one request each time, never a loop). */
    unknownRecheckMs: z.number().int().positive().default(10_000),
  })
  .strict();

/** Protection watchdog (ADR 0303). */
const protectionSchema = z
  .object({
    /** Periodic REST check of every position's stops. */
    watchdogIntervalMs: z.number().int().positive().default(2000),
    /** Event-driven passes (fills, pushes) come at most this often: each pass reads positions and stop orders (about 10 request weight of the 2000 per 30 s futures pool). */
    minPassIntervalMs: z.number().int().min(0).default(300),
    /** A position without full exchange-side cover for longer than this raises a critical alert. */
    nakedAlertAfterS: z.number().positive().default(5),
    /** Attempts to place a stop before giving up. */
    stopPlaceMaxAttempts: z.number().int().min(1).default(3),
    /** A position still without full cover after this long is closed at market (if `closeOnStopFailure`). */
    closeAfterNakedS: z.number().positive().default(15),
    /** When the stop cannot be placed: close the position at market, retried until flat (ADR 0332). */
    closeOnStopFailure: z.boolean().default(true),
    /** A position found without any known stop price (opened elsewhere) gets a stop this % from mark. */
    adoptedPositionStopPct: z.number().positive().max(50).default(2),
    /** Send entries as st-orders (the stop attached in the same request, so the entry's lots are covered from the first fill even with the app closed). */
    useStOrders: z.boolean().default(true),
    /**
     * While one of our stops is still being resolved (its send was ambiguous) the watchdog waits
     * this long for the answer before placing another: a second reduce-only stop is harmless, a
     * position left naked is not.
     */
    stopDoubtGraceMs: z.number().int().min(0).default(3000),
    /** The emergency close of a position that cannot be protected is retried with backoff from … */
    emergencyCloseRetryInitialMs: z.number().int().positive().default(1000),
    /** … up to this interval, until the position is flat or protected again (each failure alerts). */
    emergencyCloseRetryMaxMs: z.number().int().positive().default(30_000),
    /** The kill switch waits at most this long for its closes to fill before it reports. */
    killSwitchCloseWaitMs: z.number().int().positive().default(10_000),
    /**
     * The kill switch retries a failed or unanswered listing of open orders for at most this long;
     * past it, it cancels the entries its journal knows and every engine pass tries the listing again.
     */
    killSwitchListWaitMs: z.number().int().positive().default(5_000),
  })
  .strict();

/** Trailing stops (ADR 0304). */
const trailingSchema = z
  .object({
    /** Minimum time between two moves of one trailing stop (the limiter's protective lane is shared). */
    minMoveIntervalMs: z.number().int().min(0).default(1000),
    /** Move only when the new stop is at least this many ticks better. */
    minMoveTicks: z.number().int().min(1).default(1),
    /** Default ATR period and candle length for `atr` trailing. */
    atrPeriod: z.number().int().min(2).default(14),
    atrTimeframeMin: z.number().int().positive().default(1),
  })
  .strict();

/** Liquidation watch (ADR 0305). */
const liquidationSchema = z
  .object({
    /** Warn when mark is within this % of the liquidation price. */
    warnDistancePct: z.number().positive().default(10),
    /** Critical alert when mark is within this %. */
    criticalDistancePct: z.number().positive().default(5),
    /** A level clears only once the distance is this many % points beyond it (no flapping). */
    hysteresisPct: z.number().min(0).default(1),
  })
  .strict();

/** Trading tunables. Every number has its unit in its name and a default. */
export const tradingConfigSchema = z
  .object({
    risk: riskSchema.prefault({}),
    state: stateSchema.prefault({}),
    orders: ordersSchema.prefault({}),
    protection: protectionSchema.prefault({}),
    trailing: trailingSchema.prefault({}),
    liquidation: liquidationSchema.prefault({}),
  })
  .strict();

/** The trading section with every default applied. */
export type TradingConfig = z.infer<typeof tradingConfigSchema>;
