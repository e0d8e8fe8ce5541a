/**
 * What one printed cell of a published table says: a figure, a range ("6,5 - 7,2", "từ 840 đến 930"), an
 * approximate or bounded figure ("khoảng 10.500", "trên 5.000"), text, or nothing. Ranges and qualified
 * figures are kept as such: they are never turned into one exact number.
 */
import { NumberError, parseVietnameseNumber } from '../vietnamese-number';

/**
 * How a table writes its figures: VIETNAMESE ("5.600.826", "0,21": the default) or DECIMAL_POINT ("412204.00",
 * "15.40": a point before the decimals, commas if any grouping thousands), as some statistics portals print.
 */
export type NumberNotation = 'VIETNAMESE' | 'DECIMAL_POINT';

/** A figure with a point followed by other than three digits: a decimal point, never a Vietnamese grouping. */
const POINT_DECIMAL = /^[-−]?\d+\.(?:\d{1,2}|\d{4,})$/;
/** A figure only the Vietnamese notation writes: a comma before the decimals, or several grouping points. */
const VIETNAMESE_ONLY = /^[-−]?\d{1,3}(?:\.\d{3})*,\d+$|^[-−]?\d{1,3}(?:\.\d{3}){2,}$/;
const ENGLISH_FIGURE = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

const STT_HEADER = /^(stt|tt|số tt|số thứ tự)$/iu;
const NUMBERING_MARK = /^(?:[IVXLC]+|[a-zđ])[.)]?$|^[-–—+•]$/u;
const SHORT_NUMBER = /^\d{1,2}$/;
const SHORT_PATH = /^\d{1,2}(?:\.\d{1,2})+$/;

/** An STT column ("1", "1.1", "a", "II"): its "1.1" are row numbers, not figures, and say nothing of the notation. */
function isNumberingColumn(cells: readonly string[]): boolean {
  if (cells.slice(0, 3).some((cell) => STT_HEADER.test(cell)) || cells.some((cell) => NUMBERING_MARK.test(cell))) return true;
  const dotted = cells.filter((cell) => cell.includes('.'));
  return dotted.length > 0 && dotted.every((cell) => SHORT_PATH.test(cell)) && cells.some((cell) => SHORT_NUMBER.test(cell));
}

/**
 * DECIMAL_POINT when most figures written with a point can only be read with a decimal point (at least two
 * of them) and none is written the Vietnamese way; a lone "1.5" stays ambiguous, and is refused. STT columns
 * are not looked at.
 */
export function inferNotation(grid: readonly (readonly string[])[]): NumberNotation {
  let pointDecimals = 0;
  let withPoint = 0;
  const width = Math.max(0, ...grid.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, c) => grid.map((row) => (row[c] ?? '').trim()).filter((cell) => cell !== ''));
  for (const raw of columns.filter((cells) => !isNumberingColumn(cells)).flat()) {
    if (!raw.includes('.') && !raw.includes(',')) continue;
    const text = raw.trim().replace(/%$/, '');
    if (VIETNAMESE_ONLY.test(text)) return 'VIETNAMESE';
    if (text.includes('.') && /^[-−]?[\d.,]+$/.test(text)) withPoint++;
    if (POINT_DECIMAL.test(text)) pointDecimals++;
  }
  return pointDecimals >= 2 && pointDecimals * 2 >= withPoint ? 'DECIMAL_POINT' : 'VIETNAMESE';
}

/** A figure of a decimal-point table in Vietnamese notation ("1,234.50" → "1.234,50"); other text unchanged. */
export function inVietnameseNotation(raw: string): string {
  const text = raw.trim();
  return ENGLISH_FIGURE.test(text) ? text.replace(/[.,]/g, (mark) => (mark === '.' ? ',' : '.')) : raw;
}

/** GROUPED "1.070", PLAIN "1070" (four digits or more without a dot), null when the figure cannot tell. */
export type Notation = 'GROUPED' | 'PLAIN' | null;

export type Qualifier = 'ABOUT' | 'NEARLY' | 'ABOVE' | 'BELOW' | 'AT_LEAST' | 'AT_MOST';

export type CellReading =
  | { kind: 'EMPTY' }
  | { kind: 'NUMBER'; value: string; notation: Notation; places: number; percent: boolean }
  | { kind: 'RANGE'; low: string; high: string; places: number }
  | { kind: 'QUALIFIED'; qualifier: Qualifier; value: string; places: number }
  | { kind: 'TEXT'; text: string }
  | { kind: 'INVALID'; error: NumberError };

/** Printed for "nothing here" rather than a figure. */
const NOTHING = new Set(['-', '–', '—', '…', '...', 'x', 'X']);
const NUMBER = String.raw`[-−]?\d[\d.,]*`;
const RANGE = new RegExp(String.raw`^(?:từ\s+)?(${NUMBER})\s*(?:-|–|—|đến|tới)\s*(${NUMBER})\s*%?$`, 'iu');
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/^(?:khoảng|xấp xỉ|ước|~|≈)\s*/iu, 'ABOUT'],
  [/^(?:gần)\s*/iu, 'NEARLY'],
  [/^(?:trên|hơn|>)\s*/iu, 'ABOVE'],
  [/^(?:dưới|<)\s*/iu, 'BELOW'],
  [/^(?:ít nhất|tối thiểu|không dưới|≥|>=)\s*/iu, 'AT_LEAST'],
  [/^(?:tối đa|không quá|≤|<=)\s*/iu, 'AT_MOST'],
];
const LOOKS_NUMERIC = /^[-−+]?[\d.,\s]*\d[\d.,\s]*%?$/;
/** Most cells of a table: digits, dots and commas only, which can be neither a range nor a qualified figure. */
const PLAIN_FIGURE = /^[-−]?\d[\d.,]*%?$/;

function places(canonical: string): number {
  const point = canonical.indexOf('.');
  return point < 0 ? 0 : canonical.length - point - 1;
}

function notationOf(text: string, canonical: string): Notation {
  const integer = text.split(',')[0];
  if (integer.includes('.')) return 'GROUPED';
  return canonical.replace(/^-/, '').split('.')[0].length >= 4 ? 'PLAIN' : null;
}

function figure(text: string): { value: string; notation: Notation } | NumberError {
  const parsed = parseVietnameseNumber(text.replace(/−/g, '-'));
  if (!parsed.ok) return parsed.error;
  return { value: parsed.value!, notation: notationOf(text.trim().replace(/^[-−]/, ''), parsed.value!) };
}

function isError(value: { value: string } | NumberError): value is NumberError {
  return 'code' in value;
}

export function readCellText(raw: string): CellReading {
  const text = raw.normalize('NFC').trim();
  if (text === '' || NOTHING.has(text)) return { kind: 'EMPTY' };
  if (PLAIN_FIGURE.test(text)) return numberReading(text);
  const range = RANGE.exec(text);
  if (range) {
    const [low, high] = [figure(range[1]), figure(range[2])];
    if (isError(low)) return { kind: 'INVALID', error: low };
    if (isError(high)) return { kind: 'INVALID', error: high };
    return { kind: 'RANGE', low: low.value, high: high.value, places: Math.max(places(low.value), places(high.value)) };
  }
  for (const [pattern, qualifier] of QUALIFIERS) {
    const match = pattern.exec(text);
    const rest = match ? text.slice(match[0].length).replace(/%$/, '').trim() : '';
    if (match && LOOKS_NUMERIC.test(rest)) {
      const parsed = figure(rest);
      if (isError(parsed)) return { kind: 'INVALID', error: parsed };
      return { kind: 'QUALIFIED', qualifier, value: parsed.value, places: places(parsed.value) };
    }
  }
  if (!LOOKS_NUMERIC.test(text)) return { kind: 'TEXT', text };
  return numberReading(text);
}

/** A whole number as most cells print it ("97", "1.234", "5.600.826"), read without the general parser. */
const WHOLE = /^(?:[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d*|0)$/;

function numberReading(text: string): CellReading {
  if (WHOLE.test(text)) {
    const grouped = text.includes('.');
    const value = grouped ? text.replace(/\./g, '') : text;
    return { kind: 'NUMBER', value, notation: grouped ? 'GROUPED' : value.length >= 4 ? 'PLAIN' : null, places: 0, percent: false };
  }
  const percent = text.endsWith('%');
  const parsed = figure(percent ? text.slice(0, -1).trim() : text);
  if (isError(parsed)) return { kind: 'INVALID', error: parsed };
  return { kind: 'NUMBER', value: parsed.value, notation: parsed.notation, places: places(parsed.value), percent };
}

export function isFigure(reading: CellReading): boolean {
  return reading.kind === 'NUMBER' || reading.kind === 'RANGE' || reading.kind === 'QUALIFIED';
}

/** "A1"-style address of a grid cell (0-based row and column). */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}
