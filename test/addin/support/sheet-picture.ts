/**
 * Draws a sheet of the in-memory workbook (a sheet-snapshot.ts snapshot of what the add-in wrote) as an HTML
 * page that looks like Excel's grid: column letters and row numbers, the cells' values in their number formats
 * with Vietnamese separators, their fills, fonts, indents and notes. The staff guide's pictures of the sheet are
 * screenshots of this page: the add-in's real cell contents, drawn by a test, not by Excel.
 */
import { SSF } from 'xlsx';
import { cellA1, columnLetters } from '../../../domain/sheet/a1';
import type { SheetSnapshot, SnapshotCell } from './sheet-snapshot';

export interface PictureOptions {
  /** 1-based first and last rows to draw (default: every used row). */
  rows?: [number, number];
  /** Cells whose notes are drawn open, as Excel shows a note under the mouse. */
  openNotes?: string[];
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c: string) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The text Excel shows for a value in a number format, with a Vietnamese Excel's separators (1.234,5). */
export function shownText(cell: Pick<SnapshotCell, 'value' | 'numberFormat'>): string {
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  if (typeof cell.value !== 'number') return cell.value;
  const english = SSF.format(cell.numberFormat === '@' ? 'General' : cell.numberFormat, cell.value);
  return english.replace(/[.,]/g, (c: string) => (c === '.' ? ',' : '.'));
}

const POINTS_TO_PIXELS = 96 / 72;

export function sheetPicture(snapshot: SheetSnapshot, options: PictureOptions = {}): string {
  const byAddress = new Map(snapshot.cells.map((cell) => [`${cell.row},${cell.column}`, cell]));
  const used = snapshot.cells.filter((cell) => cell.value !== '');
  const lastRow = Math.max(...used.map((cell) => cell.row)) + 1;
  const lastColumn = Math.max(...used.map((cell) => cell.column));
  const [first, last] = [Math.max(1, options.rows?.[0] ?? 1), Math.min(lastRow, options.rows?.[1] ?? lastRow)];
  const open = new Set(options.openNotes ?? []);
  const columns = Array.from({ length: lastColumn + 1 }, (_, column) => column);
  const width = (column: number) => Math.round((snapshot.widths[column] ?? 48) * POINTS_TO_PIXELS);

  const td = (row: number, column: number) => {
    const cell = byAddress.get(`${row},${column}`);
    if (!cell) return '<td></td>';
    const text = shownText(cell);
    const numeric = typeof cell.value === 'number';
    const rightEmpty = (byAddress.get(`${row},${column + 1}`)?.value ?? '') === '';
    const style = [
      cell.fill ? `background:${cell.fill}` : '',
      cell.fontColor ? `color:${cell.fontColor}` : '',
      cell.bold ? 'font-weight:bold' : '',
      cell.italic ? 'font-style:italic' : '',
      cell.indent ? `padding-left:${4 + cell.indent * 9}px` : '',
      numeric ? 'text-align:right' : '',
      cell.wrap ? 'white-space:normal' : !numeric && rightEmpty ? 'overflow:visible' : '',
    ].filter(Boolean);
    const address = cellA1(row, column);
    const note = cell.note ? `<span class="mark"></span>${open.has(address) ? `<div class="note">${escape(cell.note)}</div>` : ''}` : '';
    return `<td style="${style.join(';')}">${escape(text)}${note}</td>`;
  };

  const tableWidth = 36 + columns.reduce((sum, column) => sum + width(column), 0);
  const body: string[] = [];
  for (let row = first - 1; row <= last - 1; row++) body.push(`<tr><th>${row + 1}</th>${columns.map((column) => td(row, column)).join('')}</tr>`);
  const tabs = snapshot.tabs.map((tab) => `<span class="tab${tab.active ? ' active' : ''}">${escape(tab.name)}</span>`).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
  body { margin: 0; font: 14px Calibri, Carlito, "Liberation Sans", Arial, sans-serif; background: #fff; }
  table { border-collapse: collapse; table-layout: fixed; }
  td, th { border: 1px solid #d4d4d4; height: 20px; padding: 0 4px; white-space: nowrap; overflow: hidden; position: relative; }
  th { background: #f3f3f3; color: #444; font-weight: normal; font-size: 12px; text-align: center; }
  thead th { border-bottom-color: #bbb; }
  tbody th { width: 34px; border-right-color: #bbb; }
  .mark { position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 7px 7px 0; border-color: transparent #c50f1f transparent transparent; }
  .note { position: absolute; left: calc(100% + 14px); top: 0; z-index: 2; width: 300px; padding: 6px 8px; white-space: pre-wrap;
    background: #ffffe1; border: 1px solid #767676; box-shadow: 2px 2px 4px rgba(0,0,0,.25); color: #000; font-size: 13px;
    font-weight: normal; font-style: normal; text-align: left; }
  .tabs { display: flex; width: ${tableWidth - 40}px; gap: 2px; padding: 4px 0 6px 40px; background: #f3f3f3; border-top: 1px solid #bbb; font-size: 13px; }
  .tab { padding: 3px 12px; color: #444; }
  .tab.active { background: #fff; color: #107c41; font-weight: bold; border-bottom: 2px solid #107c41; }
</style></head><body>
<table style="width:${tableWidth}px"><colgroup><col style="width:36px">${columns.map((column) => `<col style="width:${width(column)}px">`).join('')}</colgroup>
<thead><tr><th></th>${columns.map((column) => `<th>${columnLetters(column)}</th>`).join('')}</tr></thead>
<tbody>${body.join('\n')}</tbody></table>
<div class="tabs">${tabs}</div>
</body></html>`;
}
