/** Which rows and columns a rule's checks run on. */
import { TableSnapshot } from '../table-model';
import { Rule } from './rule';

/**
 * Rows matching both filters. Without any filter every row except LABEL rows (which carry no figures);
 * with only keys, exactly those rows.
 */
export function rowsInScope(rule: Rule, snapshot: TableSnapshot): number[] {
  const kinds = rule.rows?.kinds;
  const keys = rule.rows?.keys === undefined ? undefined : new Set(rule.rows.keys);
  const rows: number[] = [];
  snapshot.rows.forEach((row, index) => {
    const kindMatches = kinds === undefined ? keys !== undefined || row.kind !== 'LABEL' : kinds.includes(row.kind);
    if (kindMatches && (keys === undefined || keys.has(row.key))) rows.push(index);
  });
  return rows;
}

export function columnsInScope(rule: Rule, snapshot: TableSnapshot): number[] {
  if (rule.columns === undefined) return snapshot.columns.map((_, index) => index);
  const keys = new Set(rule.columns);
  return snapshot.columns.flatMap((column, index) => (keys.has(column.key) ? [index] : []));
}
