/**
 * The page's office.js in the browser test: Office and Excel globals from the fake, over an in-memory
 * workbook the test can type into (window.__fake). Served instead of Microsoft's CDN script by page.route.
 */
import { parseCell } from '../../../domain/sheet/a1';
import { KEY_MARKER } from '../../../addin/src/table-sync/layout';
import { createFakeOffice } from './fake-office';
import { MemoryBook } from './memory-book';
import { sheetSnapshot } from './sheet-snapshot';

const book = new MemoryBook(['Sheet1']);
// ?platform=iOS on the pane's URL plays Excel on iPad.
const fake = createFakeOffice(book, { requirementSets: { ExcelApi: '1.18' }, platform: new URLSearchParams(location.search).get('platform') ?? undefined });
const w = window as any;
w.Office = fake.Office;
w.Excel = fake.Excel;

function sheetOf(name?: string) {
  return name ? book.sheet(name) : book.sheet(book.activeSheetId!);
}

w.__fake = {
  book,
  dialogs: fake.dialogs,
  sheets: () => book.sheets.map((sheet) => ({ id: sheet.id, name: sheet.name, protected: sheet.protected })),
  /** A person typing into a cell of the active sheet (refused on locked cells, as Excel does). */
  type: (address: string, value: string | number) => book.type(book.activeSheetId!, address, value),
  value: (address: string) => book.get(book.activeSheetId!, address),
  cell: (address: string) => {
    const cell = book.cellAt(book.activeSheetId!, address);
    return cell ? { value: cell.value, fill: cell.fill ?? null, note: cell.note ?? null, locked: cell.locked ?? true, numberFormat: cell.numberFormat ?? null } : null;
  },
  /** The fill a person sees in a cell of the active sheet, conditional formats included. */
  shownFill: (address: string) => book.shownFill(book.activeSheetId!, address),
  charts: () => book.sheet(book.activeSheetId!).charts,
  selection: () => book.selection,
  /** What a sheet shows (values, formats, fills, notes), for a picture of it (sheet-picture.ts). */
  snapshot: (sheetName?: string) => sheetSnapshot(book, sheetOf(sheetName)),
  stats: () => ({ ...book.stats }),
  /** The address of a table cell, found by the keys the add-in wrote. */
  addressOf: (rowKey: string, columnKey: string, sheetName?: string) => {
    const sheet = sheetOf(sheetName);
    let keyRow = -1;
    let row = -1;
    for (let r = 0; r < 1000; r++) {
      const key = book.valueAt(sheet, r, 0);
      if (key === KEY_MARKER) keyRow = r;
      else if (keyRow >= 0 && key === rowKey) row = r;
    }
    let column = -1;
    for (let c = 0; c < 40; c++) if (book.valueAt(sheet, keyRow, c) === columnKey) column = c;
    if (row < 0 || column < 0) return null;
    return `${String.fromCharCode(65 + column)}${row + 1}`;
  },
  parseCell,
};
