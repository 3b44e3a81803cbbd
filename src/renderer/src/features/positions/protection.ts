import type { Position } from '../../../../shared/domain/position.ts';
import type { ProtectionChanged } from '../../stores/trading.types.ts';

/** What the protection badge shows. */
export interface ProtectionBadgeView {
  readonly status: 'PROTECTED' | 'NAKED' | 'UNKNOWN';
  /** Whole seconds without full exchange-side cover (0 when protected). */
  readonly nakedForS: number;
  readonly stopLots: number;
  readonly positionLots: number;
}

/**
 * The badge for a position at `now`: the latest `trading:protection-changed` event wins over the
 * position snapshot when it is newer; NAKED time keeps counting between events.
 */
export function protectionBadge(
  position: Position,
  event: ProtectionChanged | undefined,
  now: number,
): ProtectionBadgeView {
  if (event !== undefined && event.at >= position.updatedAt) {
    const nakedForS = event.status !== 'PROTECTED' ? event.nakedForS + Math.max(0, now - event.at) / 1000 : 0;
    return {
      status: event.status,
      nakedForS: Math.floor(nakedForS),
      stopLots: event.stopLots,
      positionLots: event.positionLots,
    };
  }
  const { protection } = position;
  const nakedSince = protection.status !== 'PROTECTED' ? (protection.nakedSince ?? position.updatedAt) : now;
  return {
    status: protection.status,
    nakedForS: Math.floor(Math.max(0, now - nakedSince) / 1000),
    stopLots: protection.stopLots,
    positionLots: position.sizeLots,
  };
}

/** `PROTECTED`, `NAKED 12 s` or `UNKNOWN` (the stops could not be read): the badge text. */
export function protectionLabel(view: ProtectionBadgeView): string {
  if (view.status === 'PROTECTED') return 'PROTECTED';
  return view.status === 'NAKED' ? `NAKED ${view.nakedForS} s` : 'UNKNOWN';
}
