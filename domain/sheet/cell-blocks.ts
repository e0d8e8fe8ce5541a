/**
 * Blocks of read-only cells (reports, status sheets, consolidations): each cell's input with the number format
 * to set before it, written row-chunk by row-chunk under the payload budget.
 */
import { boxA1 } from './a1';
import { cellBytes, planRowChunks } from './chunks';
import type { CellInput, SheetOp } from './sheet-ops';
import { FILL } from './table-sheet';
import { TEXT_FORMAT, numberCell, textOps } from './number-formats';

export type Cell = { input: CellInput; format: string };

/** Text as it is (never taken for a number or a date); nothing is an empty cell. */
export const textCell = (value: string | null | undefined): Cell => ({ input: value ?? '', format: TEXT_FORMAT });

/** A canonical decimal as a number when a double holds it exactly; empty stays empty, never 0. */
export const decimalCell = (value: string | null | undefined, scale = 0): Cell => numberCell(value ?? null, scale);

/** Writes rows of cells at `top` from column `left`, in chunks that stay under the byte budget (values and formats travel separately). */
export function blockOps(rows: Cell[][], top: number, budget: number, left = 0): SheetOp[] {
  if (rows.length === 0) return [];
  const width = rows[0].length;
  const bytesPerRow = Math.max(...rows.map((row) => row.reduce((sum, cell) => sum + cellBytes(cell.input) + cellBytes(cell.format) + 8, 8)));
  return planRowChunks(rows.length, bytesPerRow, Math.floor(budget / 2)).flatMap(({ start, count }) => {
    const slice = rows.slice(start, start + count);
    const address = boxA1({ top: top + start, left, bottom: top + start + count - 1, right: left + width - 1 });
    return [
      { kind: 'numberFormat' as const, address, numberFormat: slice.map((row) => row.map((cell) => cell.format)) },
      { kind: 'values' as const, address, values: slice.map((row) => row.map((cell) => cell.input)) },
    ];
  });
}

/** A title block from A1 down: the first line large and bold, the second italic, the rest grey. */
export function titleOps(titles: string[]): SheetOp[] {
  return [
    ...textOps(`A1:A${titles.length}`, titles.map((title) => [title])),
    { kind: 'font', address: 'A1', font: { bold: true, size: 14 } },
    { kind: 'font', address: 'A2', font: { italic: true } },
    { kind: 'font', address: `A3:A${titles.length}`, font: { color: '#605E5C' } },
  ];
}

/** A header row: texts on the header fill, bold, wrapped. */
export function headerOps(row: number, headers: string[], left = 0): SheetOp[] {
  const address = boxA1({ top: row, left, bottom: row, right: left + headers.length - 1 });
  return [
    ...textOps(address, [headers]),
    { kind: 'fill', address, color: FILL.header },
    { kind: 'font', address, font: { bold: true } },
    { kind: 'wrap', address, wrap: true },
  ];
}
