/**
 * What one sheet of the in-memory workbook shows, as plain data that leaves the browser page: every cell's value
 * (formulas evaluated), number format, fill as shown (conditional formats included), font, indent, lock and note.
 * sheet-picture.ts draws it for the staff guide.
 */
import { boxA1, cellA1 } from '../../../domain/sheet/a1';
import type { MemoryBook, MemorySheet } from './memory-book';

export interface SnapshotCell {
  row: number;
  column: number;
  value: string | number | boolean;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string | null;
  indent: number;
  wrap: boolean;
  locked: boolean;
  note: string | null;
}

export interface SheetSnapshot {
  name: string;
  /** Every sheet's name, in tab order, and which one this is. */
  tabs: { name: string; active: boolean }[];
  protected: boolean;
  cells: SnapshotCell[];
  /** Column widths in points, as the add-in set them (Office.js columnWidth). */
  widths: Record<number, number>;
  merged: string[];
  charts: { title: string; position: string }[];
}

export function sheetSnapshot(book: MemoryBook, sheet: MemorySheet): SheetSnapshot {
  const cells: SnapshotCell[] = [];
  for (const key of sheet.cells.keys()) {
    const [row, column] = key.split(',').map(Number);
    const cell = sheet.cell(row, column)!;
    const value = book.valueAt(sheet, row, column);
    cells.push({
      row,
      column,
      value: value === null || value === undefined ? '' : (value as string | number | boolean),
      numberFormat: cell.numberFormat ?? 'General',
      fill: book.shownFill(sheet.id, cellA1(row, column)),
      bold: cell.bold ?? false,
      italic: cell.italic ?? false,
      fontColor: cell.fontColor ?? null,
      indent: cell.indent ?? 0,
      wrap: cell.wrap ?? false,
      locked: cell.locked ?? true,
      note: cell.note ?? null,
    });
  }
  return {
    name: sheet.name,
    tabs: book.sheets.map((other) => ({ name: other.name, active: other === sheet })),
    protected: sheet.protected,
    cells,
    widths: Object.fromEntries(sheet.columnWidths),
    merged: sheet.merged.map(boxA1),
    charts: sheet.charts.map((chart) => ({ title: chart.title, position: chart.position })),
  };
}
