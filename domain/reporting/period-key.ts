/**
 * Reporting periods named by key: "2025" (YEAR), "2025-H1" (HALF_YEAR), "2025-Q3" (QUARTER),
 * "2025-07" (MONTH). A round covers one period; its units are those that exist on the period's last day.
 */
export type PeriodType = 'YEAR' | 'HALF_YEAR' | 'QUARTER' | 'MONTH';

export const PERIOD_TYPES: readonly PeriodType[] = ['YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH'];

export interface ReportingPeriod {
  key: string;
  type: PeriodType;
  /** First and last day, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  labelVi: string;
  labelEn: string;
}

const PATTERNS: Record<PeriodType, { pattern: RegExp; exampleVi: string; months: (part: number) => [number, number] | null }> = {
  YEAR: { pattern: /^(\d{4})$/, exampleVi: '"2025"', months: () => [1, 12] },
  HALF_YEAR: { pattern: /^(\d{4})-H(\d)$/, exampleVi: '"2025-H1"', months: (h) => (h >= 1 && h <= 2 ? [h * 6 - 5, h * 6] : null) },
  QUARTER: { pattern: /^(\d{4})-Q(\d)$/, exampleVi: '"2025-Q3"', months: (q) => (q >= 1 && q <= 4 ? [q * 3 - 2, q * 3] : null) },
  MONTH: { pattern: /^(\d{4})-(\d{2})$/, exampleVi: '"2025-07"', months: (m) => (m >= 1 && m <= 12 ? [m, m] : null) },
};

const TYPE_NAMES: Record<PeriodType, [string, string]> = {
  YEAR: ['năm', 'year'],
  HALF_YEAR: ['6 tháng', 'half-year'],
  QUARTER: ['quý', 'quarter'],
  MONTH: ['tháng', 'month'],
};

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function labels(type: PeriodType, year: number, part: number): [string, string] {
  switch (type) {
    case 'YEAR':
      return [`Năm ${year}`, `Year ${year}`];
    case 'HALF_YEAR':
      return [part === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`, `${part === 1 ? 'First' : 'Second'} half of ${year}`];
    case 'QUARTER':
      return [`Quý ${part} năm ${year}`, `Q${part} ${year}`];
    case 'MONTH':
      return [`Tháng ${part} năm ${year}`, `${year}-${String(part).padStart(2, '0')}`];
  }
}

export type PeriodKeyResult = { ok: true; period: ReportingPeriod } | { ok: false; messageVi: string; messageEn: string };

/** Reads a period key of the given type; a key of another type or shape is refused, saying what was expected. */
export function parsePeriodKey(key: string, type: PeriodType): PeriodKeyResult {
  const spec = PATTERNS[type];
  const match = spec.pattern.exec(key.trim());
  const year = match ? Number(match[1]) : NaN;
  const part = match && match[2] !== undefined ? Number(match[2]) : 1;
  const months = match && year >= 1900 && year <= 2200 ? spec.months(part) : null;
  if (!months) {
    const [vi, en] = TYPE_NAMES[type];
    return {
      ok: false,
      messageVi: `Kỳ báo cáo "${key}" không khớp loại kỳ của biểu mẫu (${vi}); ví dụ ${spec.exampleVi}`,
      messageEn: `The period "${key}" does not match the form's period type (${en}); e.g. ${spec.exampleVi}`,
    };
  }
  const [labelVi, labelEn] = labels(type, year, part);
  return {
    ok: true,
    period: {
      key: key.trim(),
      type,
      startsOn: `${year}-${String(months[0]).padStart(2, '0')}-01`,
      endsOn: lastDayOf(year, months[1]),
      labelVi,
      labelEn,
    },
  };
}
