/**
 * A table as a downloadable workbook, laid out like the add-in's pull (domain/sheet/table-sheet.ts), written
 * with exceljs's streaming writer: each row goes out as soon as it is laid, compressed by Node's zlib, so a
 * 10,000-row table never sits in memory as a workbook model (the in-memory writer took seconds, most of it
 * building XML strings and compressing in JavaScript).
 *
 * The visible sheet carries each row's key in column A and each column's key in the #KEY row, so an upload
 * finds every cell by key wherever rows were moved. The hidden keys sheet says which table and version the
 * file was made from (see workbook-keys.ts).
 */
import { PassThrough } from 'node:stream';
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

  /** A label cell's style: read-only, indented by level, wrapped. */
  label(font: 'bold' | 'italic' | null, indent: number): Partial<ExcelJS.Style> {
    const key = `label|${font}|${indent}`;
    let style = this.styles.get(key);
    if (!style) {
      style = { ...this.get(FILL.readOnly, '@', true, font), alignment: { indent, wrapText: true, vertical: 'top' } };
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

/** Column widths in characters. */
const KEY_WIDTH = 9;
const NUMBER_WIDTH = 6;
const LABEL_WIDTH = 48;
const VALUE_WIDTH = 15;

/**
 * How many lines a wrapped text takes in a column of `width` characters. Programs other than Excel (LibreOffice
 * when it prints or exports) keep a row at its stored height, so wrapped labels need the height written.
 */
function linesOf(text: string, width: number, indent = 0): number {
  // An average character of the sheet's font is a little narrower than the width unit; indent takes ~3 per level.
  const perLine = Math.max(8, Math.floor((width - 3 * indent) * 1.1));
  return text.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** Points for a row of `lines` lines of the 11-point default font. */
function lineHeight(lines: number): number {
  return 15 * lines;
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
  sheet.getRow(LAYOUT.headerRow + 1).height = lineHeight(Math.max(1, ...columns.map((column) => linesOf(column.label, VALUE_WIDTH))));
  sheet.getRow(LAYOUT.keyRow + 1).commit();
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
    labelCell.style = styles.label(font, Math.min(row.level, 15));
    const lines = linesOf(row.label, LABEL_WIDTH, Math.min(row.level, 15));
    if (lines > 1) sheetRow.height = lineHeight(lines);
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
    sheetRow.commit();
  });
}

/** The table as an .xlsx file: the visible table sheet and the hidden keys sheet. */
export async function writeTableWorkbook(table: WorkbookTable): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Styles on (fills, locks, formats); shared strings as Excel writes them; zlib's fastest level: the file is
  // XML of a few repeated shapes, which it still shrinks about tenfold.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
  workbook.creator = 'PlanBridge';
  workbook.created = new Date(table.pulledAt);
  const { columns } = table.snapshot;
  const sheet = workbook.addWorksheet(sheetName(table), {
    views: [{ state: 'frozen', xSplit: LAYOUT.labelColumn + 1, ySplit: LAYOUT.keyRow + 1 }],
    // Printed or exported (LibreOffice's PDF and PNG), the table fits the page's width, as many pages long as it takes.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  sheet.columns = [KEY_WIDTH, NUMBER_WIDTH, LABEL_WIDTH, ...columns.map(() => VALUE_WIDTH)].map((width) => ({ width }));
  writeTitleAndHeaders(sheet, table);
  writeRows(sheet, table);
  // exceljs has worksheet.dataValidations (a range per validation) without declaring it.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  for (const { range, validation } of cellValidations(table, LAYOUT)) validations.add(range, validation);
  // No password: the protection keeps keys and published figures from being typed over by mistake, it is no security.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
  sheet.commit();
  const keys: WorkbookKeys = {
    tableId: table.tableId,
    version: table.version,
    contentHash: table.contentHash,
    rowKeys: table.snapshot.rows.map((row) => row.key),
    columnKeys: columns.map((column) => column.key),
  };
  await writeKeysSheet(workbook, keys);
  await workbook.commit();
  return Buffer.concat(chunks);
}
