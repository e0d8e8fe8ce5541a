/**
 * Where the header, the column-number row, the data and the footnotes of a printed table are, and what
 * each column's header says (merged header cells repeated or left empty, several header rows joined
 * with " / ").
 */
import { foldLabel } from '../label-match';
import { isRowNumbering } from '../table-hierarchy';
import { CellReading, isFigure } from './cell-reading';

export interface GridLayout {
  /** Rows before the first data row, the column-number row included. */
  headerRows: number;
  /** Index of the column-number row, if the table has one. */
  columnNumberRow: number | null;
  /** Index of the first footnote row (= the grid's height without footnotes). */
  footnoteStart: number;
  /** From a "Đơn vị tính: triệu đồng" line above the header. */
  unitOfMeasure: string | null;
}

const COLUMN_NUMBER = /^\(?(\d{1,2})\)?(?:\s*=.*)?$/;
const COLUMN_LETTER = /^\(?[A-Z]\)?$/;
const YEAR = /^(?:năm\s*)?(?:19|20)\d\d$/iu;
const UNIT_LINE = /^(?:đơn vị tính|đơn vị|đvt)\s*[:：]\s*(.+)$/iu;

function nonEmpty(row: readonly string[]): string[] {
  return row.map((cell) => cell.trim()).filter((cell) => cell !== '');
}

/** 1, 2, 3… or (1), (2)…, left to right without gaps in the numbering; letters (A, B) may number the text columns first. */
function isColumnNumberRow(row: readonly string[]): boolean {
  const cells = nonEmpty(row);
  const letters = cells.findIndex((cell) => !COLUMN_LETTER.test(cell));
  const numbered = cells.slice(Math.max(0, letters));
  if (letters < 0 || numbered.length < 2) return false;
  const numbers = numbered.map((cell) => COLUMN_NUMBER.exec(cell));
  if (numbers.some((match) => match === null)) return false;
  return numbers.every((match, index) => index === 0 || Number(match![1]) === Number(numbers[index - 1]![1]) + 1);
}

/** A header row may hold years (a transposed table); only other figures start the data. */
function hasDataFigure(row: readonly string[], readings: readonly CellReading[]): boolean {
  return readings.some((reading, column) => isFigure(reading) && !YEAR.test(row[column].trim()));
}

/** A row whose cells all say one thing: a title or unit line across the table, or a footnote. */
export function singleText(row: readonly string[]): string | null {
  const distinct = new Set(nonEmpty(row));
  return distinct.size === 1 ? [...distinct][0] : null;
}

function isCaption(row: readonly string[]): boolean {
  const text = row[0].trim();
  return text !== '' && nonEmpty(row).length === 1 && !UNIT_LINE.test(text);
}

function isFootnote(row: readonly string[], readings: readonly CellReading[]): boolean {
  if (readings.some(isFigure)) return false;
  const text = singleText(row);
  return text !== null && !isRowNumbering(text);
}

export function findLayout(grid: readonly (readonly string[])[], readings: readonly (readonly CellReading[])[]): GridLayout {
  let unitOfMeasure: string | null = null;
  for (const row of grid.slice(0, 4)) {
    const unit = UNIT_LINE.exec(singleText(row) ?? '');
    if (unit) unitOfMeasure = unit[1].replace(/[()]/g, '').trim();
  }
  const numberRow = grid.slice(0, 8).findIndex(isColumnNumberRow);
  let headerRows: number;
  if (numberRow >= 0) {
    headerRows = numberRow + 1;
  } else {
    headerRows = readings.findIndex((row, index) => hasDataFigure(grid[index], row));
    if (headerRows < 0) headerRows = grid.length;
    // Rows above the first figure that are numbered like data (a section heading "A | NÔNG THÔN") are data.
    while (headerRows > 1 && isRowNumbering(nonEmpty(grid[headerRows - 1])[0] ?? '') && nonEmpty(grid[headerRows - 1]).length > 1) headerRows--;
    // A caption alone in the first cell under the column headers ("Theo chuẩn nghèo giai đoạn 2011 - 2015") heads data rows.
    const headed = (index: number) => grid.slice(0, index).some((row) => nonEmpty(row).length > 1);
    while (headerRows > 1 && isCaption(grid[headerRows - 1]) && headed(headerRows - 1)) headerRows--;
  }
  let footnoteStart = grid.length;
  while (footnoteStart > headerRows && isFootnote(grid[footnoteStart - 1], readings[footnoteStart - 1])) footnoteStart--;
  return { headerRows, columnNumberRow: numberRow >= 0 ? numberRow : null, footnoteStart, unitOfMeasure };
}

/**
 * Each column's header: the header rows' texts top-down, joined with " / ". A cell left empty right of a
 * filled one, above a filled header cell, belongs to the merge on its left ("Nguồn vốn" over NSTW and NSĐP).
 * Lines across the whole table (a title, "Đơn vị tính: …") are not headers of any column.
 */
export function columnHeaders(grid: readonly (readonly string[])[], layout: GridLayout, width: number): string[] {
  const rows = grid
    .slice(0, layout.columnNumberRow ?? layout.headerRows)
    .filter((row) => !(row[0].trim() !== '' && nonEmpty(row).length === 1 && width > 2));
  const filled = rows.map((row) => row.map((cell) => cell.trim()));
  filled.forEach((row, level) => {
    for (let column = 1; column < width; column++) {
      const below = filled.slice(level + 1).some((lower) => lower[column] !== '');
      if (row[column] === '' && row[column - 1] !== '' && below) row[column] = row[column - 1];
    }
  });
  return Array.from({ length: width }, (_, column) => {
    const parts: string[] = [];
    for (const row of filled) {
      // Line breaks of a bilingual header ("Tỷ lệ hộ nghèo\nPoverty rate") are kept as printed.
      const text = row[column].replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n');
      if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
    }
    return parts.join(' / ');
  });
}

export function isYearHeader(header: string): boolean {
  const last = header.split(' / ').pop() ?? '';
  return YEAR.test(last.trim()) || /^(?:năm|kế hoạch|thực hiện|ước)\b.*\b(?:19|20)\d\d\b/iu.test(last.trim());
}

const UNIT_LABEL_HEADER = /^(don vi|huyen|tinh|xa|dia ban|dia phuong|ten (huyen|xa|tinh|don vi|dia phuong)|vung|khu vuc)\b/;
const UNIT_LABEL = /^(huyện|quận|thị xã|thành phố|tp\.?|xã|phường|thị trấn|tỉnh)\s/iu;

/** A table with one row per administrative unit (district, commune, province). */
export function isOneRowPerUnit(labelHeader: string, labels: readonly string[]): boolean {
  if (UNIT_LABEL_HEADER.test(foldLabel(labelHeader.split(' / ').pop() ?? ''))) return true;
  const named = labels.filter((label) => UNIT_LABEL.test(label.trim())).length;
  return labels.length > 0 && named >= labels.length * 0.6;
}
