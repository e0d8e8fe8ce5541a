/**
 * Reading the lists PostgreSQL aggregates many rows into (string_agg), for queries that would otherwise
 * return tens of thousands of rows: a row costs the driver far more than a list entry. Several lists
 * aggregated from the same rows in one query are in the same order (each row advances every aggregate
 * in turn, also when parallel workers' partial lists are combined), so entry n of each is one row.
 *
 * The entries are read by character codes, without a substring per entry: a national roll-up reads
 * 300,000 of them per list.
 */

const COMMA = ','.charCodeAt(0);
const MINUS = '-'.charCodeAt(0);
const POINT = '.'.charCodeAt(0);
const ZERO = '0'.charCodeAt(0);
/** Up to 15 digits a double holds exactly; longer numbers go through BigInt's own parser. */
const SAFE_DIGITS = 15;

/** Non-negative integers separated by commas (ids); null, an empty aggregate, is an empty list. */
export function readIntegers(list: string | null): number[] {
  if (list === null) return [];
  const numbers: number[] = [];
  let value = 0;
  for (let at = 0; at < list.length; at++) {
    const code = list.charCodeAt(at);
    if (code === COMMA) {
      numbers.push(value);
      value = 0;
    } else {
      value = value * 10 + (code - ZERO);
    }
  }
  numbers.push(value);
  return numbers;
}

/**
 * Decimals with exactly `scale` decimal places each, as PostgreSQL prints numeric(p, scale),
 * separated by commas, read as value × 10^scale.
 */
export function readScaledDecimals(list: string, scale: number): bigint[] {
  const values: bigint[] = [];
  let start = 0;
  let digits = 0;
  let value = 0;
  let negative = false;
  let point = -1;
  for (let at = 0; at <= list.length; at++) {
    const code = at < list.length ? list.charCodeAt(at) : COMMA;
    if (code === COMMA) {
      if (point < 0 ? scale !== 0 : at - point - 1 !== scale) throw new Error(`"${list.slice(start, at)}" does not have ${scale} decimal places`);
      values.push(digits <= SAFE_DIGITS ? BigInt(negative ? -value : value) : BigInt(list.slice(start, at).replace('.', '')));
      start = at + 1;
      digits = 0;
      value = 0;
      negative = false;
      point = -1;
    } else if (code === MINUS) {
      negative = true;
    } else if (code === POINT) {
      point = at;
    } else {
      value = value * 10 + (code - ZERO);
      digits++;
    }
  }
  return values;
}
