/**
 * The add-in's sheet operations (domain/sheet/sheet-ops.ts) applied to an exceljs sheet, so a layout
 * the add-in writes into Excel through Office.js can be written into a downloadable file unchanged. Only what a
 * read-only report uses: values, number formats, fills, fonts, wrapping, column widths and text-contains fills.
 */
import type ExcelJS from 'exceljs';
import { parseBox } from '../../domain/sheet/a1';
import type { SheetOp } from '../../domain/sheet/sheet-ops';

/** exceljs colours are ARGB without '#'. */
const argb = (color: string) => ({ argb: `FF${color.slice(1).toUpperCase()}` });

/** Excel's column width unit is about 7 pixels of the default font (Office.js sets widths in points ≈ pixels). */
const PIXELS_PER_WIDTH_UNIT = 7;

function eachCell(sheet: ExcelJS.Worksheet, address: string, visit: (cell: ExcelJS.Cell, row: number, column: number) => void): void {
  const box = parseBox(address);
  for (let row = box.top; row <= box.bottom; row++) {
    const sheetRow = sheet.getRow(row + 1);
    for (let column = box.left; column <= box.right; column++) visit(sheetRow.getCell(column + 1), row - box.top, column - box.left);
  }
}

export function applySheetOps(sheet: ExcelJS.Worksheet, ops: readonly SheetOp[]): void {
  for (const op of ops) {
    switch (op.kind) {
      case 'values':
        eachCell(sheet, op.address, (cell, r, c) => (cell.value = op.values[r][c] === '' ? null : op.values[r][c]));
        break;
      case 'numberFormat':
        eachCell(sheet, op.address, (cell, r, c) => (cell.numFmt = op.numberFormat[r][c]));
        break;
      case 'fill':
        eachCell(sheet, op.address, (cell) => (cell.fill = op.color === null ? { type: 'pattern', pattern: 'none' } : { type: 'pattern', pattern: 'solid', fgColor: argb(op.color) }));
        break;
      case 'font':
        eachCell(sheet, op.address, (cell) => (cell.font = { ...cell.font, bold: op.font.bold, italic: op.font.italic, size: op.font.size, ...(op.font.color ? { color: argb(op.font.color) } : {}) }));
        break;
      case 'wrap':
        eachCell(sheet, op.address, (cell) => (cell.alignment = { ...cell.alignment, wrapText: op.wrap, vertical: 'top' }));
        break;
      case 'columnWidth': {
        const [from, to = from] = op.address.split(':');
        const box = parseBox(`${from}1:${to}1`);
        for (let column = box.left; column <= box.right; column++) sheet.getColumn(column + 1).width = op.width / PIXELS_PER_WIDTH_UNIT;
        break;
      }
      case 'conditionalFill':
        sheet.addConditionalFormatting({
          ref: op.address,
          rules: [{ type: 'containsText', operator: 'containsText', text: op.text, priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(op.color) } } }],
        });
        break;
      default:
        throw new Error(`A downloaded workbook cannot carry the sheet operation "${op.kind}"`);
    }
  }
}
