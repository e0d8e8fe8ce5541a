/**
 * Finds every table cell of an uploaded workbook by its keys — the row key in the key column, the column
 * key in the #KEY row — wherever rows were moved, sorted or inserted, and compares each with the version
 * the file was downloaded from. Pure: the result is the changes to push and what was noticed on the way.
 */
import { cellA1, parseBox, type Box } from '../../domain/sheet/a1';
import { numberToCanonical } from '../../domain/sheet/cell-numbers';
import { KEY_MARKER, STANDARD_LAYOUT } from '../../domain/sheet/table-sheet';
import type { CellChangeRequest } from '../../domain/sync/sync-types';
import type { TableSnapshot } from '../../domain/table-model';
import { parseVietnameseNumber } from '../../domain/vietnamese-number';
import { WorkbookRefused, listCells } from './workbook-errors';
import { KEYS_SHEET } from './workbook-keys';
import { cellText, type SheetCells, type WorkbookCells } from './xlsx-cells';

/** Where the upload holds each table row and column (1-based sheet positions, as Excel counts). */
export interface UploadPositions {
  sheet: SheetCells;
  rowAt: Map<string, number>;
  columnAt: Map<string, number>;
}

/** Something noticed while reading that does not stop the upload (a formula typed into a cell, an unkeyed row). */
export interface UploadNote {
  code: string;
  messageVi: string;
  messageEn: string;
  address: string;
  rowKey: string | null;
  columnKey: string | null;
}

export interface UploadChanges {
  positions: UploadPositions;
  changes: CellChangeRequest[];
  notes: UploadNote[];
}

const KEY_COLUMN = STANDARD_LAYOUT.keyColumn + 1;

function address(sheet: SheetCells, row: number, column: number): string {
  return `'${sheet.name}'!${cellA1(row - 1, column - 1)}`;
}

function damaged(vi: string, en: string, cells: string[]): WorkbookRefused {
  const where = cells.length ? ` (${listCells(cells)})` : '';
  return new WorkbookRefused(
    422,
    'KEYS_DAMAGED',
    `Các mã khóa PlanBridge trong tệp đã bị sửa hoặc xóa: ${vi}${where}. Hãy tải bảng về lại và nhập lại các thay đổi.`,
    `The PlanBridge keys in the file were changed or removed: ${en}${where}. Download the table again and re-enter the changes.`,
    cells,
  );
}

/** The sheet holding the table: the first visible-or-not sheet (other than the keys sheet) with the #KEY marker in the key column. */
function findKeyRow(workbook: WorkbookCells): { sheet: SheetCells; keyRow: number } {
  for (const name of workbook.sheetNames) {
    if (name === KEYS_SHEET) continue;
    const sheet = workbook.sheet(name);
    if (!sheet) continue;
    for (let row = 1; row <= sheet.rowCount; row++) {
      if (cellText(sheet.cell(row, KEY_COLUMN)) === KEY_MARKER) return { sheet, keyRow: row };
    }
  }
  throw damaged(`không còn dòng "${KEY_MARKER}" chứa mã cột`, `the "${KEY_MARKER}" row holding the column keys is gone`, []);
}

function mergesOverTable(sheet: SheetCells, keyRow: number, columnAt: Map<string, number>): string[] {
  const lastColumn = Math.max(KEY_COLUMN, ...columnAt.values());
  return sheet.merges.filter((range) => {
    let box: Box;
    try {
      box = parseBox(range);
    } catch {
      throw damaged('có vùng gộp ô không đọc được', 'a merged range does not read as cells', [`'${sheet.name}'!${range}`]);
    }
    // 1-based, as the positions are.
    const start = { row: box.top + 1, column: box.left + 1 };
    const end = { row: box.bottom + 1, column: box.right + 1 };
    // Any merge reaching the key row or below, over the key column or a table column, hides keys or values.
    return end.row >= keyRow && start.column <= lastColumn && (start.column <= KEY_COLUMN || [...columnAt.values()].some((column) => column >= start.column && column <= end.column));
  });
}

/** Finds the table's rows and columns in the upload by key; every missing, unknown or doubled key is named. */
export function locateCells(workbook: WorkbookCells, snapshot: TableSnapshot): UploadPositions {
  const { sheet, keyRow } = findKeyRow(workbook);
  const columnAt = new Map<string, number>();
  const unknown: string[] = [];
  const doubled: string[] = [];
  for (let column = KEY_COLUMN + 1; column <= sheet.lastColumn(keyRow); column++) {
    const key = cellText(sheet.cell(keyRow, column));
    if (key === '') continue;
    if (snapshot.columnIndex(key) === undefined) unknown.push(address(sheet, keyRow, column));
    else if (columnAt.has(key)) doubled.push(address(sheet, keyRow, column));
    else columnAt.set(key, column);
  }
  const rowAt = new Map<string, number>();
  for (let row = keyRow + 1; row <= sheet.rowCount; row++) {
    const key = cellText(sheet.cell(row, KEY_COLUMN));
    if (key === '') continue;
    if (snapshot.rowIndex(key) === undefined) unknown.push(address(sheet, row, KEY_COLUMN));
    else if (rowAt.has(key)) doubled.push(address(sheet, row, KEY_COLUMN));
    else rowAt.set(key, row);
  }
  const merged = mergesOverTable(sheet, keyRow, columnAt);
  if (merged.length) {
    throw new WorkbookRefused(
      422,
      'MERGED_CELLS',
      `Có ô gộp đè lên mã khóa hoặc giá trị của bảng: ${listCells(merged)}. Hãy bỏ gộp ô rồi tải lên lại.`,
      `Merged cells cover the table's keys or values: ${listCells(merged)}. Unmerge them and upload again.`,
      merged.map((range) => `'${sheet.name}'!${range}`),
    );
  }
  if (unknown.length) throw damaged('có mã không thuộc bảng này', 'some keys are not this table\'s', unknown);
  if (doubled.length) throw damaged('có mã xuất hiện hai lần', 'some keys appear twice', doubled);
  const missingColumns = snapshot.columns.filter((column) => !columnAt.has(column.key)).map((column) => column.label);
  const missingRows = snapshot.rows.filter((row) => !rowAt.has(row.key)).map((row) => `${row.publishedNumber ?? ''} ${row.label}`.trim());
  if (missingColumns.length || missingRows.length) {
    const names = [...missingColumns.map((name) => `"${name}"`), ...missingRows.map((name) => `"${name}"`)];
    throw damaged(`thiếu cột hoặc dòng ${listCells(names, 5)}`, `columns or rows are missing: ${listCells(names, 5)}`, []);
  }
  return { sheet, rowAt, columnAt };
}

/** The canonical value a number cell holds. */
function canonicalNumber(value: number): string | null {
  return Number.isFinite(value) ? numberToCanonical(value) : null;
}

/**
 * The cells that differ from `base` (the downloaded version), as push changes: numbers as canonical values,
 * text as typed (pushTable reads it as Vietnamese notation and reports what it cannot read). Computed totals
 * are skipped: they are formulas. A read-only cell that was changed refuses the upload, naming the cells.
 */
export function uploadChanges(workbook: WorkbookCells, base: TableSnapshot): UploadChanges {
  const positions = locateCells(workbook, base);
  const { sheet } = positions;
  const changes: CellChangeRequest[] = [];
  const notes: UploadNote[] = [];
  const readOnly: string[] = [];
  const uncalculated: string[] = [];
  base.rows.forEach((row, r) => {
    if (row.computed) return;
    const sheetRow = positions.rowAt.get(row.key)!;
    base.columns.forEach((column, c) => {
      const sheetColumn = positions.columnAt.get(column.key)!;
      const entry = sheet.cell(sheetRow, sheetColumn);
      const at = address(sheet, sheetRow, sheetColumn);
      if (entry.kind === 'uncalculated') {
        uncalculated.push(at);
        return;
      }
      const old = base.valueAt(r, c);
      let change: CellChangeRequest | null = null;
      if (entry.kind === 'empty') change = old === null ? null : { rowKey: row.key, columnKey: column.key, value: null };
      else if (entry.kind === 'number') {
        const value = canonicalNumber(entry.value);
        change = value === old ? null : value === null ? { rowKey: row.key, columnKey: column.key, text: String(entry.value) } : { rowKey: row.key, columnKey: column.key, value };
      } else if (entry.text !== old) {
        // Text equal to the stored canonical value is a number too long for a double, written as text.
        const parsed = parseVietnameseNumber(entry.text);
        change = parsed.ok && parsed.value === old ? null : { rowKey: row.key, columnKey: column.key, text: entry.text };
      }
      if (change === null) return;
      if (!row.editable || !column.editable) {
        readOnly.push(at);
        return;
      }
      changes.push(change);
      if (entry.formula !== null) {
        notes.push({
          code: 'FORMULA_VALUE_USED',
          messageVi: `Ô ${at} có công thức ${entry.formula}: đã dùng giá trị của nó, công thức không được lưu`,
          messageEn: `Cell ${at} holds the formula ${entry.formula}: its value was used, the formula is not kept`,
          address: at,
          rowKey: row.key,
          columnKey: column.key,
        });
      }
    });
  });
  if (uncalculated.length) {
    throw new WorkbookRefused(
      422,
      'FORMULA_WITHOUT_VALUE',
      `Các ô ${listCells(uncalculated)} có công thức mà tệp không lưu kết quả; hãy mở và lưu tệp bằng Excel hoặc LibreOffice rồi tải lên lại`,
      `Cells ${listCells(uncalculated)} hold formulas whose results the file does not carry; open and save it in Excel or LibreOffice, then upload again`,
      uncalculated,
    );
  }
  if (readOnly.length) {
    throw new WorkbookRefused(
      422,
      'READ_ONLY_CHANGED',
      `Các ô chỉ đọc đã bị sửa: ${listCells(readOnly)}; không có thay đổi nào được ghi`,
      `Read-only cells were changed: ${listCells(readOnly)}; nothing was written`,
      readOnly,
    );
  }
  return { positions, changes, notes };
}
