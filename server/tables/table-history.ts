import type { EntityManager } from '@mikro-orm/postgresql';
import { TableSnapshot } from '../../domain/table-model';
import type { TableState } from './table-state';

export interface CellChangeRecord {
  changeSetId: number;
  versionAfter: number;
  rowKey: string;
  columnKey: string;
  oldValue: string | null;
  newValue: string | null;
}

/** Cell changes applied after `version`, oldest first; those of rows or columns removed since are left out (the table no longer has them). */
export async function changesSince(em: EntityManager, state: TableState, version: number): Promise<CellChangeRecord[]> {
  const records = await em.execute(
    `select change_set_id, version_after, row_id, column_id, trim_scale(old_value)::text as old_value, trim_scale(new_value)::text as new_value
       from cell_change where table_id = ? and version_after > ? order by version_after, id`,
    [state.id, version],
  );
  const present = records.filter((record: any) => state.rowKeysById.has(record.row_id) && state.columnKeysById.has(record.column_id));
  return present.map((record: any) => ({
    changeSetId: record.change_set_id,
    versionAfter: record.version_after,
    rowKey: state.rowKeysById.get(record.row_id)!,
    columnKey: state.columnKeysById.get(record.column_id)!,
    oldValue: record.old_value,
    newValue: record.new_value,
  }));
}

/**
 * The table as it was at `version`: today's cells with every later change undone. The old values
 * come from the database as trim_scale(numeric)::text, canonical like today's.
 */
export async function snapshotAtVersion(em: EntityManager, state: TableState, version: number): Promise<TableSnapshot> {
  if (version === state.version) return state.snapshot;
  const later = await changesSince(em, state, version);
  const { columns, rows } = state.snapshot;
  const values = rows.flatMap((_row, r) => state.snapshot.rowValues(r));
  for (let index = later.length - 1; index >= 0; index--) {
    const change = later[index];
    values[state.snapshot.rowIndex(change.rowKey)! * columns.length + state.snapshot.columnIndex(change.columnKey)!] = change.oldValue;
  }
  return TableSnapshot.fromGrid(columns, rows, values);
}
