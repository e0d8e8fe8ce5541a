/**
 * Diffing the sheet against what was pulled. Cells are found by key (column A: row keys, the #KEY row:
 * column keys), not by position, so moved rows are still matched; anything the add-in cannot push
 * without losing it (inserted rows with values, deleted rows, merged cells, edits of read-only cells)
 * is reported, never dropped silently. Pure: it works on values already read from the sheet.
 */
import { boxA1, cellA1 } from '../../../domain/sheet/a1';
import type { CellInput } from '../excel/gateway';
import { KEY_MARKER, isEditableCell } from './layout';
import { numberToCanonical } from '../../../domain/sheet/cell-numbers';
import type { CellChangeInput } from '../api/types';
import type { PulledTable } from './pulled-table';
import { parseVietnameseNumber } from '../../../domain/vietnamese-number';

export interface SheetMatrix {
  /** Rows and columns read, from A1. */
  values: CellInput[][];
  formulas: CellInput[][];
}

export interface LocalChange {
  row: number;
  column: number;
  rowKey: string;
  columnKey: string;
  address: string;
  pulled: string | null;
  /** Canonical value (number cells, emptied cells) … */
  value?: string | null;
  /** … or the text as typed (text cells, formulas). */
  text?: string;
}

export type IssueCode =
  | 'HEADER_NOT_FOUND'
  | 'TABLE_MOVED'
  | 'COLUMN_MISSING'
  | 'COLUMN_UNKNOWN'
  | 'COLUMNS_MOVED'
  | 'ROW_MISSING'
  | 'ROW_DUPLICATE'
  | 'ROW_INSERTED'
  | 'ROW_INSERTED_EMPTY'
  | 'ROWS_MOVED'
  | 'READ_ONLY_CHANGED'
  | 'LABEL_CHANGED'
  | 'OUTSIDE_TABLE'
  | 'MERGED_CELLS'
  | 'SHEET_RENAMED';

export interface SheetIssue {
  code: IssueCode;
  /** ERROR blocks a push; WARNING is information. */
  severity: 'ERROR' | 'WARNING';
  messageVi: string;
  messageEn: string;
  addresses: string[];
}

export interface SheetAnalysis {
  /** Sheet row (0-based) of each table row key found. */
  rowAt: Map<string, number>;
  /** Sheet column (0-based) of each column key found. */
  columnAt: Map<string, number>;
  changes: LocalChange[];
  issues: SheetIssue[];
  blocking: boolean;
}

const MAX_LISTED = 8;

function listed(addresses: string[]): string {
  return addresses.length <= MAX_LISTED ? addresses.join(', ') : `${addresses.slice(0, MAX_LISTED).join(', ')} … (+${addresses.length - MAX_LISTED})`;
}

function text(value: CellInput | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/**
 * A key, STT or label as read back. Earlier versions wrote these with a leading apostrophe as well as the text
 * format; in a cell already formatted as text Excel keeps that apostrophe as a character, so exactly one is dropped.
 */
function writtenText(value: CellInput | undefined): string {
  const read = text(value).trim();
  return (read.startsWith("'") ? read.slice(1) : read).trim();
}

function isBlank(value: CellInput | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** What a cell holds, compared with a pulled canonical value: same, or the change to send. */
export function readCell(value: CellInput | undefined, formula: CellInput | undefined, pulled: string | null): { same: true } | { same: false; value?: string | null; text?: string } {
  if (typeof formula === 'string' && formula.startsWith('=')) return { same: false, text: formula };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { same: false, text: String(value) };
    const canonical = numberToCanonical(value);
    return canonical === pulled ? { same: true } : { same: false, value: canonical };
  }
  if (typeof value === 'boolean') return { same: false, text: value ? 'TRUE' : 'FALSE' };
  if (isBlank(value)) return pulled === null ? { same: true } : { same: false, value: null };
  const typed = text(value);
  if (pulled !== null && typed.trim() === pulled) return { same: true };
  const parsed = parseVietnameseNumber(typed);
  if (parsed.ok && parsed.value === pulled) return { same: true };
  return { same: false, text: typed };
}

export function toChangeInput(change: LocalChange): CellChangeInput {
  return change.text !== undefined ? { rowKey: change.rowKey, columnKey: change.columnKey, text: change.text } : { rowKey: change.rowKey, columnKey: change.columnKey, value: change.value ?? null };
}

/** What the person typed, for display ("mine" in a conflict). */
export function changeDisplay(change: LocalChange): string | null {
  return change.text !== undefined ? change.text : change.value ?? null;
}

/** The sheet being analysed, and the issues found so far (in the order they are reported). */
interface Reading {
  table: PulledTable;
  rowCount: number;
  /** Columns read: the widest row. */
  width: number;
  /** The pulled table's row keys. */
  rowKeys: Set<string>;
  at(row: number, column: number): CellInput | undefined;
  formulaAt(row: number, column: number): CellInput | undefined;
  issue(code: IssueCode, severity: 'ERROR' | 'WARNING', messageVi: string, messageEn: string, addresses?: string[]): void;
}

/** The #KEY row: where the pull put it, or wherever rows above the table moved it; -1 when it is gone. */
function findKeyRow({ table: { layout }, rowCount, at }: Reading): number {
  if (writtenText(at(layout.keyRow, layout.keyColumn)) === KEY_MARKER) return layout.keyRow;
  for (let row = 0; row < rowCount; row++) if (writtenText(at(row, layout.keyColumn)) === KEY_MARKER) return row;
  return -1;
}

function reportKeyRow({ table: { layout }, issue }: Reading, keyRow: number): void {
  if (keyRow < 0) {
    issue('HEADER_NOT_FOUND', 'ERROR',
      `Không tìm thấy dòng khóa cột "${KEY_MARKER}" (ô ${cellA1(layout.keyRow, layout.keyColumn)}): bảng trên trang tính đã bị xóa hoặc thay đổi cấu trúc. Hãy hoàn tác (Ctrl+Z) hoặc lấy lại bảng.`,
      `The column-key row "${KEY_MARKER}" (cell ${cellA1(layout.keyRow, layout.keyColumn)}) is gone: the table on this sheet was deleted or restructured. Undo (Ctrl+Z) or pull the table again.`,
      [cellA1(layout.keyRow, layout.keyColumn)]);
  } else if (keyRow !== layout.keyRow) {
    issue('TABLE_MOVED', 'WARNING',
      `Bảng đã dịch ${keyRow > layout.keyRow ? 'xuống' : 'lên'} ${Math.abs(keyRow - layout.keyRow)} dòng (có dòng được chèn hoặc xóa phía trên); các ô vẫn được nhận ra theo khóa.`,
      `The table moved ${Math.abs(keyRow - layout.keyRow)} row(s) ${keyRow > layout.keyRow ? 'down' : 'up'} (rows inserted or deleted above it); cells are still matched by key.`);
  }
}

/** Columns by key in the #KEY row; reports missing, unknown and moved columns. */
function locateColumns({ table, width, at, issue }: Reading, keyRow: number): Map<string, number> {
  const { layout } = table;
  const columnAt = new Map<string, number>();
  const known = new Set(table.columns.map((column) => column.key));
  const unknownColumns: string[] = [];
  for (let column = layout.firstValueColumn; column < width; column++) {
    const key = writtenText(at(keyRow, column));
    if (key === '') continue;
    if (!known.has(key) || columnAt.has(key)) unknownColumns.push(cellA1(keyRow, column));
    else columnAt.set(key, column);
  }
  const missingColumns = table.columns.filter((column) => !columnAt.has(column.key));
  if (missingColumns.length > 0) {
    issue('COLUMN_MISSING', 'ERROR',
      `Thiếu cột: ${missingColumns.map((c) => `"${c.label}"`).join(', ')} (khóa ${missingColumns.map((c) => c.key).join(', ')}). Hãy hoàn tác việc xóa cột hoặc lấy lại bảng; không gửi được khi thiếu cột.`,
      `Missing column(s): ${missingColumns.map((c) => `"${c.label}"`).join(', ')} (key ${missingColumns.map((c) => c.key).join(', ')}). Undo the deletion or pull the table again; nothing can be pushed while a column is missing.`);
  }
  if (unknownColumns.length > 0) {
    issue('COLUMN_UNKNOWN', 'ERROR',
      `Dòng khóa cột có giá trị lạ hoặc trùng tại ${listed(unknownColumns)}; đừng sửa dòng "${KEY_MARKER}".`,
      `The column-key row has unknown or repeated keys at ${listed(unknownColumns)}; do not edit the "${KEY_MARKER}" row.`, unknownColumns);
  }
  const columnOrder = table.columns.map((column) => columnAt.get(column.key)).filter((c): c is number => c !== undefined);
  if (missingColumns.length === 0 && columnOrder.some((column, index) => column !== layout.firstValueColumn + index)) {
    issue('COLUMNS_MOVED', 'WARNING', 'Các cột đã bị di chuyển hoặc có cột được chèn; giá trị vẫn được nhận ra theo khóa cột.', 'Columns were moved or inserted; values are still matched by column key.');
  }
  return columnAt;
}

/** Rows by key in column A, below the #KEY row: the first sheet row of each key, the repeats, and the last keyed row. */
function matchRowKeys({ table, rowCount, rowKeys, at }: Reading, keyRow: number) {
  const keyColumn = table.layout.keyColumn;
  const rowAt = new Map<string, number>();
  const duplicates: string[] = [];
  let lastKeyed = keyRow;
  for (let row = keyRow + 1; row < rowCount; row++) {
    const key = writtenText(at(row, keyColumn));
    if (key !== '' && rowKeys.has(key)) {
      if (rowAt.has(key)) duplicates.push(cellA1(row, keyColumn));
      else rowAt.set(key, row);
      lastKeyed = row;
    }
  }
  return { rowAt, duplicates, lastKeyed };
}

/**
 * Values the add-in cannot push: on rows inserted inside the table (empty inserted rows are only counted),
 * and outside the table (below it, and right of it on its own rows and headers).
 */
function findStrayValues({ table: { layout }, rowCount, width, rowKeys, at }: Reading, keyRow: number, lastKeyed: number, tableRight: number) {
  const inserted: string[] = [];
  const insertedEmpty: number[] = [];
  const outside: string[] = [];
  for (let row = keyRow + 1; row < rowCount; row++) {
    const key = writtenText(at(row, layout.keyColumn));
    if (key !== '' && rowKeys.has(key)) continue;
    const filled: string[] = [];
    for (let column = 0; column < width; column++) if (!isBlank(at(row, column))) filled.push(cellA1(row, column));
    if (row < lastKeyed) {
      if (filled.length > 0) inserted.push(...filled);
      else insertedEmpty.push(row);
    } else outside.push(...filled);
  }
  for (let row = layout.headerRow; row <= Math.min(lastKeyed, rowCount - 1); row++) {
    const key = writtenText(at(row, layout.keyColumn));
    if (row > keyRow && !rowKeys.has(key)) continue; // an inserted row, counted above
    for (let column = tableRight + 1; column < width; column++) if (!isBlank(at(row, column))) outside.push(cellA1(row, column));
  }
  return { inserted, insertedEmpty, outside };
}

/** Rows by key; reports missing, repeated, inserted and moved rows and values outside the table. */
function locateRows(reading: Reading, keyRow: number, columnAt: Map<string, number>): Map<string, number> {
  const { table, issue } = reading;
  const { layout } = table;
  const { rowAt, duplicates, lastKeyed } = matchRowKeys(reading, keyRow);
  const tableRight = Math.max(layout.firstValueColumn + table.columns.length - 1, ...columnAt.values());
  const { inserted, insertedEmpty, outside } = findStrayValues(reading, keyRow, lastKeyed, tableRight);
  const missingRows = table.rows.filter((row) => !rowAt.has(row.key));
  if (missingRows.length > 0) {
    issue('ROW_MISSING', 'ERROR',
      `Thiếu ${missingRows.length} dòng của bảng (đã bị xóa?): ${missingRows.slice(0, MAX_LISTED).map((r) => `${r.publishedNumber ?? ''} ${r.label}`.trim()).join('; ')}. Hãy hoàn tác (Ctrl+Z) hoặc lấy lại bảng; không gửi được khi thiếu dòng.`,
      `${missingRows.length} table row(s) are missing (deleted?): ${missingRows.slice(0, MAX_LISTED).map((r) => `${r.publishedNumber ?? ''} ${r.label}`.trim()).join('; ')}. Undo (Ctrl+Z) or pull the table again; nothing can be pushed while rows are missing.`);
  }
  if (duplicates.length > 0) {
    issue('ROW_DUPLICATE', 'ERROR', `Mã dòng bị lặp tại ${listed(duplicates)} (dòng được sao chép?); hãy xóa dòng thừa.`, `Repeated row keys at ${listed(duplicates)} (copied rows?); delete the extra rows.`, duplicates);
  }
  if (inserted.length > 0) {
    issue('ROW_INSERTED', 'ERROR',
      `Có dòng được chèn vào giữa bảng và có giá trị (${listed(inserted)}). Bảng đã công bố có số dòng cố định nên các giá trị này sẽ không được gửi; hãy chuyển chúng vào đúng dòng của bảng rồi xóa dòng chèn.`,
      `Rows were inserted inside the table and hold values (${listed(inserted)}). A published table has fixed rows, so these values cannot be pushed; move them into the table's own rows and delete the inserted rows.`, inserted);
  }
  if (insertedEmpty.length > 0) {
    issue('ROW_INSERTED_EMPTY', 'WARNING', `Có ${insertedEmpty.length} dòng trống được chèn vào bảng; chúng được bỏ qua.`, `${insertedEmpty.length} empty row(s) were inserted into the table; they are ignored.`);
  }
  const order = table.rows.map((row) => rowAt.get(row.key)).filter((r): r is number => r !== undefined);
  if (order.some((row, index) => index > 0 && row < order[index - 1])) {
    issue('ROWS_MOVED', 'WARNING', 'Thứ tự các dòng đã bị thay đổi; giá trị vẫn được nhận ra theo mã dòng.', 'Rows were moved; values are still matched by row key.');
  }
  if (outside.length > 0) {
    issue('OUTSIDE_TABLE', 'WARNING',
      `Có giá trị nằm ngoài bảng (${listed(outside)}); chúng không được gửi lên máy chủ và vẫn nằm nguyên trên trang tính.`,
      `Values outside the table (${listed(outside)}) are not pushed; they stay on the sheet as they are.`, outside);
  }
  return rowAt;
}

function reportMergedCells({ issue }: Reading, mergedAreas: string[]): void {
  if (mergedAreas.length > 0) {
    issue('MERGED_CELLS', 'ERROR',
      `Có ô bị gộp trong bảng (${listed(mergedAreas)}); ô gộp làm mất giá trị của các ô bị che. Hãy bỏ gộp ô (Merge & Center → Unmerge).`,
      `Merged cells inside the table (${listed(mergedAreas)}) hide the values of the cells they cover. Unmerge them (Merge & Center → Unmerge Cells).`, mergedAreas);
  }
}

/** The cells that differ from the pull: changes to push; reports edited read-only cells and edited labels. */
function readChanges({ table, at, formulaAt, issue }: Reading, rowAt: Map<string, number>, columnAt: Map<string, number>): LocalChange[] {
  const { layout } = table;
  const changes: LocalChange[] = [];
  const readOnly: string[] = [];
  const labels: string[] = [];
  table.rows.forEach((info, r) => {
    const sheetRow = rowAt.get(info.key);
    if (sheetRow === undefined) return;
    const label = writtenText(at(sheetRow, layout.labelColumn));
    if (label !== info.label.trim() || writtenText(at(sheetRow, layout.numberColumn)) !== (info.publishedNumber ?? '').trim()) labels.push(cellA1(sheetRow, layout.labelColumn));
    table.columns.forEach((column, c) => {
      const sheetColumn = columnAt.get(column.key);
      if (sheetColumn === undefined) return;
      const pulled = table.values[r][c];
      const address = cellA1(sheetRow, sheetColumn);
      if (info.computed) return; // formulas the add-in wrote; the server computes these cells
      const cell = readCell(at(sheetRow, sheetColumn), formulaAt(sheetRow, sheetColumn), pulled);
      if (cell.same) return;
      if (!isEditableCell(table, r, c)) {
        readOnly.push(address);
        return;
      }
      changes.push({ row: r, column: c, rowKey: info.key, columnKey: column.key, address, pulled, ...(cell.text !== undefined ? { text: cell.text } : { value: cell.value ?? null }) });
    });
  });
  if (readOnly.length > 0) {
    issue('READ_ONLY_CHANGED', 'ERROR',
      `Ô chỉ đọc đã bị sửa (${listed(readOnly)}): các ô này không thể gửi lên máy chủ. Hãy trả lại giá trị cũ (nút "Khôi phục" hoặc Ctrl+Z).`,
      `Read-only cells were changed (${listed(readOnly)}): they cannot be pushed. Put the old values back ("Revert" or Ctrl+Z).`, readOnly);
  }
  if (labels.length > 0) {
    issue('LABEL_CHANGED', 'WARNING',
      `Số thứ tự hoặc nội dung dòng đã bị sửa (${listed(labels)}); nội dung dòng không được gửi lên máy chủ.`,
      `Row numbers or labels were edited (${listed(labels)}); labels are not pushed to the server.`, labels);
  }
  return changes;
}

export function analyzeSheet(table: PulledTable, sheet: SheetMatrix, mergedAreas: string[] = []): SheetAnalysis {
  const issues: SheetIssue[] = [];
  const reading: Reading = {
    table,
    rowCount: sheet.values.length,
    width: Math.max(0, ...sheet.values.map((row) => row.length)),
    rowKeys: new Set(table.rows.map((row) => row.key)),
    at: (row, column) => sheet.values[row]?.[column],
    formulaAt: (row, column) => sheet.formulas[row]?.[column],
    issue: (code, severity, messageVi, messageEn, addresses = []) => issues.push({ code, severity, messageVi, messageEn, addresses }),
  };
  const keyRow = findKeyRow(reading);
  reportKeyRow(reading, keyRow);
  if (keyRow < 0) return { rowAt: new Map(), columnAt: new Map(), changes: [], issues, blocking: true };
  const columnAt = locateColumns(reading, keyRow);
  const rowAt = locateRows(reading, keyRow, columnAt);
  reportMergedCells(reading, mergedAreas);
  const changes = readChanges(reading, rowAt, columnAt);
  return { rowAt, columnAt, changes, issues, blocking: issues.some((entry) => entry.severity === 'ERROR') };
}

export function tableBox(table: PulledTable): string {
  const { layout } = table;
  return boxA1({ top: layout.headerRow, left: layout.keyColumn, bottom: layout.firstDataRow + Math.max(0, table.rows.length - 1), right: layout.firstValueColumn + table.columns.length - 1 });
}
