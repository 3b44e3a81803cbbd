import type { z } from 'zod';
import type {
  liquidationWarningSchema,
  protectionChangedSchema,
  stateChangedSchema,
  tradingStateViewSchema,
  trailingUpdatedSchema,
} from '../../../shared/ipc/channels/trading.ts';

/** The engine's trading state view (`trading:get-state`). */
export type TradingStateView = z.infer<typeof tradingStateViewSchema>;
/** `trading:state-changed` payload. */
export type StateChanged = z.infer<typeof stateChangedSchema>;
/** `trading:protection-changed` payload. */
export type ProtectionChanged = z.infer<typeof protectionChangedSchema>;
/** `trading:trailing-updated` payload (ADR 0510). */
export type TrailingUpdated = z.infer<typeof trailingUpdatedSchema>;
/** `trading:liquidation-warning` payload. */
export type LiquidationWarning = z.infer<typeof liquidationWarningSchema>;

/**
 * Whether a slice has come from the engine: `loading` before the first answer, `ready` after,
 * `unavailable` with the engine's (or the bridge's) message when it could not be fetched.
 */
export type LoadStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'unavailable'; readonly message: string };
