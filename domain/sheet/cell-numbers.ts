/**
 * Between Excel cell values (JS numbers, strings) and the canonical decimal strings of the sync contract.
 * A number Excel holds is a double; the canonical form of what a person typed is its shortest round-trip
 * decimal (Excel keeps 15 significant digits of typed constants, which round-trip exactly).
 */
import { parseCanonicalDecimal } from '../vietnamese-number';

/** 5600826 → "5600826", 0.21 → "0.21", 1e21 → "1000000000000000000000", -0 → "0". */
export function numberToCanonical(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (Object.is(value, -0) || value === 0) return '0';
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  let plain = text;
  if (match) {
    const [, sign, integer, fraction = '', exponentText] = match;
    const exponent = Number(exponentText);
    const digits = integer + fraction;
    const point = integer.length + exponent;
    if (point <= 0) plain = `${sign}0.${'0'.repeat(-point)}${digits}`;
    else if (point >= digits.length) plain = `${sign}${digits}${'0'.repeat(point - digits.length)}`;
    else plain = `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  const parsed = parseCanonicalDecimal(plain);
  if (!parsed.ok || parsed.value === null) throw new Error(`Cannot express ${value} as a decimal`);
  return parsed.value;
}

/** The number Excel should hold for a canonical value, or null when a double would not keep it exactly. */
export function canonicalToNumber(canonical: string): number | null {
  const value = Number(canonical);
  if (!Number.isFinite(value)) return null;
  return numberToCanonical(value) === canonical ? value : null;
}

export function decimalsOf(canonical: string): number {
  const point = canonical.indexOf('.');
  return point < 0 ? 0 : canonical.length - point - 1;
}

/**
 * Excel number format for a value cell. Office.js `numberFormat` is in the invariant (en-US) syntax,
 * where "," means "thousands separator" and "." "decimal separator"; Excel renders them with the
 * separators of the user's locale, so a Vietnamese Excel shows 5.600.826 and 0,21. A format with
 * literal dots (#"."###) would fake the look but break decimals, negatives and large numbers.
 * Whole values get "#,##0"; a value with decimals shows exactly its decimals, so nothing is rounded away.
 */
export function numberFormatFor(canonical: string | null, columnScale: number): string {
  const places = canonical === null ? 0 : decimalsOf(canonical);
  // Empty cells of a decimal column: "General" shows what is typed (1234 or 0,21) without the trailing separator
  // "#,##0.##" leaves on whole numbers ("1.234,"); Validate then gives each typed value its exact format.
  if (canonical === null && columnScale > 0) return 'General';
  return places === 0 ? '#,##0' : `#,##0.${'0'.repeat(places)}`;
}
