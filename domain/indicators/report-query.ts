/**
 * What an indicator report asks the server (indicatorProgress's arguments), read from the add-in pane's form or
 * the report download's address. Pure: the report sheet keeps the query so "Refresh" asks again.
 */
import type { ProgressBreakdown } from './progress-entry';

/** What can be wrong with a form, in both languages: the pane shows it, the report download answers it. */
export const REPORT_QUERY_PROBLEMS = {
  pickIndicators: { vi: 'Hãy chọn ít nhất một chỉ tiêu.', en: 'Choose at least one indicator.' },
  badDate: { vi: 'Ngày phải có dạng năm-tháng-ngày (2024-06-30).', en: 'Dates are written year-month-day (2024-06-30).' },
  periodBackwards: { vi: 'Kỳ báo cáo ngược: ngày bắt đầu sau ngày kết thúc.', en: 'The period is backwards: it starts after it ends.' },
} as const;

export type ReportQueryProblem = keyof typeof REPORT_QUERY_PROBLEMS;

export interface ReportQuery {
  /** null: the whole country. */
  unitId: string | null;
  indicatorKeys: string[];
  /** YYYY-MM-DD; null: the server's today, at each refresh. */
  asOf: string | null;
  from: string | null;
  to: string | null;
  breakdown: ProgressBreakdown;
}

/** The form's raw values: '' where nothing was chosen. */
export interface ReportForm {
  unitId: string;
  indicatorKeys: string[];
  asOf: string;
  from: string;
  to: string;
  breakdown: string;
}

export const BREAKDOWNS: readonly ProgressBreakdown[] = ['NONE', 'CHILDREN', 'DESCENDANTS'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query of a filled form, or the message saying what is missing or wrong. */
export function reportQueryFromForm(form: ReportForm): { query: ReportQuery } | { problem: ReportQueryProblem } {
  if (form.indicatorKeys.length === 0) return { problem: 'pickIndicators' };
  const [asOf, from, to] = [form.asOf, form.from, form.to].map((text) => text.trim() || null);
  if ([asOf, from, to].some((date) => date !== null && !DATE.test(date))) return { problem: 'badDate' };
  // ISO dates compare as text.
  if (from && to && from > to) return { problem: 'periodBackwards' };
  const breakdown = BREAKDOWNS.find((candidate) => candidate === form.breakdown) ?? 'NONE';
  return { query: { unitId: form.unitId || null, indicatorKeys: [...form.indicatorKeys], asOf, from, to, breakdown } };
}
