/**
 * The two read-only sheets of a consolidation (tổng hợp). Pure: no Office calls.
 *
 * The consolidated sheet:
 *   rows 1–3  title · caption, unit of measure, period, the statuses counted · pulled at, server, read-only
 *   row 5     STT | Nội dung | the form's columns;  then the form's rows with the consolidated figures
 *   then      the units counted, the units missing (listed, never counted as zero), the units left out
 *             for want of a split's share, and the form's rules on the consolidated figures
 *
 * The units side by side: the same rows, one group of the form's columns per contributing unit (row 5 the
 * unit, row 6 the columns), each unit's own figures; when the groups would pass Excel's 16,384 columns
 * (thousands of communes), one block of rows per unit instead.
 *
 * Figures go in as numbers when a double holds them exactly, with the column's decimals; empty stays empty.
 */
import { boxA1, columnLetters } from '../../../domain/sheet/a1';
import { labelText } from '../../../domain/sheet/table-sheet';
import { DEFAULT_CHUNK_BYTES } from '../../../domain/sheet/chunks';
import { type Cell, blockOps, decimalCell, headerOps, textCell, titleOps } from '../../../domain/sheet/cell-blocks';
import type { SheetOp } from '../excel/gateway';
import type { GridColumn, GridRow, Lang } from '../api/types';
import type { Consolidated, RoundOption, RoundUnit } from './round-api';
import { STATE_TEXT, includedText, pulledLine } from './round-texts';

export const TABLE_HEADER_ROW = 4;
/** Excel's last column is XFD. */
export const EXCEL_COLUMNS = 16384;
const LABEL_COLUMNS = 2;

export interface ConsolidatedInput {
  round: RoundOption;
  table: Consolidated;
  pulledAt: string;
  serverUrl: string;
  lang: Lang;
}

export interface SideBySideLayout {
  ops: SheetOp[];
  arrangement: 'COLUMN_GROUPS' | 'ROW_BLOCKS';
}

const cellKey = (rowKey: string, columnKey: string) => `${rowKey}\u0000${columnKey}`;

function titles(input: ConsolidatedInput, what: { vi: string; en: string }): string[] {
  const { round, table, lang } = input;
  const counted = includedText(table.includedStatuses, lang);
  return lang === 'vi'
    ? [`${what.vi} — ${table.title} — ${table.unitName}`, `${table.caption} · Đơn vị tính: ${table.unitOfMeasure} · Kỳ ${round.periodKey} · Tính các báo cáo: ${counted}`, pulledLine(input.pulledAt, input.serverUrl, lang)]
    : [`${what.en} — ${table.title} — ${table.unitName}`, `${table.caption} · Unit: ${table.unitOfMeasure} · Period ${round.periodKey} · Reports counted: ${counted}`, pulledLine(input.pulledAt, input.serverUrl, lang)];
}

const rowLabels = (row: GridRow): Cell[] => [textCell(row.publishedNumber), textCell(labelText(row, false))];
const columnHeaders = (lang: Lang, columns: GridColumn[]) => [lang === 'vi' ? 'STT' : 'No.', lang === 'vi' ? 'Nội dung' : 'Item', ...columns.map((column) => column.label)];

function widths(right: number): SheetOp[] {
  const ops: SheetOp[] = [{ kind: 'columnWidth', address: 'A:A', width: 48 }, { kind: 'columnWidth', address: 'B:B', width: 260 }];
  if (right >= LABEL_COLUMNS) ops.push({ kind: 'columnWidth', address: `${columnLetters(LABEL_COLUMNS)}:${columnLetters(right)}`, width: 96 });
  return ops;
}

function unitList(heading: string, units: RoundUnit[], lang: Lang, withShare: boolean): Cell[][] {
  return [
    [textCell(heading), textCell(''), textCell('')],
    ...units.map((unit) => [textCell(unit.unitName), textCell(STATE_TEXT[lang][unit.state]), withShare && unit.share !== '1' ? decimalCell(unit.share) : textCell('')]),
  ];
}

/** Every operation that writes the consolidated table and its lists into a new, empty sheet. */
export function consolidatedOperations(input: ConsolidatedInput, options: { chunkBytes?: number } = {}): SheetOp[] {
  const { table, lang } = input;
  const budget = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const headers = columnHeaders(lang, table.columns);
  const ops: SheetOp[] = [...titleOps(titles(input, { vi: 'Tổng hợp', en: 'Consolidated' })), ...headerOps(TABLE_HEADER_ROW, headers)];
  const first = TABLE_HEADER_ROW + 1;
  ops.push(...blockOps(table.rows.map((row) => [...rowLabels(row), ...row.values.map((value, c) => decimalCell(value, table.columns[c].scale))]), first, budget));

  let top = first + table.rows.length + 1;
  const lists: Cell[][][] =
    lang === 'vi'
      ? [
          unitList(`Đơn vị đã tính (${table.contributingUnits.length}) — trạng thái — tỷ lệ tính vào`, table.contributingUnits, lang, true),
          unitList(`Đơn vị chưa tính (${table.missingUnits.length}) — không tính là 0`, table.missingUnits, lang, false),
        ]
      : [
          unitList(`Units counted (${table.contributingUnits.length}) — state — share counted`, table.contributingUnits, lang, true),
          unitList(`Units not counted (${table.missingUnits.length}) — never taken as zero`, table.missingUnits, lang, false),
        ];
  if (table.notComparableUnits.length > 0) {
    const heading = lang === 'vi' ? 'Đơn vị không so sánh được (chia tách chưa rõ tỷ lệ)' : 'Units not comparable (a split without a known share)';
    lists.push([[textCell(heading), textCell(''), textCell('')], ...table.notComparableUnits.map((unit) => [textCell(unit.unitName), textCell(unit.unitKey), textCell('')])]);
  }
  if (table.findings.length > 0) {
    const heading = lang === 'vi' ? 'Kiểm tra trên số tổng hợp' : 'Rules on the consolidated figures';
    lists.push([[textCell(heading), textCell(''), textCell('')], ...table.findings.map((finding) => [textCell(finding.severity), textCell(lang === 'vi' ? finding.messageVi : finding.messageEn), textCell('')])]);
  }
  for (const list of lists) {
    ops.push(...blockOps(list, top, budget));
    ops.push({ kind: 'font', address: boxA1({ top, left: 0, bottom: top, right: 0 }), font: { bold: true } });
    top += list.length + 1;
  }
  ops.push(...widths(headers.length - 1));
  return ops;
}

/** Each contributing unit's own value of each cell. */
function valuesByUnit(table: Consolidated): Map<string, Map<string, string>> {
  const byUnit = new Map<string, Map<string, string>>(table.contributingUnits.map((unit) => [unit.unitId, new Map()]));
  for (const cell of table.cells) for (const contributor of cell.contributors) byUnit.get(contributor.unitId)?.set(cellKey(cell.rowKey, cell.columnKey), contributor.value);
  return byUnit;
}

function unitHeading(unit: RoundUnit, lang: Lang): string {
  const share = unit.share === '1' ? '' : lang === 'vi' ? ` · tính ${unit.share}` : ` · share ${unit.share}`;
  return `${unit.unitName} (${STATE_TEXT[lang][unit.state]}${share})`;
}

/** Every operation that writes the units side by side into a new, empty sheet. */
export function sideBySideOperations(input: ConsolidatedInput, options: { chunkBytes?: number } = {}): SideBySideLayout {
  const { table, lang } = input;
  const budget = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const units = table.contributingUnits;
  const values = valuesByUnit(table);
  const ops: SheetOp[] = [...titleOps(titles(input, { vi: 'Tổng hợp theo đơn vị', en: 'Consolidated, unit by unit' }))];
  const unitCells = (unit: RoundUnit, row: GridRow) => table.columns.map((column) => decimalCell(values.get(unit.unitId)!.get(cellKey(row.key, column.key)), column.scale));
  const width = table.columns.length;

  if (LABEL_COLUMNS + units.length * width <= EXCEL_COLUMNS) {
    const right = LABEL_COLUMNS + units.length * width - 1;
    const unitRow: Cell[] = [textCell(''), textCell(lang === 'vi' ? 'Đơn vị' : 'Unit'), ...units.flatMap((unit) => table.columns.map((_, c) => textCell(c === 0 ? unitHeading(unit, lang) : '')))];
    ops.push(...headerOps(TABLE_HEADER_ROW, unitRow.map((cell) => String(cell.input))));
    ops.push(...headerOps(TABLE_HEADER_ROW + 1, [...columnHeaders(lang, table.columns).slice(0, LABEL_COLUMNS), ...units.flatMap(() => table.columns.map((column) => column.label))]));
    ops.push(...blockOps(table.rows.map((row) => [...rowLabels(row), ...units.flatMap((unit) => unitCells(unit, row))]), TABLE_HEADER_ROW + 2, budget));
    ops.push(...widths(right));
    return { ops, arrangement: 'COLUMN_GROUPS' };
  }

  const headers = columnHeaders(lang, table.columns);
  ops.push(...headerOps(TABLE_HEADER_ROW, headers));
  const first = TABLE_HEADER_ROW + 1;
  const blocks = units.flatMap((unit) => [[textCell(''), textCell(unitHeading(unit, lang)), ...table.columns.map(() => textCell(''))], ...table.rows.map((row) => [...rowLabels(row), ...unitCells(unit, row)])]);
  ops.push(...blockOps(blocks, first, budget));
  units.forEach((_, u) => {
    const top = first + u * (table.rows.length + 1);
    ops.push({ kind: 'font', address: boxA1({ top, left: 1, bottom: top, right: 1 }), font: { bold: true } });
  });
  ops.push(...widths(headers.length - 1));
  return { ops, arrangement: 'ROW_BLOCKS' };
}
