/**
 * What the server needs to read a workbook back — table, version, content hash, row and column keys — kept
 * in a sheet of its own, hidden and protected: Excel, LibreOffice and WPS keep sheets when they re-save a
 * file, where custom XML parts and defined names may be dropped. Pure.
 *
 *   A1 "PlanBridge"  B1 format
 *   A2 "table"       B2 table id
 *   A3 "version"     B3 version
 *   A4 "hash"        B4 content hash
 *   A5 "columns"     B5… column keys
 *   A6… "row"        B… row key (one per table row, in table order)
 */
import type ExcelJS from 'exceljs';
import { cellText, type WorkbookCells } from './xlsx-cells';

export const KEYS_SHEET = 'PlanBridge';
const FORMAT = '1';

export interface WorkbookKeys {
  tableId: number;
  version: number;
  contentHash: string;
  rowKeys: string[];
  columnKeys: string[];
}

export async function writeKeysSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, keys: WorkbookKeys): Promise<void> {
  // veryHidden: not listed under Unhide in Excel. LibreOffice has no such state and re-saves it as plain hidden,
  // still protected, which reads back the same (test/workbook/libreoffice-round-trip.test.ts).
  const sheet = workbook.addWorksheet(KEYS_SHEET, { state: 'veryHidden' });
  const rows = [['PlanBridge', FORMAT], ['table', String(keys.tableId)], ['version', String(keys.version)], ['hash', keys.contentHash], ['columns', ...keys.columnKeys], ...keys.rowKeys.map((key) => ['row', key])];
  const text = { numFmt: '@' };
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell((cell) => (cell.style = text));
    row.commit();
  }
  await sheet.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  sheet.commit();
}

/** The keys as written, or null when the sheet is missing or does not read as one (damaged keys). */
export function readKeysSheet(workbook: WorkbookCells): WorkbookKeys | null {
  const sheet = workbook.sheet(KEYS_SHEET);
  if (!sheet) return null;
  const text = (row: number, column: number) => cellText(sheet.cell(row, column));
  if (text(1, 1) !== 'PlanBridge' || text(1, 2) !== FORMAT || text(2, 1) !== 'table' || text(3, 1) !== 'version' || text(4, 1) !== 'hash' || text(5, 1) !== 'columns') return null;
  const tableId = text(2, 2);
  const version = text(3, 2);
  if (!/^\d{1,9}$/.test(tableId) || !/^\d{1,9}$/.test(version)) return null;
  const columnKeys: string[] = [];
  for (let column = 2; column <= sheet.lastColumn(5); column++) columnKeys.push(text(5, column));
  const rowKeys: string[] = [];
  for (let row = 6; row <= sheet.rowCount; row++) {
    if (text(row, 1) !== 'row') return null;
    rowKeys.push(text(row, 2));
  }
  if (columnKeys.some((key) => key === '') || rowKeys.some((key) => key === '')) return null;
  return { tableId: Number(tableId), version: Number(version), contentHash: text(4, 2), rowKeys, columnKeys };
}
