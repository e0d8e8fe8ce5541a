import { parseCanonicalDecimal } from '../../domain/vietnamese-number';

/** PostgreSQL returns numeric(20,4) as "5600826.0000"; clients get the canonical "5600826". */
export function fromNumeric(value: string): string {
  const parsed = parseCanonicalDecimal(value);
  if (!parsed.ok || parsed.value === null) throw new Error(`Unexpected numeric value from the database: ${value}`);
  return parsed.value;
}

/**
 * A PostgreSQL array literal for a raw-SQL binding (knex would expand a JS array into a list).
 * Only numbers, canonical decimals and null: nothing that needs quoting.
 */
export function pgArray(values: readonly (number | string | null)[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}`;
}

/** A PostgreSQL array literal of texts, each quoted, for a raw-SQL binding (labels hold commas and quotes). */
export function pgTextArray(values: readonly (string | null)[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
