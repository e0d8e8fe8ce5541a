/**
 * A table as a downloadable workbook, laid out like the add-in's pull (domain/sheet/table-sheet.ts). Pure:
 * builds an in-memory exceljs workbook; writing it out is the caller's.
 *
 * The visible sheet carries each row's key in column A and each column's key in the #KEY row, so an upload
 * finds every cell by key wherever rows were moved. The hidden keys sheet says which table and version the
 * file was made from (see workbook-keys.ts).
 */
import ExcelJS from 'exceljs';
import { canonicalToNumber, numberFormatFor } from '../../domain/sheet/cell-numbers';
import { computedFormula } from '../../domain/sheet/total-formulas';
import { FILL, KEY_FONT_COLOR, KEY_MARKER, STANDARD_LAYOUT, columnNumberTexts, headerTexts, isEditableCell, titleTexts, type Lang, type TitleInfo } from '../../domain/sheet/table-sheet';
import type { Rule } from '../../domain/rules';
import type { TableRow, TableSnapshot } from '../../domain/table-model';
import { cellValidations } from './cell-validation';
import { writeKeysSheet, type WorkbookKeys } from './workbook-keys';

export interface WorkbookTable extends TitleInfo {
  tableId: number;
  contentHash: string;
  /** Whether this reader may type into the table now (a draft, their unit, the current version). */
  editable: boolean;
  snapshot: TableSnapshot;
  rules: readonly Rule[];
  lang: Lang;
}

const LAYOUT = STANDARD_LAYOUT;

/** exceljs colours are ARGB without '#'. */
function argb(color: string): { argb: string } {
  return { argb: `FF${color.slice(1)}` };
}

function solid(color: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: argb(color) };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(table: Pick<WorkbookTable, 'title'>): string {
  const cleaned = table.title.replace(/[:\\/?*[\]]/g, ' ').trim();
  return (cleaned || 'PlanBridge').slice(0, 31);
}

/**
 * Style objects shared between cells with the same look: exceljs writes one style per distinct object,
 * and building a fresh object per cell costs more than the cell itself on a 10,000-row table.
 */
class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  get(fill: string, numFmt: string, locked: boolean, font: 'bold' | 'italic' | null): Partial<ExcelJS.Style> {
    const key = `${fill}|${numFmt}|${locked}|${font}`;
    let style = this.styles.get(key);
    if (!style) {
      style = { fill: solid(fill), numFmt, protection: { locked }, ...(font ? { font: font === 'bold' ? { bold: true } : { italic: true } } : {}) };
      this.styles.set(key, style);
    }
    return style;
  }
}

function rowFont(row: TableRow): 'bold' | 'italic' | null {
  if (row.kind === 'SECTION' || row.kind === 'GRAND_TOTAL') return 'bold';
  return row.kind === 'LABEL' ? 'italic' : null;
}

/** The value written for a canonical decimal: the number when a double holds it exactly, else its text, so nothing is rounded. */
function numberValue(canonical: string | null): number | string | null {
  if (canonical === null) return null;
  return canonicalToNumber(canonical) ?? canonical;
}

function writeTitleAndHeaders(sheet: ExcelJS.Worksheet, table: WorkbookTable): void {
  titleTexts(table, table.lang).forEach((text, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = text;
    cell.font = index === 0 ? { bold: true, size: 14 } : index === 1 ? { italic: true } : { color: argb('#605E5C') };
  });
  const { columns } = table.snapshot;
  const right = LAYOUT.firstValueColumn + columns.length;
  const rows: [number, string[], Partial<ExcelJS.Font>][] = [
    [LAYOUT.headerRow, [...headerTexts(table.lang), ...columns.map((column) => column.label)], { bold: true }],
    [LAYOUT.numberRow, columnNumberTexts(columns), { italic: true }],
    [LAYOUT.keyRow, [KEY_MARKER, '', '', ...columns.map((column) => column.key)], { color: argb(KEY_FONT_COLOR), size: 8 }],
  ];
  for (const [row, texts, font] of rows) {
    const sheetRow = sheet.getRow(row + 1);
    for (let column = 0; column < right; column++) {
      const cell = sheetRow.getCell(column + 1);
      cell.value = texts[column] === '' ? null : texts[column];
      cell.font = font;
      cell.numFmt = '@';
      if (row !== LAYOUT.keyRow) cell.fill = solid(FILL.header);
      if (row === LAYOUT.headerRow) cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  sheet.getColumn(LAYOUT.keyColumn + 1).width = 9;
  sheet.getColumn(LAYOUT.numberColumn + 1).width = 6;
  sheet.getColumn(LAYOUT.labelColumn + 1).width = 48;
  for (let column = 0; column < columns.length; column++) sheet.getColumn(LAYOUT.firstValueColumn + column + 1).width = 15;
}

function writeRows(sheet: ExcelJS.Worksheet, table: WorkbookTable): void {
  const styles = new StyleCache();
  const keyStyle: Partial<ExcelJS.Style> = { fill: solid(FILL.readOnly), font: { color: argb(KEY_FONT_COLOR), size: 8 }, numFmt: '@', protection: { locked: true } };
  const { snapshot } = table;
  const sheetRowOf = (key: string) => {
    const index = snapshot.rowIndex(key);
    return index === undefined ? undefined : LAYOUT.firstDataRow + index;
  };
  const formulaSheet = { rows: snapshot.rows, layout: LAYOUT };
  const editableTable = { editable: table.editable, rows: snapshot.rows, columns: snapshot.columns };
  snapshot.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(LAYOUT.firstDataRow + r + 1);
    const font = rowFont(row);
    const keyCell = sheetRow.getCell(LAYOUT.keyColumn + 1);
    keyCell.value = row.key;
    keyCell.style = keyStyle;
    const numberCell = sheetRow.getCell(LAYOUT.numberColumn + 1);
    numberCell.value = row.publishedNumber;
    numberCell.style = styles.get(FILL.readOnly, '@', true, font);
    const labelCell = sheetRow.getCell(LAYOUT.labelColumn + 1);
    labelCell.value = row.label;
    labelCell.style = { ...styles.get(FILL.readOnly, '@', true, font), alignment: { indent: Math.min(row.level, 15), wrapText: true } };
    snapshot.columns.forEach((column, c) => {
      const cell = sheetRow.getCell(LAYOUT.firstValueColumn + c + 1);
      const canonical = snapshot.valueAt(r, c);
      const editable = isEditableCell(editableTable, r, c);
      const fill = row.computed ? FILL.computed : editable ? FILL.editable : FILL.readOnly;
      const formula = row.computed ? computedFormula(formulaSheet, r, c, sheetRowOf) : null;
      const value = numberValue(canonical);
      // The cached result is the server's value, so a program that does not recalculate still shows it.
      cell.value = formula === null ? value : { formula: formula.slice(1), result: value ?? '' };
      cell.style = styles.get(fill, numberFormatFor(canonical, column.scale), !editable, font);
    });
  });
}

/** The table as a workbook: the visible table sheet and the hidden keys sheet. */
export function tableWorkbook(table: WorkbookTable): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PlanBridge';
  workbook.created = new Date(table.pulledAt);
  const sheet = workbook.addWorksheet(sheetName(table), {
    views: [{ state: 'frozen', xSplit: LAYOUT.labelColumn + 1, ySplit: LAYOUT.keyRow + 1 }],
  });
  writeTitleAndHeaders(sheet, table);
  writeRows(sheet, table);
  // exceljs has worksheet.dataValidations (a range per validation) without declaring it.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  for (const { range, validation } of cellValidations(table, LAYOUT)) validations.add(range, validation);
  // No password: the protection keeps keys and published figures from being typed over by mistake, it is no security.
  void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
  const keys: WorkbookKeys = {
    tableId: table.tableId,
    version: table.version,
    contentHash: table.contentHash,
    rowKeys: table.snapshot.rows.map((row) => row.key),
    columnKeys: table.snapshot.columns.map((column) => column.key),
  };
  writeKeysSheet(workbook, keys);
  return workbook;
}
