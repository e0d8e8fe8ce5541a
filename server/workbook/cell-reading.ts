/** What a cell of an uploaded workbook holds, from exceljs's many value shapes. Pure. */
import type ExcelJS from 'exceljs';

export type CellEntry =
  | { kind: 'empty'; formula: string | null }
  | { kind: 'number'; value: number; formula: string | null }
  | { kind: 'text'; text: string; formula: string | null }
  /** A formula whose value the file does not carry (its program never calculated it). */
  | { kind: 'uncalculated'; formula: string };

function plain(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('text' in value) return typeof value.text === 'string' ? value.text : plain(value.text as ExcelJS.CellValue);
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  return '';
}

/** The cell as text, for keys and markers. */
export function cellText(value: ExcelJS.CellValue): string {
  return plain(value).trim();
}

function formulaOf(value: ExcelJS.CellValue): string | null {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value && value.formula) return `=${value.formula}`;
    if ('sharedFormula' in value && value.sharedFormula) return `=${value.sharedFormula}`;
  }
  return null;
}

export function cellEntry(value: ExcelJS.CellValue): CellEntry {
  const formula = formulaOf(value);
  let shown: ExcelJS.CellValue = value;
  if (formula !== null) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined) return { kind: 'uncalculated', formula };
    shown = result as ExcelJS.CellValue;
  }
  if (typeof shown === 'number') return { kind: 'number', value: shown, formula };
  const text = plain(shown).trim();
  return text === '' ? { kind: 'empty', formula } : { kind: 'text', text, formula };
}
