import { ExactDecimal, toCanonical } from '../exact-decimal';
import type { RatioRule, Rule } from '../rules';
import { TableSnapshot, type CellValue, type TableColumn, type TableRow } from '../table-model';

export type RateProblem = 'NO_NUMERATOR' | 'NO_DENOMINATOR' | 'ZERO_DENOMINATOR' | 'NOT_ADDITIVE';

export interface RateCell {
  rowKey: string;
  columnKey: string;
  value: string | null;
  /** The ratio rule it was recomputed by; null for a rate no rule says how to recompute. */
  ruleId: string | null;
  problem: RateProblem | null;
}

/** A cell's key in the maps of sums and of contributors. */
export const cellKey = (rowKey: string, columnKey: string) => `${rowKey}\u0000${columnKey}`;

/**
 * The consolidated grid from the sums of the units' cells. Rates are never added: a cell a RATIO rule
 * computes is Σ numerator ÷ Σ denominator × scale, rounded to its column's decimals; any other cell
 * of a RATE column stays empty and is reported as not additive. Empty stays empty (never zero).
 */
export function consolidatedSnapshot(columns: readonly TableColumn[], rows: readonly TableRow[], sums: ReadonlyMap<string, string>, rules: readonly Rule[]): { snapshot: TableSnapshot; rates: RateCell[] } {
  const values = new Map(sums);
  const rates = new Map<string, RateCell>();
  const columnByKey = new Map(columns.map((column) => [column.key, column]));
  const rowKeys = new Set(rows.map((row) => row.key));
  for (const column of columns.filter((c) => c.type === 'RATE')) {
    for (const row of rows) rates.set(cellKey(row.key, column.key), { rowKey: row.key, columnKey: column.key, value: null, ruleId: null, problem: 'NOT_ADDITIVE' });
  }
  const recompute = (rule: RatioRule, rowKey: string, columnKey: string, numerator: [string, string], denominator: [string, string]) => {
    const top = sums.get(cellKey(...numerator));
    const bottom = sums.get(cellKey(...denominator));
    const problem: RateProblem | null = top === undefined ? 'NO_NUMERATOR' : bottom === undefined ? 'NO_DENOMINATOR' : new ExactDecimal(bottom).isZero() ? 'ZERO_DENOMINATOR' : null;
    const decimals = columnByKey.get(columnKey)?.scale ?? 0;
    const value = problem ? null : toCanonical(new ExactDecimal(top!).div(bottom!).times(rule.scale ?? '1').toDecimalPlaces(decimals));
    rates.set(cellKey(rowKey, columnKey), { rowKey, columnKey, value, ruleId: rule.id, problem });
  };
  for (const rule of rules) {
    if (rule.kind !== 'RATIO') continue;
    if (rule.axis === 'ROW') {
      if (!columnByKey.has(rule.rate)) continue;
      for (const row of rows) recompute(rule, row.key, rule.rate, [row.key, rule.numerator], [row.key, rule.denominator]);
    } else if (rowKeys.has(rule.rate)) {
      for (const column of columns) recompute(rule, rule.rate, column.key, [rule.numerator, column.key], [rule.denominator, column.key]);
    }
  }
  for (const [key, rate] of rates) {
    if (rate.value === null) values.delete(key);
    else values.set(key, rate.value);
  }
  const cells: CellValue[] = [...values].map(([key, value]) => {
    const [rowKey, columnKey] = key.split('\u0000');
    return { rowKey, columnKey, value };
  });
  return { snapshot: TableSnapshot.create({ columns, rows, cells }), rates: [...rates.values()] };
}
