/**
 * Bringing a sheet to a newer server version without losing what the person typed (Refresh, and after
 * a CONFLICT): a three-way merge per cell of base (what was pulled), theirs (the server now) and mine
 * (the sheet). Untouched cells take theirs; cells only I changed keep mine; cells both changed to
 * different values are conflicts, resolved by the person's choice. Pure.
 */
import type { CellConflict, TableGrid } from '../api/types';
import type { PulledTable } from './pulled-table';
import { type Choice, cellKey } from './conflicts';
import { changeDisplay, type LocalChange } from './diff';
import type { Positions } from './marks';
import { cellA1 } from '../../../domain/sheet/a1';
import { parseCanonicalDecimal, parseVietnameseNumber } from '../../../domain/vietnamese-number';

export interface CellWrite {
  row: number;
  column: number;
  address: string;
  value: string | null;
}

export interface RebasePlan {
  /** False when the server's table has other rows or columns: the sheet must be pulled again. */
  sameStructure: boolean;
  /** Sheet cells to set to the server's value. */
  writes: CellWrite[];
  /** Cells changed on both sides to different values, without a choice yet. */
  conflicts: CellConflict[];
  /** My changes that stay (to push against the new version). */
  kept: LocalChange[];
  /** The snapshot of the new version (what the sheet is now based on). */
  next: PulledTable;
}

/** The canonical value a change stands for, or undefined when its text does not parse. */
export function canonicalOf(change: LocalChange): string | null | undefined {
  if (change.text === undefined) return change.value ?? null;
  const parsed = parseVietnameseNumber(change.text);
  if (parsed.ok) return parsed.value;
  const canonical = parseCanonicalDecimal(change.text.trim());
  return canonical.ok ? canonical.value : undefined;
}

export function sameStructure(table: PulledTable, grid: TableGrid): boolean {
  return (
    grid.columns.length === table.columns.length &&
    grid.rows.length === table.rows.length &&
    grid.columns.every((column, index) => column.key === table.columns[index].key) &&
    grid.rows.every((row, index) => row.key === table.rows[index].key)
  );
}

export function gridToPulled(table: PulledTable, grid: TableGrid, pulledAt: string): PulledTable {
  return {
    ...table,
    tableId: grid.tableId,
    title: grid.title,
    caption: grid.caption,
    documentNumber: grid.documentNumber,
    unitOfMeasure: grid.unitOfMeasure,
    version: grid.version,
    contentHash: grid.contentHash,
    editable: grid.editable,
    notEditableReasonVi: grid.notEditableReasonVi,
    notEditableReasonEn: grid.notEditableReasonEn,
    pulledAt,
    columns: grid.columns.map((column) => ({ ...column })),
    rows: grid.rows.map(({ values: _values, ...row }) => ({ ...row })),
    values: grid.rows.map((row) => [...row.values]),
    rules: grid.rules === undefined ? table.rules : grid.rules ?? null,
    status: grid.status ?? null,
  };
}

export function planRebase(table: PulledTable, changes: LocalChange[], positions: Positions, latest: TableGrid, choices: ReadonlyMap<string, Choice> = new Map(), pulledAt = new Date().toISOString()): RebasePlan {
  const next = gridToPulled(table, latest, pulledAt);
  if (!sameStructure(table, latest)) return { sameStructure: false, writes: [], conflicts: [], kept: changes, next };
  const mine = new Map(changes.map((change) => [cellKey(change.rowKey, change.columnKey), change]));
  const writes: CellWrite[] = [];
  const conflicts: CellConflict[] = [];
  const kept: LocalChange[] = [];
  table.rows.forEach((row, r) => {
    const sheetRow = positions.rowAt.get(row.key);
    table.columns.forEach((column, c) => {
      const sheetColumn = positions.columnAt.get(column.key);
      const base = table.values[r][c];
      const theirs = latest.rows[r].values[c];
      const change = mine.get(cellKey(row.key, column.key));
      const address = sheetRow === undefined || sheetColumn === undefined ? '' : cellA1(sheetRow, sheetColumn);
      const write = () => {
        if (address !== '' && !row.computed) writes.push({ row: r, column: c, address, value: theirs });
      };
      if (!change) {
        if (theirs !== base) write();
        return;
      }
      const canonical = canonicalOf(change);
      if (theirs === base || canonical === theirs) {
        if (canonical !== theirs) kept.push({ ...change, pulled: theirs });
        return;
      }
      const choice = choices.get(cellKey(row.key, column.key));
      if (choice === 'theirs') write();
      else if (choice === 'mine') kept.push({ ...change, pulled: theirs });
      else {
        conflicts.push({ rowKey: row.key, columnKey: column.key, rowNumber: row.publishedNumber, rowLabel: row.label, columnLabel: column.label, base, theirs, mine: changeDisplay(change) });
        kept.push({ ...change, pulled: theirs });
      }
    });
  });
  return { sameStructure: true, writes, conflicts, kept, next };
}
