import { ExactDecimal, toCanonical } from '../exact-decimal';
import { daysBetween } from './calendar';

/**
 * Where a unit's report stands. NOT_STARTED: nothing was ever pushed; DRAFT: pushed, not submitted;
 * late is separate (a draft or a report submitted after the deadline is late by some days).
 */
export type ReportState = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'APPROVED';

export interface UnitReport {
  state: ReportState;
  /** Days past the deadline: of today for an unsubmitted report, of the submission day for a submitted one; null when not late. */
  daysLate: number | null;
}

export interface Counts {
  expected: number;
  notStarted: number;
  draft: number;
  submitted: number;
  approved: number;
  late: number;
  /** Submitted or approved. */
  received: number;
  /** Received no later than the deadline. */
  onTime: number;
  /** received ÷ expected, in percent with one decimal, as statisticians count completeness. */
  completenessPercent: string | null;
  /** onTime ÷ expected, in percent with one decimal (timeliness). */
  timelinessPercent: string | null;
}

function percent(part: number, whole: number): string | null {
  return whole === 0 ? null : toCanonical(new ExactDecimal(part).times(100).div(whole).toDecimalPlaces(1));
}

export function countReports(reports: Iterable<UnitReport>): Counts {
  let expected = 0, notStarted = 0, draft = 0, submitted = 0, approved = 0, late = 0, onTime = 0;
  for (const report of reports) {
    expected++;
    if (report.state === 'NOT_STARTED') notStarted++;
    else if (report.state === 'DRAFT') draft++;
    else if (report.state === 'SUBMITTED') submitted++;
    else approved++;
    if (report.daysLate !== null) late++;
    else if (report.state === 'SUBMITTED' || report.state === 'APPROVED') onTime++;
  }
  const received = submitted + approved;
  return { expected, notStarted, draft, submitted, approved, late, received, onTime, completenessPercent: percent(received, expected), timelinessPercent: percent(onTime, expected) };
}

/** A unit's lateness: after the deadline, an unsubmitted report is late by the days since; a submitted one by the days it came after. */
export function daysLate(state: ReportState, deadline: string, today: string, submittedOn: string | null): number | null {
  const received = state === 'SUBMITTED' || state === 'APPROVED';
  const day = received ? submittedOn : today;
  if (day === null) return null;
  const days = daysBetween(deadline, day);
  return days > 0 ? days : null;
}
