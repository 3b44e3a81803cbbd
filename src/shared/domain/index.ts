/** Shared trading domain: types, schemas and exact decimal math. */
export * from './primitives.ts';
export * from './contract.ts';
export * from './order.ts';
export * from './position.ts';
export * from './trailing.ts';
export * from './risk.ts';
export * as decimal from './decimal.ts';
