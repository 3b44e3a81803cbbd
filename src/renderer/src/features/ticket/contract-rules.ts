import { isDecimalString } from '../../../../shared/domain/decimal.ts';
import type { ContractSummary } from '../../../../shared/ipc/channels/market.ts';
import type { TicketContractRules } from './ticket.types.ts';

/**
 * The ticket's local checks from a contract summary. A contract whose numbers are not plain
 * positive decimals is not used for checks at all (the engine still checks everything);
 * guessing a tick size would refuse good prices or pass bad ones.
 */
export function contractRules(contract: ContractSummary | undefined): TicketContractRules | undefined {
  if (contract === undefined) return undefined;
  const decimals = [contract.tickSize, contract.multiplier, contract.takerFeeRate];
  if (!decimals.every((text) => isDecimalString(text) && !text.startsWith('-'))) return undefined;
  if (!/[1-9]/.test(contract.tickSize)) return undefined;
  return {
    tickSize: contract.tickSize,
    maxLeverage: contract.maxLeverage,
    maxOrderQtyLots: contract.maxOrderQty,
    multiplier: contract.multiplier,
    takerFeeRate: contract.takerFeeRate,
  };
}
