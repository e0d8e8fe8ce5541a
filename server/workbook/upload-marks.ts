/** The findings of an upload marked on the uploaded workbook itself: a fill and a cell comment per cell. Pure. */
import type ExcelJS from 'exceljs';
import { noteText, type CellMark } from '../../domain/sheet/cell-marks';
import { FILL, type Lang } from '../../domain/sheet/table-sheet';

export function markWorkbook(sheet: ExcelJS.Worksheet, marks: CellMark[], lang: Lang): void {
  for (const mark of marks) {
    const cell = sheet.getCell(mark.address.slice(mark.address.lastIndexOf('!') + 1));
    // A style of its own: exceljs shares style objects between cells of the same look.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${(mark.severity === 'ERROR' ? FILL.error : FILL.warning).slice(1)}` } } };
    cell.note = noteText(mark, lang);
  }
}
