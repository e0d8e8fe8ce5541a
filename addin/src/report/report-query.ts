/**
 * What an indicator report asks the server (indicatorProgress's arguments), read from the pane's form.
 * Pure: the pane passes the form's values, the report sheet keeps the query so "Refresh" asks again.
 */
import type { MessageKey } from '../pane/i18n';
import type { ProgressBreakdown } from '../api/types';

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
export function reportQueryFromForm(form: ReportForm): { query: ReportQuery } | { problem: MessageKey } {
  if (form.indicatorKeys.length === 0) return { problem: 'pickIndicators' };
  const [asOf, from, to] = [form.asOf, form.from, form.to].map((text) => text.trim() || null);
  if ([asOf, from, to].some((date) => date !== null && !DATE.test(date))) return { problem: 'badDate' };
  // ISO dates compare as text.
  if (from && to && from > to) return { problem: 'periodBackwards' };
  const breakdown = BREAKDOWNS.find((candidate) => candidate === form.breakdown) ?? 'NONE';
  return { query: { unitId: form.unitId || null, indicatorKeys: [...form.indicatorKeys], asOf, from, to, breakdown } };
}
