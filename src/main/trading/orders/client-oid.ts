/** Our clientOids: `bw` + purpose letter + time + randomness, ≤ 40 of `[0-9A-Za-z_-]` (docs/reference/kucoin-futures.md#orders). */
import { randomBytes } from 'node:crypto';
import type { OrderPurpose } from '../../../shared/domain/order.ts';

const letter: Record<OrderPurpose, string> = { entry: 'e', stop: 's', 'take-profit': 't', close: 'c' };

/** A fresh, unique clientOid whose prefix tells a human what the order was for. */
export function newClientOid(purpose: OrderPurpose, now: number): string {
  return `bw${letter[purpose]}${now.toString(36)}${randomBytes(8).toString('hex')}`;
}

/** Whether a clientOid was made by Bulwark (foreign orders are reported, never touched blindly). */
export function isOurClientOid(clientOid: string | null | undefined): boolean {
  return typeof clientOid === 'string' && /^bw[estc][0-9a-z]+$/.test(clientOid);
}
