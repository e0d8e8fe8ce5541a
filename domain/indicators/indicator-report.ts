/**
 * The layout of an indicator report sheet, and the operations that write it. Pure: no Office calls.
 *
 *   row 1  Báo cáo chỉ tiêu — unit (or Cả nước)                      (bold)
 *   row 2  as of · period from–to · breakdown                          (italic)
 *   row 3  pulled at · server · read-only
 *   row 5  headers
 *   row 6… one row per unit × indicator, in the server's order (a unit, then the units below it):
 *          unit | indicator | unit of measure | baseline period | baseline | target period | comparator |
 *          target | actual period | actual | gap | % achieved | % time elapsed | status | notes |
 *          one actual per period of the series (units × periods)
 *   then, per indicator, a small "target vs actual" block (unit | target | actual) that a native
 *   clustered column chart draws, placed beside it.
 *
 * Numbers go in as numbers (exact doubles) with as many decimals shown as the value has; empty stays
 * empty, never 0 — in the table and in the chart's data, where an empty cell is a gap, not a zero bar.
 * The status column gets one conditional fill per status, so colours follow the text even when the
 * report is rewritten.
 */
import { boxA1, columnLetters } from '../sheet/a1';
import { DEFAULT_CHUNK_BYTES } from '../sheet/chunks';
import { type Cell, blockOps, decimalCell, headerOps, textCell, titleOps } from '../sheet/cell-blocks';
import type { SheetOp } from '../sheet/sheet-ops';
import { FILL, type Lang } from '../sheet/table-sheet';
import type { ReportQuery } from './report-query';
import type { ProgressEntry } from './progress-entry';
import type { Comparator, ProgressPoint, ProgressStatus } from './progress';

/** The sheet a report is written on. */
export function reportSheetName(lang: Lang): string {
  return lang === 'vi' ? 'Báo cáo chỉ tiêu' : 'Indicator report';
}

export const REPORT_HEADER_ROW = 4;
export const REPORT_FIRST_DATA_ROW = 5;

/** Columns of the report table (0-based); the series of actuals follows NOTES. */
export const REPORT_COLUMNS = {
  unit: 0,
  indicator: 1,
  unitOfMeasure: 2,
  baselinePeriod: 3,
  baseline: 4,
  targetPeriod: 5,
  comparator: 6,
  target: 7,
  actualPeriod: 8,
  actual: 9,
  gap: 10,
  percentAchieved: 11,
  percentElapsed: 12,
  status: 13,
  notes: 14,
} as const;

const FIRST_SERIES_COLUMN = REPORT_COLUMNS.notes + 1;

/** Fill of each status: green achieved, light green on track, amber at risk, red off track, grey not assessed. */
export const STATUS_FILL: Record<ProgressStatus, string> = {
  ACHIEVED: '#A9D08E',
  ON_TRACK: '#E2EFDA',
  AT_RISK: '#FFD966',
  OFF_TRACK: '#F8A5A5',
  NOT_ASSESSED: '#D9D9D9',
};

/**
 * Status texts. Excel's text rule is "contains" (case-insensitive): no text may contain another, or a
 * cell would match two rules.
 */
const STATUS_TEXT: Record<Lang, Record<ProgressStatus, string>> = {
  vi: { ACHIEVED: 'Đã đạt', ON_TRACK: 'Đúng tiến độ', AT_RISK: 'Có nguy cơ chậm', OFF_TRACK: 'Chậm tiến độ', NOT_ASSESSED: 'Chưa đánh giá' },
  en: { ACHIEVED: 'Achieved', ON_TRACK: 'On track', AT_RISK: 'At risk', OFF_TRACK: 'Off track', NOT_ASSESSED: 'Not assessed' },
};

export const STATUSES = Object.keys(STATUS_FILL) as ProgressStatus[];

export function statusText(status: ProgressStatus, lang: Lang): string {
  return STATUS_TEXT[lang][status];
}

const UNIT_OF_MEASURE: Record<Lang, Record<string, string>> = {
  vi: { PERCENT: '%', PERCENTAGE_POINTS: 'điểm %', HOUSEHOLDS: 'hộ', PERSONS: 'người', WORKERS: 'lao động', HOUSES: 'căn nhà', MODELS: 'mô hình', CHILDREN: 'trẻ em', COUNT: 'số lượng', MILLION_VND: 'triệu đồng' },
  en: { PERCENT: '%', PERCENTAGE_POINTS: 'percentage points', HOUSEHOLDS: 'households', PERSONS: 'persons', WORKERS: 'workers', HOUSES: 'houses', MODELS: 'models', CHILDREN: 'children', COUNT: 'count', MILLION_VND: 'million VND' },
};

/** "dưới 0,15 %" is target 0.15 with comparator LT; an exact target needs no sign. */
const COMPARATOR_SIGN: Record<Comparator, string> = { EQ: '', LT: '<', LE: '≤', GT: '>', GE: '≥', APPROX: '≈' };

const PROBLEM_TEXT: Record<Lang, Record<string, string>> = {
  vi: { NO_NUMERATOR: 'thiếu tử số', NO_DENOMINATOR: 'thiếu mẫu số', ZERO_DENOMINATOR: 'mẫu số bằng 0' },
  en: { NO_NUMERATOR: 'no numerator', NO_DENOMINATOR: 'no denominator', ZERO_DENOMINATOR: 'zero denominator' },
};

const BREAKDOWN_TEXT: Record<Lang, Record<ReportQuery['breakdown'], string>> = {
  vi: { NONE: 'chỉ đơn vị đã chọn', CHILDREN: 'và các đơn vị trực thuộc', DESCENDANTS: 'và mọi đơn vị cấp dưới' },
  en: { NONE: 'the unit only', CHILDREN: 'and the units one level below', DESCENDANTS: 'and every unit below' },
};

/** At most this many units per chart: a chart of thousands of communes says nothing. */
export const MAX_CHART_UNITS = 40;
/** Rows a chart covers at least, so it is readable beside a short block. */
const CHART_ROWS = 16;
const CHART_LEFT_COLUMN = 4;
const CHART_RIGHT_COLUMN = 11;

export interface ReportInput {
  query: ReportQuery;
  entries: ProgressEntry[];
  pulledAt: string;
  serverUrl: string;
  lang: Lang;
}

export interface ReportChart {
  /** The block the chart draws: unit | target | actual, with a header row. */
  source: string;
  position: string;
  title: string;
}

export interface ReportLayout {
  ops: SheetOp[];
  /** The status cells of the table (null when the answer is empty). */
  statusAddress: string | null;
  charts: ReportChart[];
  /** Period keys of the series columns, in order. */
  periods: string[];
}

export function wholeCountry(lang: Lang): string {
  return lang === 'vi' ? 'Cả nước' : 'Whole country';
}

function unitName(entry: ProgressEntry, lang: Lang): string {
  return entry.unit?.name ?? wholeCountry(lang);
}

function indicatorName(entry: ProgressEntry, lang: Lang): string {
  return lang === 'vi' ? entry.indicator.name : entry.indicator.nameEn;
}

function unitOfMeasure(unit: string, lang: Lang): string {
  return UNIT_OF_MEASURE[lang][unit] ?? unit;
}

function displayDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return lang === 'vi' ? `${match[3]}/${match[2]}/${match[1]}` : `${match[1]}-${match[2]}-${match[3]}`;
}

function titleTexts(input: ReportInput): string[] {
  const { query, entries, lang } = input;
  const subject = query.unitId === null ? wholeCountry(lang) : (entries[0]?.unit?.name ?? '');
  const asOf = displayDate(query.asOf ?? input.pulledAt, lang);
  const range = query.from || query.to ? `${query.from ? displayDate(query.from, lang) : '…'}–${query.to ? displayDate(query.to, lang) : '…'}` : null;
  const pulledAt = new Date(input.pulledAt);
  const when = Number.isNaN(pulledAt.getTime()) ? input.pulledAt : pulledAt.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const breakdown = BREAKDOWN_TEXT[lang][query.breakdown];
  return lang === 'vi'
    ? [
        `Báo cáo chỉ tiêu — ${subject}`,
        [`Đơn vị hành chính ngày ${asOf}`, range && `Kỳ ${range}`, `Phạm vi: ${breakdown}`].filter(Boolean).join(' · '),
        `Lấy về lúc ${when} · Máy chủ ${input.serverUrl} · Chỉ đọc: bấm "Cập nhật báo cáo" để lấy lại số liệu`,
      ]
    : [
        `Indicator report — ${subject}`,
        [`Units as of ${asOf}`, range && `Period ${range}`, `Scope: ${breakdown}`].filter(Boolean).join(' · '),
        `Pulled at ${when} · Server ${input.serverUrl} · Read-only: press "Refresh report" to pull the figures again`,
      ];
}

function headerTexts(lang: Lang, periods: string[]): string[] {
  const fixed =
    lang === 'vi'
      ? ['Đơn vị', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ gốc', 'Giá trị gốc', 'Kỳ mục tiêu', 'So sánh', 'Mục tiêu', 'Kỳ thực hiện', 'Thực hiện', 'Chênh lệch (TH − MT)', '% đạt', '% thời gian', 'Trạng thái', 'Ghi chú']
      : ['Unit', 'Indicator', 'Unit of measure', 'Baseline period', 'Baseline', 'Target period', 'Comparator', 'Target', 'Actual period', 'Actual', 'Gap (actual − target)', '% achieved', '% time elapsed', 'Status', 'Notes'];
  return [...fixed, ...periods.map((period) => (lang === 'vi' ? `Thực hiện ${period}` : `Actual ${period}`))];
}

/** The periods of every series, oldest first (by period end, then key). */
export function seriesPeriods(entries: ProgressEntry[]): string[] {
  const ends = new Map<string, string>();
  for (const entry of entries) for (const point of entry.series) ends.set(point.periodKey, point.periodEnd);
  return [...ends].sort(([keyA, endA], [keyB, endB]) => endA.localeCompare(endB) || keyA.localeCompare(keyB)).map(([key]) => key);
}

function notesOf(entry: ProgressEntry, lang: Lang): string {
  const problems = [...new Set([entry.baseline, entry.target, entry.actual].map((point) => point?.problem).filter((problem): problem is string => !!problem))];
  const notes = problems.map((problem) => PROBLEM_TEXT[lang][problem] ?? problem);
  const names = (units: { name: string }[]) => units.map((unit) => unit.name).join(', ');
  if (entry.unitsWithoutData.length > 0) notes.push(`${lang === 'vi' ? 'Chưa có số liệu' : 'No data'}: ${names(entry.unitsWithoutData)}`);
  if (entry.notComparableUnits.length > 0) notes.push(`${lang === 'vi' ? 'Không so sánh được' : 'Not comparable'}: ${names(entry.notComparableUnits)}`);
  return notes.join('; ');
}

const text = textCell;
const decimal = (value: string | null | undefined): Cell => decimalCell(value);
const periodOf = (point: ProgressPoint | null): Cell => text(point?.periodKey);

function rowCells(entry: ProgressEntry, lang: Lang, periods: string[]): Cell[] {
  const series = new Map(entry.series.map((point) => [point.periodKey, point.value]));
  return [
    text(unitName(entry, lang)),
    text(indicatorName(entry, lang)),
    text(unitOfMeasure(entry.indicator.unit, lang)),
    periodOf(entry.baseline),
    decimal(entry.baseline?.value),
    periodOf(entry.target),
    text(entry.target ? COMPARATOR_SIGN[entry.target.comparator] : ''),
    decimal(entry.target?.value),
    periodOf(entry.actual),
    decimal(entry.actual?.value),
    decimal(entry.gap),
    decimal(entry.percentAchieved),
    decimal(entry.percentElapsed),
    text(statusText(entry.status, lang)),
    text(notesOf(entry, lang)),
    ...periods.map((period) => decimal(series.get(period))),
  ];
}

const columns = (left: number, right = left) => `${columnLetters(left)}:${columnLetters(right)}`;

/**
 * Every operation that writes the report into an empty, unprotected sheet (the caller clears it, removes
 * its charts and conditional formats first, and protects it after), plus where its parts are.
 */
export function reportOperations(input: ReportInput, options: { chunkBytes?: number } = {}): ReportLayout {
  const { entries, lang } = input;
  const budget = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const periods = seriesPeriods(entries);
  const headers = headerTexts(lang, periods);
  const right = headers.length - 1;
  const ops: SheetOp[] = [];

  ops.push(...titleOps(titleTexts(input)));
  ops.push(...headerOps(REPORT_HEADER_ROW, headers));
  ops.push({ kind: 'columnWidth', address: columns(REPORT_COLUMNS.unit), width: 160 });
  ops.push({ kind: 'columnWidth', address: columns(REPORT_COLUMNS.indicator), width: 240 });
  ops.push({ kind: 'columnWidth', address: columns(REPORT_COLUMNS.unitOfMeasure, REPORT_COLUMNS.percentElapsed), width: 76 });
  ops.push({ kind: 'columnWidth', address: columns(REPORT_COLUMNS.status), width: 110 });
  ops.push({ kind: 'columnWidth', address: columns(REPORT_COLUMNS.notes), width: 220 });
  if (periods.length > 0) ops.push({ kind: 'columnWidth', address: columns(FIRST_SERIES_COLUMN, right), width: 76 });

  ops.push(...blockOps(entries.map((entry) => rowCells(entry, lang, periods)), REPORT_FIRST_DATA_ROW, budget));

  let statusAddress: string | null = null;
  if (entries.length > 0) {
    const bottom = REPORT_FIRST_DATA_ROW + entries.length - 1;
    statusAddress = boxA1({ top: REPORT_FIRST_DATA_ROW, left: REPORT_COLUMNS.status, bottom, right: REPORT_COLUMNS.status });
    ops.push({ kind: 'wrap', address: boxA1({ top: REPORT_FIRST_DATA_ROW, left: REPORT_COLUMNS.notes, bottom, right: REPORT_COLUMNS.notes }), wrap: true });
    for (const status of STATUSES) ops.push({ kind: 'conditionalFill', address: statusAddress, text: statusText(status, lang), color: STATUS_FILL[status] });
  }

  const charts = chartBlocks(input, REPORT_FIRST_DATA_ROW + entries.length + 1);
  for (const chart of charts) {
    ops.push(...blockOps(chart.rows, chart.top, budget));
    const header = boxA1({ top: chart.top, left: 0, bottom: chart.top, right: 2 });
    ops.push({ kind: 'fill', address: header, color: FILL.header });
    ops.push({ kind: 'font', address: header, font: { bold: true } });
    ops.push({ kind: 'columnChart', address: chart.source, title: chart.title, position: chart.position });
  }
  return { ops, statusAddress, charts: charts.map(({ source, position, title }) => ({ source, position, title })), periods };
}

/** One "unit | target | actual" block per indicator, one under the other, each with its chart beside it. */
function chartBlocks(input: ReportInput, firstRow: number): (ReportChart & { rows: Cell[][]; top: number })[] {
  const { entries, lang } = input;
  const byIndicator = new Map<string, ProgressEntry[]>();
  for (const entry of entries) byIndicator.set(entry.indicator.key, [...(byIndicator.get(entry.indicator.key) ?? []), entry]);
  const blocks: (ReportChart & { rows: Cell[][]; top: number })[] = [];
  let top = firstRow + 1;
  for (const ofIndicator of byIndicator.values()) {
    const shown = ofIndicator.slice(0, MAX_CHART_UNITS);
    const first = shown[0];
    const header = lang === 'vi' ? ['Đơn vị', 'Mục tiêu', 'Thực hiện'] : ['Unit', 'Target', 'Actual'];
    const rows: Cell[][] = [header.map(text), ...shown.map((entry) => [text(unitName(entry, lang)), decimal(entry.target?.value), decimal(entry.actual?.value)])];
    const bottom = top + rows.length - 1;
    const more = ofIndicator.length > shown.length ? (lang === 'vi' ? ` — ${shown.length} đơn vị đầu tiên` : ` — first ${shown.length} units`) : '';
    blocks.push({
      rows,
      top,
      source: boxA1({ top, left: 0, bottom, right: 2 }),
      position: boxA1({ top, left: CHART_LEFT_COLUMN, bottom: top + CHART_ROWS - 1, right: CHART_RIGHT_COLUMN }),
      title: `${indicatorName(first, lang)} (${unitOfMeasure(first.indicator.unit, lang)}): ${lang === 'vi' ? 'mục tiêu và thực hiện' : 'target and actual'}${more}`,
    });
    top += Math.max(rows.length, CHART_ROWS) + 1;
  }
  return blocks;
}
