/**
 * The trading engine's sticky state in the journal's settings table, typed: each setting has one
 * zod schema, every read is parsed, and a value that does not parse (a journal edited by hand, or
 * written by an older build) is reported and treated as absent rather than cast and trusted.
 */
import { z } from 'zod';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import { trailingSpecSchema } from '../../shared/domain/trailing.ts';

const decimal = z.string().regex(/^\d+(\.\d+)?$/);
const signedDecimal = z.string().regex(/^-?\d+(\.\d+)?$/);

/** Every setting: its key (per symbol where it takes one) and its schema. */
const settings = {
  /** The day's realised PnL and the stop-out streak (survive a restart). */
  'loss-guard': {
    perSymbol: false,
    schema: z.object({ day: z.number().int(), pnl: signedDecimal, streak: z.number().int().nonnegative() }),
  },
  /** The kill switch stays engaged across restarts until the trader resumes. */
  'kill-switch': { perSymbol: false, schema: z.object({ active: z.boolean(), reason: z.string() }) },
  /** The stop price the trader chose for the position of a side (only set once the exchange accepted the entry). */
  stop: { perSymbol: true, schema: z.object({ price: decimal, side: z.enum(['long', 'short']) }) },
  /**
   * The take-profit the trader chose for the position of a side (ADR 0342): set by a fresh entry
   * (or cleared when it has none), changed by an add that carries one or by the trader, cleared
   * once the symbol is flat with no working entry.
   */
  'take-profit': { perSymbol: true, schema: z.object({ price: decimal, side: z.enum(['long', 'short']) }) },
  /** Opening fees and funding of the current position, charged to its reductions and close (ADR 0333). */
  'position-ledger': {
    perSymbol: true,
    schema: z.object({
      side: z.enum(['long', 'short']),
      lots: z.number().int().nonnegative(),
      feeUsdt: signedDecimal,
      fundingUsdt: signedDecimal,
    }),
  },
  /**
   * Stop (trailing and take-profit) changes an entry brings, held until the exchange accepts it (a fresh entry)
   * or it fills (an add to an open position): a refused or unfilled entry never moves a live stop (ADR 0338).
   */
  'entry-intents': {
    perSymbol: false,
    schema: z
      .array(
        z.object({
          clientOid: z.string(),
          symbol: z.string(),
          side: z.enum(['long', 'short']),
          stopPrice: decimal,
          takeProfitPrice: decimal.optional(),
          trailing: trailingSpecSchema.optional(),
          apply: z.enum(['on-accept', 'on-fill']),
        }),
      )
      .max(500),
  },
  /** The newest fill of the symbol already explained (exchange ms) and the trade ids at that instant. */
  'fills-cursor': {
    perSymbol: true,
    schema: z.object({ atMs: z.number().int().nonnegative(), ids: z.array(z.string()).max(200) }),
  },
  /** The newest funding settlement already counted (KuCoin funding-history `timePoint`, ms) and its id. */
  'funding-cursor': {
    perSymbol: true,
    schema: z.object({ timePoint: z.number().int().nonnegative(), ids: z.array(z.string()).max(50) }),
  },
} as const;

/** A setting's name. */
export type SettingName = keyof typeof settings;
/** The value type of a setting. */
export type SettingValue<N extends SettingName> = z.infer<(typeof settings)[N]['schema']>;

function keyOf(name: SettingName, symbol: string | undefined): string {
  if (!settings[name].perSymbol) return name;
  if (symbol === undefined) throw new TypeError(`setting ${name} needs a symbol`);
  return `${name}:${symbol}`;
}

/** Typed access to the journal's settings. */
export interface TradingSettings {
  get<N extends SettingName>(name: N, symbol?: string): SettingValue<N> | undefined;
  set<N extends SettingName>(name: N, value: SettingValue<N>, symbol?: string): void;
  clear(name: SettingName, symbol?: string): void;
}

/** Builds the accessor over a journal. */
export function tradingSettings(journal: Journal, logger: Logger): TradingSettings {
  return {
    get(name, symbol) {
      const key = keyOf(name, symbol);
      const raw = journal.getSetting(key);
      if (raw === undefined || raw === null) return undefined;
      const parsed = settings[name].schema.safeParse(raw);
      if (parsed.success) return parsed.data as SettingValue<typeof name>;
      logger.warn('journal-setting-unreadable', { key, issue: parsed.error.issues[0]?.message ?? 'invalid' });
      return undefined;
    },
    set(name, value, symbol) {
      journal.setSetting(keyOf(name, symbol), settings[name].schema.parse(value));
    },
    clear(name, symbol) {
      journal.setSetting(keyOf(name, symbol), null);
    },
  };
}
