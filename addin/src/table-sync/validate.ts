/**
 * The local check before a push: exactly what pushTable does before it writes anything, with the same
 * domain code — parse every change (domain/sync/change-parsing.ts), apply them with
 * TableSnapshot.withChanges, and, when the server gave the template's rules, run validateTable on the
 * table before and after (errors the pulled table already had do not block, as on the server).
 */
import { validateTable } from '../../../domain/rules';
import { TableSnapshot } from '../../../domain/table-model';
import { inputFinding, parseChanges } from '../../../domain/sync/change-parsing';
import { markPreExisting } from '../../../domain/sync/pre-existing';
import { type LocalChange, toChangeInput } from './diff';
import type { SyncFinding } from '../api/types';
import type { PulledTable } from './pulled-table';

const snapshots = new WeakMap<PulledTable, TableSnapshot>();

export function snapshotOf(table: PulledTable): TableSnapshot {
  let snapshot = snapshots.get(table);
  if (!snapshot) {
    snapshot = TableSnapshot.create({
      columns: table.columns,
      rows: table.rows,
      cells: table.rows.flatMap((row, r) => table.columns.map((column, c) => ({ rowKey: row.key, columnKey: column.key, value: table.values[r][c] }))),
    });
    snapshots.set(table, snapshot);
  }
  return snapshot;
}

export interface LocalCheck {
  findings: SyncFinding[];
  /** Errors that the server would refuse the push for. */
  blocking: boolean;
  /** Whether the template's rules were run (only when the server gives them). */
  rulesChecked: boolean;
  /** Canonical values of the changes, when they all parse. */
  values: { rowKey: string; columnKey: string; value: string | null }[];
}

export function localCheck(table: PulledTable, changes: LocalChange[]): LocalCheck {
  const base = snapshotOf(table);
  const parsed = parseChanges(base, changes.map(toChangeInput));
  const applied = base.withChanges(parsed.values);
  const structural: SyncFinding[] = applied.ok ? [] : applied.errors.map((error) => inputFinding(base, error, error.code, error.messageVi, error.messageEn, null));
  const rulesChecked = table.rules !== null && table.rules.length > 0;
  if (parsed.findings.length > 0 || structural.length > 0 || !applied.ok) {
    return { findings: [...parsed.findings, ...structural], blocking: true, rulesChecked: false, values: parsed.values };
  }
  if (!rulesChecked) return { findings: [], blocking: false, rulesChecked, values: parsed.values };
  const findings = markPreExisting(validateTable(base, table.rules!), validateTable(applied.snapshot, table.rules!));
  return { findings, blocking: findings.some((finding) => finding.severity === 'ERROR' && !finding.preExisting), rulesChecked, values: parsed.values };
}
