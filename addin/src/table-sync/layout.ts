/**
 * The operations that write a pulled table (where things go: domain/sheet/table-sheet.ts). Pure.
 * Column A holds each row's stable key, the key row each column's key: the add-in finds every cell by key,
 * so moved rows are still recognised and inserted or deleted ones are detected.
 */
import { boxA1, cellA1, columnLetters } from '../../../domain/sheet/a1';
import { DEFAULT_CHUNK_BYTES, cellBytes } from '../../../domain/sheet/chunks';
import { computedFormula } from '../../../domain/sheet/total-formulas';
import type { CellInput, SheetOp } from '../excel/gateway';
import { TEXT_FORMAT, numberCell, numberFormatFor, textOps } from '../../../domain/sheet/number-formats';
import { FILL, KEY_FONT_COLOR, KEY_MARKER, columnNumberTexts, headerTexts, isEditableCell, labelText, titleTexts } from '../../../domain/sheet/table-sheet';
import type { GridColumn, Lang } from '../api/types';
import type { PulledTable, SheetLayoutInfo } from './pulled-table';

export { FILL, KEY_MARKER, KEY_FONT_COLOR, STANDARD_LAYOUT, isEditableCell, labelText } from '../../../domain/sheet/table-sheet';

export function dataRowOf(layout: SheetLayoutInfo, row: number): number {
  return layout.firstDataRow + row;
}

export function valueColumnOf(layout: SheetLayoutInfo, column: number): number {
  return layout.firstValueColumn + column;
}

export function lastColumn(layout: SheetLayoutInfo, columnCount: number): number {
  return layout.firstValueColumn + columnCount - 1;
}

/** The whole table (headers to last row) as an A1 range. */
export function tableAddress(table: Pick<PulledTable, 'layout' | 'rows' | 'columns'>): string {
  const { layout } = table;
  return boxA1({ top: layout.headerRow, left: layout.keyColumn, bottom: layout.firstDataRow + Math.max(0, table.rows.length - 1), right: lastColumn(layout, table.columns.length) });
}

/**
 * The cell written for (row, column) with the number format set before it: a formula for computed rows, else a
 * number, '' for empty, or text for more digits than a double keeps (the diff compares text to the pulled value).
 */
export function valueCell(table: PulledTable, row: number, column: number, rowAt: (rowKey: string) => number | undefined): { input: CellInput; format: string } {
  const canonical = table.values[row][column];
  const scale = table.columns[column].scale;
  if (table.rows[row].computed) {
    const formula = computedFormula(table, row, column, rowAt);
    // A number format, never text: a formula in a cell formatted as text would stay text.
    if (formula !== null) return { input: formula, format: numberFormatFor(canonical, scale) };
  }
  return numberCell(canonical, scale);
}

/** Runs of consecutive rows for which `key(row)` is the same non-null value. */
export function rowRuns<T>(count: number, key: (row: number) => T | null): { start: number; end: number; key: T }[] {
  const runs: { start: number; end: number; key: T }[] = [];
  for (let row = 0; row < count; row++) {
    const value = key(row);
    const last = runs[runs.length - 1];
    if (value === null) continue;
    if (last && last.end === row - 1 && last.key === value) last.end = row;
    else runs.push({ start: row, end: row, key: value });
  }
  return runs;
}

export function rowIndexByKey(table: Pick<PulledTable, 'rows'>): Map<string, number> {
  return new Map(table.rows.map((row, index) => [row.key, index]));
}

/** The base look of one value cell, which clearing a mark restores. */
export function baseFill(table: PulledTable, row: number, column: number): string {
  if (table.rows[row].computed) return FILL.computed;
  return isEditableCell(table, row, column) ? FILL.editable : FILL.readOnly;
}

function titleOps(table: PulledTable): SheetOp[] {
  const titles = titleTexts(table, table.lang);
  return [
    ...textOps(`A1:A${titles.length}`, titles.map((text) => [text])),
    { kind: 'font', address: 'A1', font: { bold: true, size: 14 } },
    { kind: 'font', address: 'A2', font: { italic: true } },
    { kind: 'font', address: `A3:A${titles.length}`, font: { color: '#605E5C' } },
  ];
}

/** Headers, published numbers, column keys, and the columns' widths. */
function headerOps(table: PulledTable, right: number): SheetOp[] {
  const { layout } = table;
  const [keyHeader, numberHeader, labelHeader] = headerTexts(table.lang);
  const headerRow = [keyHeader, numberHeader, labelHeader, ...table.columns.map((column: GridColumn) => column.label)];
  const numberRow = columnNumberTexts(table.columns);
  const keyRow = [KEY_MARKER, '', '', ...table.columns.map((column) => column.key)];
  const ops: SheetOp[] = [];
  for (const [row, texts] of [[layout.headerRow, headerRow], [layout.numberRow, numberRow], [layout.keyRow, keyRow]] as const) {
    ops.push(...textOps(boxA1({ top: row, left: 0, bottom: row, right }), [texts]));
  }
  const wholeRow = (row: number) => boxA1({ top: row, left: 0, bottom: row, right });
  const wholeColumns = (left: number, last: number) => `${columnLetters(left)}:${columnLetters(last)}`;
  ops.push(
    { kind: 'fill', address: boxA1({ top: layout.headerRow, left: 0, bottom: layout.numberRow, right }), color: FILL.header },
    { kind: 'font', address: wholeRow(layout.headerRow), font: { bold: true } },
    { kind: 'wrap', address: wholeRow(layout.headerRow), wrap: true },
    { kind: 'font', address: wholeRow(layout.numberRow), font: { italic: true } },
    { kind: 'font', address: wholeRow(layout.keyRow), font: { color: KEY_FONT_COLOR, size: 8 } },
    { kind: 'columnWidth', address: wholeColumns(layout.keyColumn, layout.keyColumn), width: 60 },
    { kind: 'columnWidth', address: wholeColumns(layout.numberColumn, layout.numberColumn), width: 36 },
    { kind: 'columnWidth', address: wholeColumns(layout.labelColumn, layout.labelColumn), width: 320 },
    { kind: 'columnWidth', address: wholeColumns(layout.firstValueColumn, right), width: 96 },
  );
  return ops;
}

/**
 * The rows' texts and values (formulas for computed rows) with their number formats, in chunks whose
 * size stays under the byte budget: key | STT | label | values.
 */
function valueOps(table: PulledTable, right: number, chunkBytes: number): SheetOp[] {
  const { layout } = table;
  const rowCount = table.rows.length;
  const keyIndex = rowIndexByKey(table);
  const sheetRowOf = (key: string) => {
    const index = keyIndex.get(key);
    return index === undefined ? undefined : dataRowOf(layout, index);
  };
  const bytesPerRow = (row: number) =>
    cellBytes(table.rows[row].key) + cellBytes(table.rows[row].publishedNumber ?? '') + cellBytes(labelText(table.rows[row], table.indentWithFormat)) +
    table.values[row].reduce((sum, value) => sum + cellBytes(value) * 2 + 12, 0) + 8;
  // Half the budget per block: its number formats and formulas travel as two operations.
  const budget = Math.floor(chunkBytes / 2);
  const ops: SheetOp[] = [];
  let start = 0;
  while (start < rowCount) {
    let bytes = 0;
    let end = start;
    while (end < rowCount && (end === start || bytes + bytesPerRow(end) <= budget)) bytes += bytesPerRow(end++);
    const formulas: CellInput[][] = [];
    const formats: string[][] = [];
    for (let row = start; row < end; row++) {
      const info = table.rows[row];
      const cells = table.columns.map((_column, column) => valueCell(table, row, column, sheetRowOf));
      formulas.push([info.key, info.publishedNumber ?? '', labelText(info, table.indentWithFormat), ...cells.map((cell) => cell.input)]);
      formats.push([TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, ...cells.map((cell) => cell.format)]);
    }
    const address = boxA1({ top: dataRowOf(layout, start), left: 0, bottom: dataRowOf(layout, end - 1), right });
    ops.push({ kind: 'numberFormat', address, numberFormat: formats }, { kind: 'formulas', address, formulas });
    start = end;
  }
  return ops;
}

/** Value cells: grey and locked by default; editable runs white and unlocked; computed runs blue. */
function valueCellLookOps(table: PulledTable, right: number, bottom: number): SheetOp[] {
  const { layout } = table;
  const rowCount = table.rows.length;
  const ops: SheetOp[] = [{ kind: 'fill', address: boxA1({ top: layout.firstDataRow, left: layout.firstValueColumn, bottom, right }), color: FILL.readOnly }];
  const editableColumns = table.columns.map((column) => column.editable);
  const columnRuns = rowRuns(table.columns.length, (column) => (editableColumns[column] ? true : null));
  const editableRow = (row: number) => table.editable && table.rows[row].editable && !table.rows[row].computed;
  for (const run of rowRuns(rowCount, (row) => (editableRow(row) ? true : null))) {
    for (const columns of columnRuns) {
      const address = boxA1({ top: dataRowOf(layout, run.start), left: valueColumnOf(layout, columns.start), bottom: dataRowOf(layout, run.end), right: valueColumnOf(layout, columns.end) });
      ops.push({ kind: 'fill', address, color: FILL.editable }, { kind: 'locked', address, locked: false });
    }
  }
  for (const run of rowRuns(rowCount, (row) => (table.rows[row].computed ? true : null))) {
    ops.push({ kind: 'fill', address: boxA1({ top: dataRowOf(layout, run.start), left: layout.firstValueColumn, bottom: dataRowOf(layout, run.end), right }), color: FILL.computed });
  }
  return ops;
}

/** Sections and grand totals bold; label rows italic; labels indented by level when the format indents. */
function rowKindLookOps(table: PulledTable, right: number): SheetOp[] {
  const { layout } = table;
  const rowCount = table.rows.length;
  const ops: SheetOp[] = [];
  for (const run of rowRuns(rowCount, (row) => (['SECTION', 'GRAND_TOTAL'].includes(table.rows[row].kind) ? 'bold' : table.rows[row].kind === 'LABEL' ? 'italic' : null))) {
    const address = boxA1({ top: dataRowOf(layout, run.start), left: layout.numberColumn, bottom: dataRowOf(layout, run.end), right });
    ops.push({ kind: 'font', address, font: run.key === 'bold' ? { bold: true } : { italic: true } });
  }
  if (table.indentWithFormat) {
    for (const run of rowRuns(rowCount, (row) => (table.rows[row].level > 0 ? table.rows[row].level : null))) {
      const address = boxA1({ top: dataRowOf(layout, run.start), left: layout.labelColumn, bottom: dataRowOf(layout, run.end), right: layout.labelColumn });
      ops.push({ kind: 'indent', address, level: Math.min(run.key, 15) });
    }
  }
  return ops;
}

/**
 * Every operation that writes the table, in order. The caller clears the sheet and lifts protection first;
 * rows are written in chunks whose size stays under the byte budget.
 */
export function pullOperations(table: PulledTable, options: { chunkBytes?: number } = {}): SheetOp[] {
  const { layout } = table;
  const right = lastColumn(layout, table.columns.length);
  const ops = [...titleOps(table), ...headerOps(table, right)];
  const rowCount = table.rows.length;
  if (rowCount === 0) return ops;
  const bottom = dataRowOf(layout, rowCount - 1);
  // Whole-block styling first (few operations), then runs.
  ops.push(
    { kind: 'fill', address: boxA1({ top: layout.firstDataRow, left: 0, bottom, right: layout.labelColumn }), color: FILL.readOnly },
    { kind: 'font', address: boxA1({ top: layout.firstDataRow, left: layout.keyColumn, bottom, right: layout.keyColumn }), font: { color: KEY_FONT_COLOR, size: 8 } },
    { kind: 'wrap', address: boxA1({ top: layout.firstDataRow, left: layout.labelColumn, bottom, right: layout.labelColumn }), wrap: true },
  );
  return [
    ...ops,
    ...valueOps(table, right, options.chunkBytes ?? DEFAULT_CHUNK_BYTES),
    ...valueCellLookOps(table, right, bottom),
    ...rowKindLookOps(table, right),
  ];
}

export { cellA1 };
