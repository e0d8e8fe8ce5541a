/**
 * How the add-in writes numbers and text into Excel cells; the pure conversions between Excel's doubles and
 * canonical decimals live in domain/sheet/cell-numbers (shared with the server's workbooks).
 */
import { canonicalToNumber, numberFormatFor } from './cell-numbers';
import type { CellInput, SheetOp } from './sheet-ops';

export { canonicalToNumber, numberFormatFor, numberToCanonical } from './cell-numbers';

/**
 * Excel's text number format. Text the add-in writes (keys, STT, labels, titles) goes into cells given this format
 * before the value, and is written as it is: the documented way to keep "2.1" from becoming a date or "1" a number.
 * Never also a leading apostrophe: in a cell already formatted as text Excel keeps the apostrophe as a character.
 */
export const TEXT_FORMAT = '@';

/** Writes text cells: the text format first, then the texts as they are. */
export function textOps(address: string, texts: string[][]): SheetOp[] {
  return [
    { kind: 'numberFormat', address, numberFormat: texts.map((row) => row.map(() => TEXT_FORMAT)) },
    { kind: 'values', address, values: texts },
  ];
}

/**
 * What is written for a canonical decimal, with the number format to set first: the number when a double holds it
 * exactly, '' for empty (never 0), and text for a value with more digits than a double keeps, so nothing is rounded.
 */
export function numberCell(canonical: string | null, columnScale: number): { input: CellInput; format: string } {
  if (canonical === null) return { input: '', format: numberFormatFor(null, columnScale) };
  const number = canonicalToNumber(canonical);
  return number === null ? { input: canonical, format: TEXT_FORMAT } : { input: number, format: numberFormatFor(canonical, columnScale) };
}
