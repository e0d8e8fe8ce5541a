/** A1 addresses from 0-based row and column indexes, and back. Pure; no Office types. */

export interface CellRef {
  row: number;
  column: number;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0) throw new RangeError(`Bad column index ${column}`);
  let letters = '';
  let n = column + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** cellA1(0, 0) = "A1". */
export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function boxA1(box: Box): string {
  const first = cellA1(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? first : `${first}:${cellA1(box.bottom, box.right)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Strips a sheet prefix ("'Phụ lục 2'!A1:B2" → "A1:B2"). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

export function parseCell(address: string): CellRef {
  const match = CELL.exec(stripSheet(address).trim());
  if (!match) throw new Error(`Not a cell address: "${address}"`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
}

export function parseBox(address: string): Box {
  const [first, second] = stripSheet(address).split(':');
  const a = parseCell(first);
  const b = second === undefined ? a : parseCell(second);
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

export function boxContains(box: Box, row: number, column: number): boolean {
  return row >= box.top && row <= box.bottom && column >= box.left && column <= box.right;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * The ranges of an address list as Excel writes it ("'Báo cáo, 2025'!A1:B2,'Báo cáo, 2025'!C3"), without
 * sheet names: commas inside a quoted sheet name (quotes doubled within it) do not separate ranges.
 */
export function mergedAreaAddresses(list: string): string[] {
  const ranges: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      ranges.push(current);
      current = '';
    } else current += ch;
  }
  ranges.push(current);
  return ranges.map((range) => stripSheet(range.trim())).filter((range) => range !== '');
}
