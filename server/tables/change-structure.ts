/**
 * Changing a draft table's structure: rows and columns added (a sub-project row added later), renamed,
 * removed and moved. All changes of one request or none, under the table's row lock, against the current
 * version (a sheet pulled before must be pulled again: its layout is no longer the table's); the version goes
 * up and the history keeps every change with its author. Submitted and approved tables refuse it, as they
 * refuse pushes. A removed row or column takes its cells with it: their values are kept in the change's
 * record, and its key and label in removed_table_item so the cell history still names it. Removing a row
 * or column a rule refers to is refused, naming the rule.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkRuleDefinitions, type Rule } from '../../domain/rules';
import { applyStructureChanges, type StructureChange, type StructureRecord } from '../../domain/structure-change';
import { TableSnapshot, type TableColumn, type TableRow } from '../../domain/table-model';
import { pgArray, pgTextArray } from '../db/numeric';
import { ColumnType } from '../entities';
import { scaleFor } from '../import/plan-table-import';
import { contentHash } from './content-hash';
import { PushRefused, refuseUnlessDraft, tableName } from './push-table';
import { announceTableChange } from './table-changes';
import { loadTableState, type TableState } from './table-state';

export interface StructureRequest {
  tableId: number;
  baseVersion: number;
  comment?: string | null;
  changes: StructureChange[];
}

/** Per request; a re-import plans as many as the new version needs. */
export const MAX_STRUCTURE_CHANGES = 500;

export interface StructureDone {
  version: number;
  changeSetId: number;
  records: StructureRecord[];
}

/** The table as the changes leave it, with the values of the rows and columns it keeps. */
function snapshotAfter(before: TableSnapshot, rows: TableRow[], columns: TableColumn[]): TableSnapshot {
  const values = rows.flatMap((row) =>
    columns.map((column) => (before.rowIndex(row.key) === undefined || before.columnIndex(column.key) === undefined ? null : before.value(row.key, column.key))),
  );
  return TableSnapshot.fromGrid(columns, rows, values);
}

/** Rule references to rows or columns the changes remove, each naming the rule. */
function brokenRules(rules: readonly Rule[], after: TableSnapshot): [string, string][] {
  return checkRuleDefinitions(rules, after)
    .filter((error) => error.code === 'UNKNOWN_COLUMN' || error.code === 'UNKNOWN_ROW')
    .map((error) => [`sau thay đổi, ${error.messageVi} (hãy bỏ hoặc sửa quy tắc trước)`, `after the change, ${error.messageEn} (remove or change the rule first)`]);
}

async function removeItems(em: EntityManager, state: TableState, records: StructureRecord[], version: number): Promise<void> {
  for (const axis of ['ROW', 'COLUMN'] as const) {
    const removed = records.filter((record) => record.op === `REMOVE_${axis}`);
    if (removed.length === 0) continue;
    const ids = removed.map((record) => (axis === 'ROW' ? state.rowIds : state.columnIds).get(record.key)!);
    const [table, idColumn] = axis === 'ROW' ? ['table_row', 'row_id'] : ['table_column', 'column_id'];
    await em.execute(
      `insert into removed_table_item (table_id, axis, item_id, key, label, removed_in_version)
       select ?, ?, i, k, l, ? from unnest(?::int[], ?::text[], ?::text[]) as t(i, k, l)`,
      [state.id, axis, version, pgArray(ids), pgTextArray(removed.map((record) => record.key)), pgTextArray(removed.map((record) => record.label))],
    );
    await em.execute(`delete from table_cell where table_id = ? and ${idColumn} = any(?::int[])`, [state.id, pgArray(ids)]);
    await em.execute(`delete from ${table} where id = any(?::int[])`, [pgArray(ids)]);
  }
}

/** New rows and columns inserted, then every row and column given its place, level, parent and label. */
async function writeLayout(em: EntityManager, state: TableState, rows: TableRow[], columns: TableColumn[]): Promise<void> {
  const rowIds = new Map(state.rowIds);
  const newRows = rows.filter((row) => !rowIds.has(row.key));
  if (newRows.length > 0) {
    const inserted = await em.execute(
      `insert into table_row (table_id, key, position, label, level, kind, editable, computed)
       select ?, k, 0, k, 0, 'ITEM', e, false from unnest(?::text[], ?::boolean[]) as t(k, e) returning id, key`,
      [state.id, pgTextArray(newRows.map((row) => row.key)), pgArray(newRows.map((row) => String(row.editable)))],
    );
    for (const row of inserted) rowIds.set(row.key, row.id);
  }
  await em.execute(
    `update table_row r set position = t.p, level = t.v, kind = t.d, parent_id = t.pa, label = t.l, published_number = t.n
     from unnest(?::int[], ?::int[], ?::int[], ?::text[], ?::int[], ?::text[], ?::text[]) as t(i, p, v, d, pa, l, n)
     where r.id = t.i and (r.position, r.level, r.kind, r.parent_id, r.label, r.published_number) is distinct from (t.p, t.v, t.d, t.pa, t.l, t.n)`,
    [pgArray(rows.map((row) => rowIds.get(row.key)!)), pgArray(rows.map((_row, index) => index)), pgArray(rows.map((row) => row.level)),
      pgTextArray(rows.map((row) => row.kind)), pgArray(rows.map((row) => (row.parentKey === null ? null : rowIds.get(row.parentKey)!))),
      pgTextArray(rows.map((row) => row.label)), pgTextArray(rows.map((row) => row.publishedNumber))],
  );
  const columnIds = new Map(state.columnIds);
  const newColumns = columns.filter((column) => !columnIds.has(column.key));
  if (newColumns.length > 0) {
    const inserted = await em.execute(
      `insert into table_column (table_id, key, label, position, type, scale, is_total, editable)
       select ?, k, k, 0, y, s, false, true from unnest(?::text[], ?::text[], ?::int[]) as t(k, y, s) returning id, key`,
      [state.id, pgTextArray(newColumns.map((column) => column.key)), pgTextArray(newColumns.map((column) => column.type)), pgArray(newColumns.map((column) => column.scale))],
    );
    for (const column of inserted) columnIds.set(column.key, column.id);
  }
  await em.execute(
    `update table_column c set position = t.p, label = t.l, published_number = t.n
     from unnest(?::int[], ?::int[], ?::text[], ?::text[]) as t(i, p, l, n)
     where c.id = t.i and (c.position, c.label, c.published_number) is distinct from (t.p, t.l, t.n)`,
    [pgArray(columns.map((column) => columnIds.get(column.key)!)), pgArray(columns.map((_column, index) => index)),
      pgTextArray(columns.map((column) => column.label)), pgTextArray(columns.map((column) => column.publishedNumber))],
  );
}

/**
 * The changes written on a table already locked and checked to be a draft at the request's version, as one
 * change set. `rules`: what the table will be checked with afterwards (by default the rules it has).
 */
export async function writeStructureChange(em: EntityManager, state: TableState, changes: StructureChange[], author: string, comment: string | null, rules: readonly Rule[] = state.rules): Promise<StructureDone> {
  const name = tableName(state);
  const refuse = (problems: [string, string][]) =>
    new PushRefused('BAD_STRUCTURE_CHANGE', problems.map(([vi]) => `${name.vi}: ${vi}`).join('; '), problems.map(([, en]) => `${name.en}: ${en}`).join('; '));
  // A new column's decimals follow its type and the table's unit, unless given (a re-import's, as published).
  const scaled = changes.map((change) => (change.op === 'ADD_COLUMN' && change.type ? { ...change, scale: change.scale ?? scaleFor(change.type as ColumnType, state.unitOfMeasure) } : change));
  const result = applyStructureChanges(state.snapshot, scaled);
  if (!result.ok) throw refuse(result.problems);
  const after = snapshotAfter(state.snapshot, result.rows, result.columns);
  const broken = brokenRules(rules, after);
  if (broken.length > 0) throw refuse(broken);

  const version = state.version + 1;
  await removeItems(em, state, result.records, version);
  await writeLayout(em, state, result.rows, result.columns);
  const inexact = state.validation.inexact ?? [];
  const kept = inexact.filter((cell) => after.rowIndex(cell.rowKey) !== undefined && after.columnIndex(cell.columnKey) !== undefined);
  if (kept.length !== inexact.length) await em.execute(`update plan_table set inexact_cells = ?::jsonb where id = ?`, [JSON.stringify(kept), state.id]);
  await em.execute(`update plan_table set version = ? where id = ?`, [version, state.id]);
  const [changeSet] = await em.execute(
    `insert into change_set (table_id, version_before, version_after, author, comment, created_at, idempotency_key, request_hash, result, content_hash)
     values (?, ?, ?, ?, ?, now(), ?, '', ?::jsonb, ?) returning id`,
    [state.id, state.version, version, author, comment, `structure@${version}`, JSON.stringify({ structureChanges: result.records }), contentHash(after)],
  );
  await announceTableChange(em, state.id, version);
  return { version, changeSetId: changeSet.id, records: result.records };
}

/** The table locked and checked to be a draft at `baseVersion`, else the refusal a push would get. */
export async function lockDraftAt(em: EntityManager, tableId: number, baseVersion: number): Promise<TableState> {
  const state = await loadTableState(em, tableId, { lock: true });
  if (!state) throw new PushRefused('NOT_FOUND', `Không tìm thấy bảng "${tableId}"`, `No table "${tableId}"`);
  await refuseUnlessDraft(em, state);
  if (baseVersion !== state.version) {
    const name = tableName(state);
    throw new PushRefused(
      'STALE_VERSION',
      `${name.vi}: cấu trúc chỉ đổi được trên phiên bản hiện tại ${state.version} (đã gửi ${baseVersion}); hãy lấy lại bảng`,
      `${name.en}: the structure can only change on the current version ${state.version} (sent ${baseVersion}); pull the table again`,
    );
  }
  return state;
}

export async function changeTableStructure(em: EntityManager, request: StructureRequest, author: string): Promise<StructureDone> {
  return em.transactional(async (txm) => {
    const tx = txm as EntityManager;
    const state = await lockDraftAt(tx, request.tableId, request.baseVersion);
    if (request.changes.length > MAX_STRUCTURE_CHANGES) {
      const name = tableName(state);
      throw new PushRefused('BAD_STRUCTURE_CHANGE', `${name.vi}: tối đa ${MAX_STRUCTURE_CHANGES} thay đổi một lần`, `${name.en}: at most ${MAX_STRUCTURE_CHANGES} changes at once`);
    }
    return writeStructureChange(tx, state, request.changes, author, request.comment ?? null);
  });
}
