import Decimal from 'decimal.js';

/**
 * The Decimal constructor used for all domain arithmetic. A private clone, so that server or add-in code
 * changing the global decimal.js settings cannot change our results, and with enough significant digits
 * that sums of numeric(20,4) amounts over any realistic table never round (decimal.js defaults to 20).
 */
export const ExactDecimal = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_UP });

/** The canonical string of a decimal: no exponent, no trailing fractional zeros, '0' rather than '-0'. */
export function toCanonical(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

export const ZERO = new ExactDecimal(0);
