/** Reporting deadlines are days in Vietnam: "today" and "when" are read in Asia/Ho_Chi_Minh, whatever the server's zone. */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) an instant falls on in Vietnam. */
export function vietnamDay(at: Date): string {
  return VIETNAM_DAY.format(at);
}

/** Today in Vietnam: the day deadlines, "as of" dates and imports count from, in JavaScript and in SQL alike. */
export function vietnamToday(): string {
  return vietnamDay(new Date());
}

/** Whole days from one YYYY-MM-DD day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
