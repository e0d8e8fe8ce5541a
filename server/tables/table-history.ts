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

/** Cell changes applied after `version`, oldest first. */
export async function changesSince(em: EntityManager, state: TableState, version: number): Promise<CellChangeRecord[]> {
  const records = await em.execute(
    `select change_set_id, version_after, row_id, column_id, trim_scale(old_value)::text as old_value, trim_scale(new_value)::text as new_value
       from cell_change where table_id = ? and version_after > ? order by version_after, id`,
    [state.id, version],
  );
  return records.map((record: any) => ({
    changeSetId: record.change_set_id,
    versionAfter: record.version_after,
    rowKey: state.rowKeysById.get(record.row_id)!,
    columnKey: state.columnKeysById.get(record.column_id)!,
    oldValue: record.old_value,
    newValue: record.new_value,
  }));
}

/** The table as it was at `version`: today's cells with every later change undone. */
export async function snapshotAtVersion(em: EntityManager, state: TableState, version: number): Promise<TableSnapshot> {
  if (version === state.version) return state.snapshot;
  const later = await changesSince(em, state, version);
  const values = new Map(state.snapshot.toData().cells.map((cell) => [`${cell.rowKey}\u0000${cell.columnKey}`, cell.value]));
  for (let index = later.length - 1; index >= 0; index--) {
    const change = later[index];
    values.set(`${change.rowKey}\u0000${change.columnKey}`, change.oldValue);
  }
  const data = state.snapshot.toData();
  return TableSnapshot.create({
    columns: data.columns,
    rows: data.rows,
    cells: [...values].map(([key, value]) => {
      const [rowKey, columnKey] = key.split('\u0000');
      return { rowKey, columnKey, value };
    }),
  });
}
