/** Bilingual wording of findings: Vietnamese number notation in Vietnamese text, English in English. */
import Decimal from 'decimal.js';
import { toCanonical } from '../exact-decimal';
import { TableSnapshot } from '../table-model';
import { formatEnglish, formatVietnamese } from '../vietnamese-number';

export interface Text {
  vi: string;
  en: string;
}

export interface CellAt {
  row: number;
  column: number;
}

const MAX_LABEL_LENGTH = 60;
const MAX_LISTED = 12;

function shorten(label: string): string {
  const text = label.trim();
  return text.length <= MAX_LABEL_LENGTH ? text : `${text.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…`;
}

export function numberText(value: Decimal | string): Text {
  const canonical = typeof value === 'string' ? value : toCanonical(value);
  return { vi: formatVietnamese(canonical), en: formatEnglish(canonical) };
}

/** "Dòng 2 (Dự án 2: …)", or "Dòng "Trong đó:"" for an unnumbered row. */
export function rowText(snapshot: TableSnapshot, row: number): Text {
  const { publishedNumber, label } = snapshot.rows[row];
  return publishedNumber === null || publishedNumber.trim() === ''
    ? { vi: `Dòng "${shorten(label)}"`, en: `Row "${shorten(label)}"` }
    : { vi: `Dòng ${publishedNumber} (${shorten(label)})`, en: `Row ${publishedNumber} (${shorten(label)})` };
}

export function cellText(snapshot: TableSnapshot, at: CellAt): Text {
  const row = rowText(snapshot, at.row);
  const column = snapshot.columns[at.column].label;
  return { vi: `${row.vi}, cột ${column}`, en: `${row.en}, column ${column}` };
}

/** "A + B + C", or "N …" when the list is too long to read. */
export function listText(names: readonly string[], countVi: string, countEn: string): Text {
  if (names.length > MAX_LISTED) return { vi: `${names.length} ${countVi}`, en: `${names.length} ${countEn}` };
  const joined = names.join(' + ');
  return { vi: joined, en: joined };
}

export function joinTexts(texts: readonly Text[], separator: string): Text {
  return { vi: texts.map((text) => text.vi).join(separator), en: texts.map((text) => text.en).join(separator) };
}
