/**
 * The status sheet of a reporting round: who has reported, written read-only. Pure: no Office calls.
 *
 *   rows 1–3  title · unit, deadline, today · pulled at, server, read-only
 *   row 5     counts header; row 6 the whole, then one row per parent unit
 *   then      the units header and one row per unit, late ones first (the server's order)
 *
 * Counts and days late go in as numbers, percentages as exact decimals; what the server leaves empty
 * (a percentage of nothing expected, days late of a report on time) stays empty, never 0.
 */
import { boxA1, columnLetters } from '../../../domain/sheet/a1';
import { DEFAULT_CHUNK_BYTES } from '../../../domain/sheet/chunks';
import { type Cell, blockOps, decimalCell, headerOps, textCell, titleOps } from '../../../domain/sheet/cell-blocks';
import type { SheetOp } from '../excel/gateway';
import type { Lang } from '../api/types';
import type { ReportCounts, RoundOption, RoundStatus, UnitStatus, ViewUnit } from './round-api';
import { LATE_FILL, STATES, STATE_FILL, STATE_TEXT, displayDate, displayTime, pulledLine, viewUnitName } from './round-texts';

export const COUNTS_HEADER_ROW = 4;

export interface StatusSheetInput {
  round: RoundOption;
  view: ViewUnit;
  status: RoundStatus;
  pulledAt: string;
  serverUrl: string;
  lang: Lang;
}

export interface StatusLayout {
  ops: SheetOp[];
  /** 0-based row of the units' header. */
  unitsHeaderRow: number;
}

const COUNT_HEADERS: Record<Lang, string[]> = {
  vi: ['Đơn vị', 'Phải báo cáo', 'Chưa bắt đầu', 'Đang nhập', 'Đã gửi', 'Đã duyệt', 'Trễ hạn', 'Đã nhận', 'Đúng hạn', 'Tỷ lệ đầy đủ (%)', 'Tỷ lệ đúng hạn (%)'],
  en: ['Unit', 'Expected', 'Not started', 'Draft', 'Submitted', 'Approved', 'Late', 'Received', 'On time', 'Completeness (%)', 'Timeliness (%)'],
};

const UNIT_HEADERS: Record<Lang, string[]> = {
  vi: ['Đơn vị', 'Mã', 'Trực thuộc', 'Trạng thái', 'Số ngày trễ', 'Người cập nhật', 'Cập nhật lúc', 'Gửi lúc', 'Ghi chú'],
  en: ['Unit', 'Key', 'Belongs to', 'State', 'Days late', 'Last by', 'Last at', 'Submitted at', 'Notes'],
};

const count = (value: number): Cell => decimalCell(String(value));

function countCells(name: string, counts: ReportCounts): Cell[] {
  return [
    textCell(name),
    ...[counts.expected, counts.notStarted, counts.draft, counts.submitted, counts.approved, counts.late, counts.received, counts.onTime].map(count),
    decimalCell(counts.completenessPercent),
    decimalCell(counts.timelinessPercent),
  ];
}

function notes(unit: UnitStatus, lang: Lang): string {
  const parts: string[] = [];
  if (unit.unitValidTo) parts.push(lang === 'vi' ? `Đơn vị đã sắp xếp lại sau ngày ${displayDate(unit.unitValidTo, lang)}` : `Unit reorganised after ${displayDate(unit.unitValidTo, lang)}`);
  if (unit.consolidating) parts.push(lang === 'vi' ? 'Báo cáo tổng hợp của đơn vị' : 'The unit\'s consolidated report');
  return parts.join('; ');
}

function unitCells(unit: UnitStatus, lang: Lang): Cell[] {
  return [
    textCell(unit.unitName),
    textCell(unit.unitKey),
    textCell(unit.parentName),
    textCell(STATE_TEXT[lang][unit.state]),
    unit.daysLate === null ? textCell(null) : count(unit.daysLate),
    textCell(unit.lastBy),
    textCell(displayTime(unit.lastAt, lang)),
    textCell(displayTime(unit.submittedAt, lang)),
    textCell(notes(unit, lang)),
  ];
}

function titles(input: StatusSheetInput): string[] {
  const { round, view, status, lang } = input;
  const unit = viewUnitName(view, lang);
  return lang === 'vi'
    ? [`Tình hình báo cáo — ${round.form.title} — kỳ ${round.periodKey}`, `${unit} · Hạn nộp ${displayDate(status.deadline, lang)} · Ngày ${displayDate(status.today, lang)}`, pulledLine(input.pulledAt, input.serverUrl, lang)]
    : [`Reporting status — ${round.form.title} — ${round.periodKey}`, `${unit} · Due ${displayDate(status.deadline, lang)} · Today ${displayDate(status.today, lang)}`, pulledLine(input.pulledAt, input.serverUrl, lang)];
}

/** Every operation that writes the status sheet into a new, empty sheet (protected by the caller's batches). */
export function statusSheetOperations(input: StatusSheetInput, options: { chunkBytes?: number } = {}): StatusLayout {
  const { status, lang } = input;
  const budget = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const ops: SheetOp[] = [...titleOps(titles(input))];

  ops.push(...headerOps(COUNTS_HEADER_ROW, COUNT_HEADERS[lang]));
  const whole = lang === 'vi' ? 'Tổng cộng' : 'Total';
  const countRows = [countCells(whole, status.total), ...status.byParent.map((group) => countCells(group.name, group))];
  ops.push(...blockOps(countRows, COUNTS_HEADER_ROW + 1, budget));
  ops.push({ kind: 'font', address: boxA1({ top: COUNTS_HEADER_ROW + 1, left: 0, bottom: COUNTS_HEADER_ROW + 1, right: COUNT_HEADERS[lang].length - 1 }), font: { bold: true } });

  const unitsHeaderRow = COUNTS_HEADER_ROW + countRows.length + 2;
  ops.push(...headerOps(unitsHeaderRow, UNIT_HEADERS[lang]));
  const first = unitsHeaderRow + 1;
  ops.push(...blockOps(status.units.map((unit) => unitCells(unit, lang)), first, budget));
  if (status.units.length > 0) {
    const states = boxA1({ top: first, left: 3, bottom: first + status.units.length - 1, right: 3 });
    for (const state of STATES) ops.push({ kind: 'conditionalFill', address: states, text: STATE_TEXT[lang][state], color: STATE_FILL[state] });
  }
  // Late units come first: their days-late cells are one range.
  const late = status.units.filter((unit) => unit.daysLate !== null && unit.daysLate > 0).length;
  if (late > 0) ops.push({ kind: 'fill', address: boxA1({ top: first, left: 4, bottom: first + late - 1, right: 4 }), color: LATE_FILL });

  ops.push({ kind: 'columnWidth', address: 'A:A', width: 200 });
  ops.push({ kind: 'columnWidth', address: `B:${columnLetters(COUNT_HEADERS[lang].length - 1)}`, width: 84 });
  ops.push({ kind: 'columnWidth', address: 'C:C', width: 160 });
  ops.push({ kind: 'columnWidth', address: 'F:H', width: 130 });
  ops.push({ kind: 'columnWidth', address: 'I:I', width: 220 });
  return { ops, unitsHeaderRow };
}
