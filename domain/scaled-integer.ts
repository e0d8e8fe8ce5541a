/**
 * Exact fixed-point arithmetic on BigInt for the validation hot path: a canonical decimal with at most
 * `scale` decimal places is held as value × 10^scale. Adding and comparing BigInts is several times
 * cheaper than decimal.js (which copies its operands), and just as exact; decimal.js stays the type for
 * division, rounding and everything shown to people.
 */
import Decimal from 'decimal.js';
import { ExactDecimal } from './exact-decimal';

/** Parses a machine-form decimal with at most `scale` decimal places (BigInt reads the sign and leading zeros). */
export function toScaled(decimal: string, scale: number): bigint {
  const point = decimal.indexOf('.');
  const places = point < 0 ? 0 : decimal.length - point - 1;
  if (places > scale) throw new RangeError(`"${decimal}" has more than ${scale} decimal places`);
  const digits = point < 0 ? decimal : decimal.slice(0, point) + decimal.slice(point + 1);
  return BigInt(places === scale ? digits : digits + '0'.repeat(scale - places));
}

export function fromScaled(value: bigint, scale: number): Decimal {
  const digits = (value < 0n ? -value : value).toString().padStart(scale + 1, '0');
  const point = digits.length - scale;
  const text = scale === 0 ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return new ExactDecimal(value < 0n ? `-${text}` : text);
}

/** The scale that holds every one of the given machine-form decimals exactly. */
export function commonScale(decimals: Iterable<string>): number {
  let scale = 0;
  for (const text of decimals) {
    const point = text.indexOf('.');
    if (point >= 0) scale = Math.max(scale, text.length - point - 1);
  }
  return scale;
}
