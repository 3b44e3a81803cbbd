// These patterns mirror src/shared/domain/primitives.ts (symbolSchema, priceSchema, lotsSchema)
// so the renderer bundle carries no zod; features/ticket/validation.test.ts checks with a
// property test that whatever the ticket lets through, the shared schema accepts.

const symbolPattern = /^[A-Z0-9]{2,16}USD[TC]M$/;
const pricePattern = /^\d{1,12}(\.\d{1,12})?$/;

/** Whole lots as the wire accepts them (up to 10 digits). */
export const lotsPattern = /^\d{1,10}$/;
/** A non-negative decimal (trailing distances). */
export const decimalPattern = /^\d+(\.\d+)?$/;

/** Whether text names a linear perpetual the engine trades (`XBTUSDTM`). */
export function isPerpetualSymbol(text: string): boolean {
  return symbolPattern.test(text);
}

/** Whether text is a positive decimal price as the wire accepts it. */
export function isPrice(text: string): boolean {
  return pricePattern.test(text) && /[1-9]/.test(text);
}
