/** Findings → marked cells: fill colour by severity, a note with the message, and the pane's list. Pure. */
import { cellA1 } from '../../../domain/sheet/a1';
import { addMark, effectiveSeverity, noteText, type CellMark, type MarkSeverity } from '../../../domain/sheet/cell-marks';
import type { SheetIssue } from './diff';
import type { SheetOp, WorkbookCapabilities } from '../excel/gateway';
import { FILL, baseFill } from './layout';
import type { Lang, SyncFinding } from '../api/types';
import type { PulledTable } from './pulled-table';

export { effectiveSeverity, noteText, type CellMark, type MarkSeverity } from '../../../domain/sheet/cell-marks';

export interface Positions {
  rowAt: ReadonlyMap<string, number>;
  columnAt: ReadonlyMap<string, number>;
}

/** Where the pull put every row and column. */
export function pulledPositions(table: PulledTable): Positions {
  return {
    rowAt: new Map(table.rows.map((row, index) => [row.key, table.layout.firstDataRow + index])),
    columnAt: new Map(table.columns.map((column, index) => [column.key, table.layout.firstValueColumn + index])),
  };
}

/** One line of the pane's list: what to show and which cell a click selects. */
export interface ListedProblem {
  severity: MarkSeverity;
  preExisting: boolean;
  messageVi: string;
  messageEn: string;
  /** The checked cell, or null when it is not on the sheet. */
  address: string | null;
  source: 'local' | 'server' | 'sheet';
  ruleKind: string;
}

export function addressOf(positions: Positions, rowKey: string, columnKey: string): string | null {
  const row = positions.rowAt.get(rowKey);
  const column = positions.columnAt.get(columnKey);
  return row === undefined || column === undefined ? null : cellA1(row, column);
}

export function planMarks(findings: SyncFinding[], positions: Positions, source: 'local' | 'server'): { marks: CellMark[]; problems: ListedProblem[] } {
  const byAddress = new Map<string, CellMark>();
  const problems: ListedProblem[] = [];
  for (const finding of findings) {
    const first = finding.cells[0];
    const address = first ? addressOf(positions, first.rowKey, first.columnKey) : null;
    const severity = effectiveSeverity(finding);
    problems.push({ severity, preExisting: finding.preExisting, messageVi: finding.messageVi, messageEn: finding.messageEn, address, source, ruleKind: finding.ruleKind });
    if (address !== null) addMark(byAddress, address, severity, { vi: finding.messageVi, en: finding.messageEn });
  }
  // Errors first, then in sheet order.
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'ERROR' ? -1 : 1));
  return { marks: [...byAddress.values()], problems };
}

export function issueProblems(issues: SheetIssue[]): ListedProblem[] {
  return issues.map((issue) => ({ severity: issue.severity, preExisting: false, messageVi: issue.messageVi, messageEn: issue.messageEn, address: issue.addresses[0] ?? null, source: 'sheet' as const, ruleKind: issue.code }));
}

const PROMPT_TITLE = 'PlanBridge';
const PROMPT_MAX = 250;

/** Fill and note per marked cell. Without notes (before ExcelApi 1.18) the text goes into the cell's input prompt. */
export function markOps(marks: CellMark[], capabilities: WorkbookCapabilities, lang: Lang): SheetOp[] {
  const ops: SheetOp[] = [];
  for (const mark of marks) {
    ops.push({ kind: 'fill', address: mark.address, color: mark.severity === 'ERROR' ? FILL.error : FILL.warning });
    if (capabilities.notes) ops.push({ kind: 'note', address: mark.address, text: noteText(mark, lang) });
    else if (capabilities.prompts) {
      const text = noteText(mark, lang).split('\n').slice(1).join(' ');
      ops.push({ kind: 'note', address: mark.address, title: PROMPT_TITLE, text: text.length > PROMPT_MAX ? `${text.slice(0, PROMPT_MAX - 1)}…` : text });
    }
  }
  return ops;
}

/** Puts back the look the pull gave each marked cell and removes the notes. */
export function clearMarkOps(addresses: string[], table: PulledTable, positions: Positions, capabilities: WorkbookCapabilities): SheetOp[] {
  const rowIndex = new Map<number, number>();
  const columnIndex = new Map<number, number>();
  table.rows.forEach((row, index) => {
    const at = positions.rowAt.get(row.key);
    if (at !== undefined) rowIndex.set(at, index);
  });
  table.columns.forEach((column, index) => {
    const at = positions.columnAt.get(column.key);
    if (at !== undefined) columnIndex.set(at, index);
  });
  const ops: SheetOp[] = [];
  for (const address of addresses) {
    const match = /^([A-Z]+)(\d+)$/.exec(address);
    if (!match) continue;
    let column = 0;
    for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
    const row = rowIndex.get(Number(match[2]) - 1);
    const col = columnIndex.get(column - 1);
    ops.push({ kind: 'fill', address, color: row === undefined || col === undefined ? null : baseFill(table, row, col) });
    if (capabilities.notes || capabilities.prompts) ops.push({ kind: 'note', address, text: null });
  }
  return ops;
}
