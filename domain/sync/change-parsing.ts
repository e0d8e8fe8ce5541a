import type { CellValue, TableSnapshot } from '../table-model';
import { fitsNumeric, parseCanonicalDecimal, parseVietnameseNumber } from '../vietnamese-number';
import type { CellChangeRequest, SyncFinding } from './sync-types';

/** Storage is numeric(20,4); a value that does not fit is refused before it reaches PostgreSQL. */
export const STORED_PRECISION = 20;
export const STORED_SCALE = 4;

/** A problem with one requested change, located at its cell like a rule finding. */
export function inputFinding(snapshot: TableSnapshot, change: { rowKey: string; columnKey: string }, code: string, messageVi: string, messageEn: string, found: string | null): SyncFinding {
  const row = snapshot.rowIndex(change.rowKey);
  const column = snapshot.columnIndex(change.columnKey);
  return {
    ruleId: 'input',
    ruleKind: code,
    severity: 'ERROR',
    messageVi,
    messageEn,
    cells: [
      {
        rowKey: change.rowKey,
        columnKey: change.columnKey,
        rowNumber: row === undefined ? null : snapshot.rows[row].publishedNumber,
        rowLabel: row === undefined ? '' : snapshot.rows[row].label,
        columnLabel: column === undefined ? '' : snapshot.columns[column].label,
        value: row === undefined || column === undefined ? null : snapshot.valueAt(row, column),
        derived: false,
      },
    ],
    expected: null,
    found,
    difference: null,
    suggestion: null,
    preExisting: false,
  };
}

function where(snapshot: TableSnapshot, change: CellChangeRequest): { vi: string; en: string } {
  const row = snapshot.rowIndex(change.rowKey);
  const column = snapshot.columnIndex(change.columnKey);
  const rowName = row === undefined ? change.rowKey : `${snapshot.rows[row].publishedNumber ?? ''} ${snapshot.rows[row].label}`.trim();
  const columnName = column === undefined ? change.columnKey : snapshot.columns[column].label;
  return { vi: `Dòng "${rowName}", cột "${columnName}"`, en: `Row "${rowName}", column "${columnName}"` };
}

/**
 * Turns each requested change into a canonical value: `value` must already be canonical,
 * `text` is read as Vietnamese notation. Every problem is reported, not just the first.
 */
export function parseChanges(snapshot: TableSnapshot, changes: CellChangeRequest[]): { values: CellValue[]; findings: SyncFinding[] } {
  const values: CellValue[] = [];
  const findings: SyncFinding[] = [];
  for (const change of changes) {
    const at = where(snapshot, change);
    const hasValue = change.value !== undefined;
    const hasText = change.text !== undefined && change.text !== null;
    const fail = (code: string, vi: string, en: string, found: string | null) =>
      findings.push(inputFinding(snapshot, change, code, `${at.vi}: ${vi}`, `${at.en}: ${en}`, found));
    if (hasValue === hasText) {
      fail('VALUE_OR_TEXT', 'cần đúng một trong hai trường value hoặc text', 'give exactly one of value or text', null);
      continue;
    }
    const parsed = hasText ? parseVietnameseNumber(change.text!) : change.value === null ? { ok: true as const, value: null } : parseCanonicalDecimal(change.value!);
    const raw = hasText ? change.text! : change.value ?? null;
    if (!parsed.ok) {
      fail(parsed.error.code, parsed.error.messageVi, parsed.error.messageEn, raw);
      continue;
    }
    if (parsed.value !== null) {
      const range = fitsNumeric(parsed.value, STORED_PRECISION, STORED_SCALE);
      if (range) {
        fail(range.code, range.messageVi, range.messageEn, raw);
        continue;
      }
    }
    values.push({ rowKey: change.rowKey, columnKey: change.columnKey, value: parsed.value });
  }
  return { values, findings };
}
