/**
 * What a column of a published table holds, read from its header and unit the way a reader does:
 * "Tổng số (triệu đồng)" is money in millions, "Số hộ nghèo" a count, "Tỷ lệ (%)" a rate.
 */
import { foldLabel } from '../label-match';

export type ImportColumnType = 'stt' | 'label' | 'unit' | 'money' | 'count' | 'rate' | 'measure' | 'text';

/** Money scales as printed: đồng, nghìn đồng, triệu đồng, tỷ đồng. */
export type MoneyScale = 'đồng' | 'nghìn' | 'triệu' | 'tỷ';

const STT_HEADERS = new Set(['stt', 'tt', 'so tt', 'so thu tu']);
const UNIT_HEADERS = /^(don vi tinh|dvt|don vi)$/;
const TOTAL_HEADERS = /^(tong so|tong cong|tong|cong|tong nguon von|tong von|tong kinh phi|tong nhu cau)\b/;
const COUNT_WORDS = /\b(ho|nguoi|lao dong|xa|huyen|thon|ban|ap|hoc sinh|sinh vien|the|nha|cong trinh|mo hinh|du an|lop|luot|doanh nghiep|don vi)\b/;

export function isSttHeader(header: string): boolean {
  return STT_HEADERS.has(foldLabel(header));
}

export function isUnitHeader(header: string): boolean {
  return UNIT_HEADERS.test(foldLabel(header));
}

/** The last part of a multi-row header ("Nguồn vốn / Tổng số" → "Tổng số") names the column itself. */
export function isTotalHeader(header: string): boolean {
  const parts = header.split(' / ');
  return TOTAL_HEADERS.test(foldLabel(parts[parts.length - 1]));
}

export function moneyScale(text: string): MoneyScale | null {
  const folded = foldLabel(text);
  if (/\bty dong\b/.test(folded)) return 'tỷ';
  if (/\btrieu dong\b/.test(folded) || /\btr d\b/.test(folded)) return 'triệu';
  if (/\bnghin dong\b|\bngan dong\b/.test(folded)) return 'nghìn';
  if (/\bdong\b/.test(folded) && !/\bcong dong\b|\bhoat dong\b|\blao dong\b|\bdong bao\b/.test(folded)) return 'đồng';
  return null;
}

export function isRateText(text: string): boolean {
  return text.includes('%') || /\bty le\b/.test(foldLabel(text));
}

export function isCountText(text: string): boolean {
  return COUNT_WORDS.test(foldLabel(text));
}

/**
 * The type of a value column: its own header first, then the table's unit of measure. A column whose
 * figures are all percentages is a rate whatever its header.
 */
export function valueColumnType(header: string, tableUnit: string | null, allPercent: boolean): { type: ImportColumnType; scale: MoneyScale | null } {
  if (allPercent || isRateText(header)) return { type: 'rate', scale: null };
  const headerScale = moneyScale(header);
  if (headerScale) return { type: 'money', scale: headerScale };
  if (/^(tong )?so (ho|nguoi|lao dong)\b/.test(foldLabel(header)) || /\((hộ|người)\)/iu.test(header)) {
    return { type: 'count', scale: null };
  }
  const tableScale = tableUnit ? moneyScale(tableUnit) : null;
  if (tableScale) return { type: 'money', scale: tableScale };
  if (tableUnit && isRateText(tableUnit)) return { type: 'rate', scale: null };
  if (isCountText(header) || (tableUnit && isCountText(tableUnit))) return { type: 'count', scale: null };
  return { type: 'measure', scale: null };
}
