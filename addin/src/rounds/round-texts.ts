/**
 * Words of reporting rounds shared by the card and its sheets, in Vietnamese and English. A state's text is
 * also the text the status sheet's conditional fills look for: Excel's rule is "contains", so no text may
 * contain another.
 */
import type { Lang } from '../api/types';
import type { IncludedStatus, ReportState, RoundOption, ViewUnit } from './round-api';

export const STATE_TEXT: Record<Lang, Record<ReportState, string>> = {
  vi: { NOT_STARTED: 'Chưa bắt đầu', DRAFT: 'Đang nhập', SUBMITTED: 'Đã gửi', APPROVED: 'Đã duyệt' },
  en: { NOT_STARTED: 'Not started', DRAFT: 'Draft', SUBMITTED: 'Submitted', APPROVED: 'Approved' },
};

/** Grey not started, amber draft, light green submitted, green approved. */
export const STATE_FILL: Record<ReportState, string> = { NOT_STARTED: '#D9D9D9', DRAFT: '#FFD966', SUBMITTED: '#E2EFDA', APPROVED: '#A9D08E' };
export const LATE_FILL = '#F8A5A5';

export const STATES = Object.keys(STATE_FILL) as ReportState[];

/** Which reports a consolidation counts, as the card offers them. */
export const INCLUDE_CHOICES: IncludedStatus[][] = [['APPROVED'], ['APPROVED', 'SUBMITTED'], ['APPROVED', 'SUBMITTED', 'DRAFT']];

export function includedText(included: IncludedStatus[], lang: Lang): string {
  return included.map((status) => STATE_TEXT[lang][status]).join(', ');
}

export function displayDate(iso: string | null, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!match) return iso ?? '';
  return lang === 'vi' ? `${match[3]}/${match[2]}/${match[1]}` : `${match[1]}-${match[2]}-${match[3]}`;
}

export function displayTime(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
}

export function roundLabel(round: RoundOption, lang: Lang): string {
  const scope = round.scopeUnit?.name ?? (lang === 'vi' ? 'cả nước' : 'whole country');
  return lang === 'vi'
    ? `${round.form.title} — kỳ ${round.periodKey} — ${scope} (hạn ${displayDate(round.deadline, lang)})`
    : `${round.form.title} — ${round.periodKey} — ${scope} (due ${displayDate(round.deadline, lang)})`;
}

export function viewUnitName(unit: ViewUnit, lang: Lang): string {
  return unit.name ?? (lang === 'vi' ? 'Cả nước' : 'Whole country');
}

/** The third line of every sheet the card writes: when, from where, and that it is read-only. */
export function pulledLine(pulledAt: string, serverUrl: string, lang: Lang): string {
  const when = displayTime(pulledAt, lang);
  return lang === 'vi'
    ? `Lấy về lúc ${when} · Máy chủ ${serverUrl} · Chỉ đọc: số liệu của máy chủ, lấy lại từ thẻ "Báo cáo của cấp dưới"`
    : `Pulled at ${when} · Server ${serverUrl} · Read-only: the server's figures, pull again from the "Reports from units below" card`;
}
