/** What the trading components share: built once by the service (ADR 0302). */
import type { Contract } from '../../shared/domain/contract.ts';
import type { tradingEvents } from '../../shared/ipc/channels/trading.ts';
import type { z } from 'zod';
import type { TradingConfig } from '../config/sections/trading.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import type { TradingAlert, TradingRest } from './client-port.ts';
import type { KeyedLock } from './keyed-lock.ts';
import type { OrderTracker } from './orders/order-tracker.ts';
import type { PreparedContract } from './risk/prepared.ts';
import type { TradingSettings } from './settings.ts';

/** A trading event for the renderer: name and payload per the IPC contract. */
export type TradingEventName = keyof typeof tradingEvents;
export type TradingEvent = {
  [K in TradingEventName]: { readonly name: K; readonly payload: z.infer<(typeof tradingEvents)[K]> };
}[TradingEventName];

/** A contract with its pre-parsed form. */
export interface KnownContract {
  readonly contract: Contract;
  readonly prepared: PreparedContract;
  /** When its risk-limit tiers were read from the exchange (absent: not yet; see risk/risk-tiers.ts). */
  readonly tiersAt?: number;
  /** When the last tier read failed (the engine's passes wait `riskTiersRetryMs` before asking again). */
  readonly tiersFailedAt?: number;
}

/** Shared dependencies of the trading components. */
export interface TradingDeps {
  readonly rest: TradingRest;
  readonly journal: Journal;
  readonly tracker: OrderTracker;
  readonly lock: KeyedLock;
  readonly config: TradingConfig;
  readonly now: () => number;
  readonly logger: Logger;
  readonly contracts: Map<string, KnownContract>;
  /** The journal's sticky settings, typed (stop prices, loss guard, kill switch …). */
  readonly settings: TradingSettings;
  /** Sends an alert (also journaled by the caller via {@link raiseAlert}). */
  readonly alert: (alert: TradingAlert) => void;
  readonly emit: (event: TradingEvent) => void;
}

/**
 * Journals an alert and hands it to the alert router, which logs it once, routes it to the
 * trader's channels and links its deliveries to this journal entry (`journalSeq`).
 */
export function raiseAlert(
  deps: TradingDeps,
  severity: TradingAlert['severity'],
  code: string,
  message: string,
  symbol: string | undefined,
  details: Record<string, string | number | boolean> = {},
): void {
  const at = deps.now();
  const journalSeq = deps.journal.append('alert', { severity, code, message, ...details }, { symbol, at });
  deps.alert({
    severity,
    code,
    message,
    ...(symbol === undefined ? {} : { symbol }),
    details,
    at,
    journalSeq,
  });
}
