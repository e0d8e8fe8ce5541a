/** ROW_SUM, HIERARCHY_SUM and GRAND_TOTAL as equations: a total cell = Σ its parts. */
import { TableSnapshot } from '../table-model';
import { Equation, SUM } from './equation';
import { CellAt, Text, listText } from './finding-text';
import { GrandTotalRule, HierarchySumRule, RowSumRule } from './rule';
import { RuleContext } from './rule-context';
import { columnsInScope, rowsInScope } from './rule-scope';

function sumEquation(checked: CellAt, inputs: readonly CellAt[], relation: Text): Equation {
  return { checked, inputs, formula: SUM, relation };
}

function rowName(snapshot: TableSnapshot, row: number): string {
  const { publishedNumber, label } = snapshot.rows[row];
  return publishedNumber?.trim() || label.trim();
}

/** Per row: total column = Σ part columns. */
export function rowSumEquations(rule: RowSumRule, { snapshot }: RuleContext): Equation[] {
  const total = snapshot.columnIndex(rule.totalColumn)!;
  const parts = rule.partColumns.map((key) => snapshot.columnIndex(key)!);
  const names = listText(parts.map((column) => snapshot.columns[column].label), 'cột', 'columns');
  const relation = { vi: `tổng các cột thành phần (${names.vi})`, en: `the sum of the part columns (${names.en})` };
  return rowsInScope(rule, snapshot).map((row) =>
    sumEquation({ row, column: total }, parts.map((column) => ({ row, column })), relation),
  );
}

/** Per parent row in scope and column in scope: parent = Σ children; LABEL rows are not children. */
export function hierarchySumEquations(rule: HierarchySumRule, { snapshot }: RuleContext): Equation[] {
  const columns = columnsInScope(rule, snapshot);
  return rowsInScope(rule, snapshot).flatMap((row) => {
    const children = snapshot.childIndexes(row).filter((child) => snapshot.rows[child].kind !== 'LABEL');
    if (children.length === 0) return [];
    const relation = { vi: `tổng ${children.length} dòng con`, en: `the sum of its ${children.length} child rows` };
    return columns.map((column) => sumEquation({ row, column }, children.map((child) => ({ row: child, column })), relation));
  });
}

/**
 * Per GRAND_TOTAL row in scope and column in scope: total = Σ sections, or Σ root items without sections,
 * or Σ root rows of any figure-carrying kind in a table without numbering (one row per district).
 */
export function grandTotalEquations(rule: GrandTotalRule, { snapshot }: RuleContext): Equation[] {
  const rootsOf = (accept: (kind: string) => boolean) =>
    snapshot.rows.flatMap((row, index) => (row.parentKey === null && accept(row.kind) ? [index] : []));
  const sections = rootsOf((kind) => kind === 'SECTION');
  const items = sections.length > 0 ? [] : rootsOf((kind) => kind === 'ITEM');
  const parts = sections.length > 0
    ? sections
    : items.length > 0 ? items : rootsOf((kind) => kind !== 'LABEL' && kind !== 'GRAND_TOTAL');
  if (parts.length === 0) return [];
  const names = listText(parts.map((row) => rowName(snapshot, row)), 'mục', 'items');
  const relation = sections.length > 0
    ? { vi: `tổng các phần (${names.vi})`, en: `the sum of the sections (${names.en})` }
    : { vi: `tổng các mục (${names.vi})`, en: `the sum of the items (${names.en})` };
  const totals = rowsInScope(rule, snapshot).filter((row) => snapshot.rows[row].kind === 'GRAND_TOTAL');
  const columns = columnsInScope(rule, snapshot);
  return totals.flatMap((row) =>
    columns.map((column) => sumEquation({ row, column }, parts.map((part) => ({ row: part, column })), relation)),
  );
}
