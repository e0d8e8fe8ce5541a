/**
 * Live totals: a row the server marks `computed` gets Excel formulas, so staff see the total change as
 * they type. Only computed rows get formulas — a published total that staff type stays a typed value.
 *
 * A computed row's cell is the sum of its child rows' cells (LABEL rows take no part); a computed grand
 * total is the sum of the sections (or of the top-level items when the table has no sections). Empty is
 * not zero: when every term is empty the formula shows an empty cell, not 0:
 *   =IF(COUNT(D12:D14,D16)=0,"",SUM(D12:D14,D16))
 */
import type { TableRow } from '../table-model';
import { columnLetters } from './a1';

/** What the formulas need of a laid-out table: its rows in sheet order and where its value columns start. */
export interface TotalsSheet {
  rows: readonly TableRow[];
  layout: { firstValueColumn: number };
}

const MAX_FORMULA_LENGTH = 8000;
const MAX_ARGUMENTS = 255;

/** Sheet rows (0-based) → compact references: consecutive rows become one range. */
export function compactReferences(column: number, sheetRows: number[]): string[] {
  const sorted = [...new Set(sheetRows)].sort((a, b) => a - b);
  const letters = columnLetters(column);
  const refs: string[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    refs.push(start === end ? `${letters}${sorted[start] + 1}` : `${letters}${sorted[start] + 1}:${letters}${sorted[end] + 1}`);
    start = end + 1;
  }
  return refs;
}

interface TermIndex {
  /** Each row key's children that add up (not LABEL rows), as indexes into the rows. */
  children: Map<string, number[]>;
  topSections: number[];
  topItems: number[];
}

/**
 * The terms of every row, found in one pass and kept per rows array: scanning all rows for each computed
 * cell made a 10,000-row table's formulas take seconds (1,000 totals × 6 columns × 10,000 rows).
 */
const termIndexes = new WeakMap<readonly TableRow[], TermIndex>();

function termIndex(rows: readonly TableRow[]): TermIndex {
  let index = termIndexes.get(rows);
  if (index) return index;
  index = { children: new Map(), topSections: [], topItems: [] };
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position];
    if (row.parentKey === null) {
      if (row.kind === 'SECTION') index.topSections.push(position);
      else if (row.kind === 'ITEM') index.topItems.push(position);
    } else if (row.kind !== 'LABEL') {
      const siblings = index.children.get(row.parentKey);
      if (siblings) siblings.push(position);
      else index.children.set(row.parentKey, [position]);
    }
  }
  termIndexes.set(rows, index);
  return index;
}

/** The rows a computed row adds up (indexes into table.rows). */
export function termsOf(table: Pick<TotalsSheet, 'rows'>, row: number): readonly number[] {
  const target = table.rows[row];
  const index = termIndex(table.rows);
  if (target.kind === 'GRAND_TOTAL' && target.parentKey === null) return index.topSections.length > 0 ? index.topSections : index.topItems;
  return index.children.get(target.key) ?? [];
}

/**
 * The formula for (row, column) of a computed row, or null when the row has nothing to add up or the
 * formula would pass Excel's limits (then the pulled value is written instead).
 */
export function computedFormula(table: TotalsSheet, row: number, column: number, sheetRowOf: (rowKey: string) => number | undefined): string | null {
  const terms = termsOf(table, row);
  if (terms.length === 0) return null;
  const sheetRows = terms.map((term) => sheetRowOf(table.rows[term].key)).filter((value): value is number => value !== undefined);
  const refs = compactReferences(table.layout.firstValueColumn + column, sheetRows);
  if (refs.length === 0 || refs.length > MAX_ARGUMENTS) return null;
  const list = refs.join(',');
  const formula = `=IF(COUNT(${list})=0,"",SUM(${list}))`;
  return formula.length > MAX_FORMULA_LENGTH ? null : formula;
}
