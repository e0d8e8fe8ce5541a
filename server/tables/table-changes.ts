import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../db/numeric';

/** The PostgreSQL channel every instance LISTENs on; the payload is `{"tableId":…,"version":…}`. */
export const TABLE_CHANGED_CHANNEL = 'planbridge_table_changed';

/** Most cell keys one change lists; a bigger push tells its count, and the client pulls. */
export const MAX_CHANGED_CELLS = 10_000;

/** What subscribers are told about one new version of a table. */
export interface TableChangeRecord {
  tableId: string;
  version: number;
  authorLogin: string;
  author: string;
  changedAt: Date;
  changedCells: { rowKey: string; columnKey: string }[];
  changedCellCount: number;
  structureChanged: boolean;
}

/**
 * Tells every server instance that a table has a new version. pg_notify is transactional: the notice is
 * delivered when (and only if) the caller's transaction commits, so nobody hears of a version that was rolled back.
 */
export async function announceTableChange(em: EntityManager, tableId: number, version: number): Promise<void> {
  await em.execute(`select pg_notify(?, ?)`, [TABLE_CHANGED_CHANNEL, JSON.stringify({ tableId, version })]);
}

/** Who made a version of a table, when, and which cells it changed; null when there is no such version. */
export async function readTableChange(em: EntityManager, tableId: number, version: number): Promise<TableChangeRecord | null> {
  const [changeSet] = await em.execute(
    `select cs.author, coalesce(u.display_name, cs.author) as display_name, cs.created_at, (cs.result -> 'structureChanges' is not null) as structure
     from change_set cs left join app_user u on u.login = cs.author where cs.table_id = ? and cs.version_after = ?`,
    [tableId, version],
  );
  if (!changeSet) return null;
  const cells: { row_key: string; column_key: string; total: string }[] = await em.execute(
    `select r.key as row_key, c.key as column_key, count(*) over () as total
     from cell_change cc join table_row r on r.id = cc.row_id join table_column c on c.id = cc.column_id
     where cc.table_id = ? and cc.version_after = ? order by cc.id limit ?`,
    [tableId, version, MAX_CHANGED_CELLS],
  );
  return {
    tableId: String(tableId),
    version,
    authorLogin: changeSet.author,
    author: changeSet.display_name,
    changedAt: new Date(changeSet.created_at),
    changedCells: cells.map((cell) => ({ rowKey: cell.row_key, columnKey: cell.column_key })),
    changedCellCount: cells.length ? Number(cells[0].total) : 0,
    structureChanged: Boolean(changeSet.structure),
  };
}

/** The current version of each of these tables. */
export async function currentVersions(em: EntityManager, tableIds: number[]): Promise<Map<number, number>> {
  const rows: { id: number; version: number }[] = await em.execute(`select id, version from plan_table where id = any(?::int[])`, [pgArray(tableIds)]);
  return new Map(rows.map((row) => [row.id, row.version]));
}
