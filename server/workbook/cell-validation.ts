/**
 * The table's rules that Excel's data validation can express — non-negative, whole numbers, ranges — as
 * validations over the editable cells, so a spreadsheet program refuses a wrong figure as it is typed.
 * The server checks every rule again on upload; this only helps the person typing. Pure.
 */
import type ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { boxA1 } from '../../domain/sheet/a1';
import { isEditableCell, type SheetLayoutInfo } from '../../domain/sheet/table-sheet';
import type { Rule } from '../../domain/rules';
import { columnsInScope, rowsInScope } from '../../domain/rules/rule-scope';
import type { TableSnapshot } from '../../domain/table-model';

interface Bounds {
  whole: boolean;
  min: string | null;
  max: string | null;
}

function tighter(bounds: Bounds, rule: Rule): Bounds {
  const higher = (a: string | null, b: string | undefined) => (b === undefined ? a : a === null || new Decimal(b).gt(a) ? b : a);
  const lower = (a: string | null, b: string | undefined) => (b === undefined ? a : a === null || new Decimal(b).lt(a) ? b : a);
  switch (rule.kind) {
    case 'NON_NEGATIVE':
      return { ...bounds, min: higher(bounds.min, '0') };
    case 'WHOLE_NUMBER':
      return { ...bounds, whole: true };
    case 'RANGE':
      return { ...bounds, min: higher(bounds.min, rule.min), max: lower(bounds.max, rule.max) };
    default:
      return bounds;
  }
}

function validation(bounds: Bounds): ExcelJS.DataValidation {
  const type = bounds.whole ? 'whole' : 'decimal';
  const [operator, formulae]: [ExcelJS.DataValidationOperator, string[]] =
    bounds.min !== null && bounds.max !== null
      ? ['between', [bounds.min, bounds.max]]
      : bounds.min !== null
        ? ['greaterThanOrEqual', [bounds.min]]
        : bounds.max !== null
          ? ['lessThanOrEqual', [bounds.max]]
          : ['between', ['-99999999999999', '99999999999999']];
  const vi = [bounds.whole ? 'số nguyên' : 'số (được có phần thập phân)', bounds.min !== null ? `≥ ${bounds.min}` : '', bounds.max !== null ? `≤ ${bounds.max}` : ''].filter(Boolean).join(', ');
  const en = [bounds.whole ? 'a whole number' : 'a number (decimals allowed)', bounds.min !== null ? `≥ ${bounds.min}` : '', bounds.max !== null ? `≤ ${bounds.max}` : ''].filter(Boolean).join(', ');
  return {
    type,
    operator,
    formulae,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'PlanBridge',
    error: `Cần ${vi} / Enter ${en}`,
  };
}

/** One validation per run of consecutive editable cells of a column under the same bounds. */
export function cellValidations(table: { snapshot: TableSnapshot; rules: readonly Rule[]; editable: boolean }, layout: SheetLayoutInfo): { range: string; validation: ExcelJS.DataValidation }[] {
  const { snapshot } = table;
  const width = snapshot.columns.length;
  const bounds: (Bounds | null)[] = new Array(snapshot.rows.length * width).fill(null);
  for (const rule of table.rules) {
    if (rule.kind !== 'NON_NEGATIVE' && rule.kind !== 'WHOLE_NUMBER' && rule.kind !== 'RANGE') continue;
    const columns = columnsInScope(rule, snapshot);
    for (const r of rowsInScope(rule, snapshot)) {
      for (const c of columns) bounds[r * width + c] = tighter(bounds[r * width + c] ?? { whole: false, min: null, max: null }, rule);
    }
  }
  const editableTable = { editable: table.editable, rows: snapshot.rows, columns: snapshot.columns };
  const result: { range: string; validation: ExcelJS.DataValidation }[] = [];
  for (let c = 0; c < width; c++) {
    // Each cell's bounds as text once: runs are cells of equal text.
    const keys = snapshot.rows.map((_, r) => {
      const cell = isEditableCell(editableTable, r, c) ? bounds[r * width + c] : null;
      return cell && `${cell.whole}|${cell.min}|${cell.max}`;
    });
    let start = 0;
    while (start < snapshot.rows.length) {
      const current = keys[start] === null ? null : bounds[start * width + c];
      let end = start;
      while (end + 1 < snapshot.rows.length && current !== null && keys[end + 1] === keys[start]) end++;
      if (current) {
        const column = layout.firstValueColumn + c;
        result.push({ range: boxA1({ top: layout.firstDataRow + start, left: column, bottom: layout.firstDataRow + end, right: column }), validation: validation(current) });
      }
      start = end + 1;
    }
  }
  return result;
}
