/**
 * The rules of a transposed table (indicators as rows, years as columns): each runs down every year column
 * on the indicator rows (axis COLUMN). Each row's type comes from its label and unit ("Tỷ lệ hộ nghèo", %: a
 * rate; "Số hộ nghèo", hộ: a count), as a column's does from its header: a rate = count ÷ count × 100, a
 * part ≤ the "Tổng số…" row of its type, rates within 0–100, counts and money not negative.
 */
import { Rule } from '../rules';
import { ImportColumnType, isTotalHeader, valueColumnType } from './column-kinds';
import { ImportRow, TableStructure } from './read-table';
import { roundingTolerance } from './rounding-tolerance';

interface IndicatorRow {
  row: ImportRow;
  type: ImportColumnType;
  /** Most decimal places published in the row. */
  places: number;
}

function indicatorRows(structure: TableStructure): IndicatorRow[] {
  const { snapshot } = structure;
  return structure.rows.flatMap((row, r) => {
    if (row.kind === 'LABEL' || row.kind === 'SECTION') return [];
    let places = 0;
    for (let column = 0; column < snapshot.columns.length; column++) {
      const value = snapshot.valueAt(r, column);
      const point = value?.indexOf('.') ?? -1;
      if (value !== null && point >= 0) places = Math.max(places, value.length - point - 1);
    }
    return [{ row, type: valueColumnType(row.label, row.unit ?? structure.unitOfMeasure, false).type, places }];
  });
}

export function transposedCandidateRules(structure: TableStructure): Rule[] {
  const indicators = indicatorRows(structure);
  const counts = indicators.filter(({ type }) => type === 'count' || type === 'measure');
  const rates = indicators.filter(({ type }) => type === 'rate');
  const amounts = indicators.filter(({ type }) => type === 'count' || type === 'money' || type === 'measure');
  const rules: Rule[] = [];
  for (const rate of rates) {
    for (const numerator of counts) {
      for (const denominator of counts) {
        if (numerator === denominator) continue;
        rules.push({ id: `ratio-${rate.row.key}-${numerator.row.key}-${denominator.row.key}`, kind: 'RATIO', severity: 'ERROR', axis: 'COLUMN', missing: 'NOT_PUBLISHED',
          rate: rate.row.key, numerator: numerator.row.key, denominator: denominator.row.key, scale: '100', tolerance: roundingTolerance(rate.places, 0) ?? '0.5' });
      }
    }
  }
  for (const total of amounts.filter(({ row }) => isTotalHeader(row.label))) {
    for (const part of amounts.filter((other) => other !== total && other.type === total.type && !isTotalHeader(other.row.label))) {
      rules.push({ id: `part-le-total-${part.row.key}`, kind: 'COMPARE', severity: 'ERROR', axis: 'COLUMN', left: part.row.key, relation: 'LE', right: total.row.key });
    }
  }
  const keys = (rows: readonly IndicatorRow[]) => rows.map(({ row }) => row.key);
  if (rates.length > 0) rules.push({ id: 'rate-range', kind: 'RANGE', severity: 'ERROR', min: '0', max: '100', rows: { keys: keys(rates) } });
  if (amounts.length > 0) rules.push({ id: 'non-negative', kind: 'NON_NEGATIVE', severity: 'ERROR', rows: { keys: keys(amounts) } });
  return rules;
}
