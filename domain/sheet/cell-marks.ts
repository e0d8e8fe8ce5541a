/** Findings → one mark per cell (fill colour by severity, a note with every message), for the add-in and marked workbooks alike. Pure. */
import type { SyncFinding } from '../sync/sync-types';
import type { Lang } from './table-sheet';

export type MarkSeverity = 'ERROR' | 'WARNING';

export interface CellMark {
  address: string;
  severity: MarkSeverity;
  messages: { vi: string; en: string }[];
}

/** An ERROR that was already in the stored table does not block a push: it is shown like a warning. */
export function effectiveSeverity(finding: Pick<SyncFinding, 'severity' | 'preExisting'>): MarkSeverity {
  return finding.severity === 'ERROR' && !finding.preExisting ? 'ERROR' : 'WARNING';
}

/** Adds a message to the mark of its cell; an error outranks a warning. */
export function addMark(marks: Map<string, CellMark>, address: string, severity: MarkSeverity, message: { vi: string; en: string }): void {
  const mark = marks.get(address) ?? { address, severity, messages: [] };
  if (severity === 'ERROR') mark.severity = 'ERROR';
  mark.messages.push(message);
  marks.set(address, mark);
}

export function noteText(mark: CellMark, lang: Lang): string {
  const head = lang === 'vi' ? (mark.severity === 'ERROR' ? 'PlanBridge — Lỗi' : 'PlanBridge — Cảnh báo') : mark.severity === 'ERROR' ? 'PlanBridge — Error' : 'PlanBridge — Warning';
  return [head, ...mark.messages.map((message) => (lang === 'vi' ? message.vi : message.en))].join('\n');
}
