/**
 * A number held by a spreadsheet cell as the import reads it: the text a Vietnamese reader is shown, from the
 * stored number and its number format (percentages stored as 0.0752 with a % format read 7,52; a format with
 * two decimals shows two). Shared by the server's workbook reader and the add-in's sheet reader.
 */
import Decimal from 'decimal.js';
import { ExactDecimal, toCanonical } from '../exact-decimal';
import { formatVietnamese } from '../vietnamese-number';

/** Decimal places the number format shows ("#,##0.00" → 2), null for General. */
function shownPlaces(format: string | null | undefined): number | null {
  if (!format || /general/i.test(format)) return null;
  const decimals = /\.([0#]+)/.exec(format);
  return decimals ? decimals[1].length : /[0#]/.test(format) ? 0 : null;
}

export function shownNumberText(value: number, format: string | null | undefined): string {
  const places = shownPlaces(format);
  // Most cells of a table: a whole number shown without decimals, exact as JavaScript prints it.
  if (Number.isSafeInteger(value) && !format?.includes('%') && !places) return formatVietnamese(String(value));
  let number: Decimal = new ExactDecimal(String(value));
  if (format?.includes('%')) number = number.times(100);
  if (places !== null) number = number.toDecimalPlaces(places);
  return formatVietnamese(toCanonical(number));
}
