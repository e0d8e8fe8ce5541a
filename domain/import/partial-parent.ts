/**
 * A parent row that gives some of its sources and leaves another empty while its children fill it: its
 * own figures do not add up, and the difference appears only in its children (Cần Thơ's "Dự án 2" gives
 * 8.340 of city budget and a total of 10.340; its sub-project 2.1 has 2.000 of community funds that the
 * row leaves empty). Under ROLLUP the table is consistent, but a reader of the row alone is misled.
 */
import { foldLabel } from '../label-match';
import { CellReader } from '../rules/cell-reader';
import { Rule, RowSumRule } from '../rules';
import { numberText, rowText } from '../rules/finding-text';
import { ImportProblem, problem } from './import-problem';
import { TableStructure } from './read-table';

export function partialParentWarnings(structure: TableStructure, rules: readonly Rule[]): ImportProblem[] {
  const { snapshot } = structure;
  const reader = new CellReader(snapshot, snapshot.maxDecimalPlaces);
  const warnings: ImportProblem[] = [];
  const sums = rules.filter((rule): rule is RowSumRule => rule.kind === 'ROW_SUM' && (rule.missing ?? 'ROLLUP') === 'ROLLUP');
  for (const rule of sums) {
    const total = snapshot.columnIndex(rule.totalColumn)!;
    const parts = rule.partColumns.map((key) => snapshot.columnIndex(key)!);
    snapshot.rows.forEach((row, r) => {
      if (snapshot.childIndexes(r).length === 0) return;
      const own = reader.own(r, total);
      const given = parts.filter((column) => reader.own(r, column) !== null);
      const filledBelow = parts.filter((column) => reader.own(r, column) === null && reader.rolledUp(r, column) !== null);
      if (own === null || given.length === 0 || filledBelow.length === 0) return;
      const ownSum = given.reduce((sum, column) => sum + reader.own(r, column)!, 0n);
      const below = filledBelow.reduce((sum, column) => sum + reader.rolledUp(r, column)!, 0n);
      if (ownSum === own || ownSum + below !== own) return;
      const [totalText, ownText, belowText] = [own, ownSum, below].map((value) => numberText(reader.decimal(value)));
      const where = rowText(snapshot, r);
      const columns = filledBelow.map((column) => snapshot.columns[column].label).join(', ');
      const line = structure.rows[r].line;
      warnings.push(problem('PARTIAL_PARENT', { line },
        `${where.vi}: các số của chính dòng không cộng đủ (${totalText.vi} ≠ ${ownText.vi}); ${belowText.vi} chỉ có ở các dòng con (cột ${columns} để trống)`,
        `${where.en}: the row's own figures do not add up (${totalText.en} ≠ ${ownText.en}); ${belowText.en} appears only in its children (column ${columns} left empty)`));
    });
  }
  return warnings;
}

/**
 * A "Trong đó:" breakdown that names only some parts of its row (287 households take part, "of which" 20 poor
 * and 30 near-poor): not a mistake, so no parent-sum rule is kept for it, but a reader should know that the
 * children do not give the whole. Only when no parent-sum rule is kept (else the shortfall is a finding).
 */
export function partialBreakdownWarnings(structure: TableStructure, rules: readonly Rule[]): ImportProblem[] {
  if (rules.some((rule) => rule.kind === 'HIERARCHY_SUM')) return [];
  const { snapshot } = structure;
  const reader = new CellReader(snapshot, snapshot.maxDecimalPlaces);
  const warnings: ImportProblem[] = [];
  snapshot.rows.forEach((_, r) => {
    const children = snapshot.childIndexes(r);
    if (!children.some((child) => snapshot.rows[child].kind === 'LABEL' && /^trong do\b/.test(foldLabel(snapshot.rows[child].label)))) return;
    const parts = children.filter((child) => snapshot.rows[child].kind !== 'LABEL');
    snapshot.columns.forEach((column, c) => {
      const own = reader.own(r, c);
      const values = parts.map((child) => reader.own(child, c));
      if (own === null || values.length === 0 || values.some((value) => value === null)) return;
      const sum = values.reduce((total, value) => total! + value!, 0n)!;
      if (sum >= own) return;
      const [ownText, sumText] = [own, sum].map((value) => numberText(reader.decimal(value)));
      const where = rowText(snapshot, r);
      warnings.push(problem('PARTIAL_PARENT', { line: structure.rows[r].line },
        `${where.vi}, cột ${column.label}: phần "Trong đó" chỉ nêu một phần (${sumText.vi} trong ${ownText.vi}); phần còn lại không được chia ra, nên không kiểm tra tổng của các dòng con`,
        `${where.en}, column ${column.label}: its "of which" rows give only part of it (${sumText.en} of ${ownText.en}); the rest is not broken down, so the children's sum is not checked`));
    });
  });
  return warnings;
}
