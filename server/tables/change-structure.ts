/**
 * Changing a draft table's structure: rows and columns added (a sub-project row added later) or renamed. All
 * changes of one request or none, under the table's row lock, against the current version (a sheet pulled
 * before must be pulled again: its layout is no longer the table's); the version goes up and the history keeps
 * every change with its author. Submitted and approved tables refuse it, as they refuse pushes. Rows and columns
 * are never deleted (cell history refers to them), so removing and moving are not offered here.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ColumnType } from '../entities';
import { scaleFor } from '../import/plan-table-import';
import { contentHash } from './content-hash';
import { PushRefused, refuseUnlessDraft, tableName } from './push-table';
import { announceTableChange } from './table-changes';
import { loadTableState, type TableState } from './table-state';

export type StructureOp = 'ADD_ROW' | 'RENAME_ROW' | 'ADD_COLUMN' | 'RENAME_COLUMN';

export interface StructureChange {
  op: StructureOp;
  /** The row's or column's key: a new one for ADD_, an existing one for RENAME_. */
  key: string;
  label: string;
  /** Rows: the STT as published ("2.3"). */
  publishedNumber?: string | null;
  /** ADD_ROW: the row it belongs under (none: a top-level row). */
  parentKey?: string | null;
  /** ADD_: placed right after this row or column (default: after the parent's last row, or last). */
  afterKey?: string | null;
  /** ADD_COLUMN: what the column holds. */
  type?: ColumnType | null;
}

export interface StructureRequest {
  tableId: number;
  baseVersion: number;
  comment?: string | null;
  changes: StructureChange[];
}

/** One change as the history keeps it. */
export interface StructureRecord {
  op: StructureOp;
  key: string;
  label: string;
  previousLabel: string | null;
}

export const MAX_STRUCTURE_CHANGES = 500;
const MAX_LABEL = 1000;
const KEY = /^[\p{L}\p{N}._-]{1,100}$/u;

interface RowRecord {
  id: number;
  key: string;
  position: number;
  level: number;
  kind: string;
  parentId: number | null;
  label: string;
}

interface ColumnRecord {
  id: number;
  key: string;
  position: number;
  label: string;
}

/** Every problem of the request, each naming the table and the row or column; nothing is written. */
function check(state: TableState, rows: RowRecord[], columns: ColumnRecord[], changes: StructureChange[]): string[][] {
  const name = tableName(state);
  const problems: string[][] = [];
  const rowKeys = new Set(rows.map((row) => row.key));
  const columnKeys = new Set(columns.map((column) => column.key));
  const say = (vi: string, en: string) => problems.push([`${name.vi}: ${vi}`, `${name.en}: ${en}`]);
  if (changes.length === 0) say('danh sách thay đổi cấu trúc trống', 'the list of structure changes is empty');
  if (changes.length > MAX_STRUCTURE_CHANGES) say(`tối đa ${MAX_STRUCTURE_CHANGES} thay đổi một lần`, `at most ${MAX_STRUCTURE_CHANGES} changes at once`);
  changes.forEach((change, index) => {
    const isRow = change.op.endsWith('_ROW');
    const [what, whatEn] = isRow ? ['dòng', 'row'] : ['cột', 'column'];
    const at = `thay đổi ${index + 1}, ${what} "${change.key}"`;
    const atEn = `change ${index + 1}, ${whatEn} "${change.key}"`;
    const keys = isRow ? rowKeys : columnKeys;
    const label = change.label.trim();
    if (label === '' || label.length > MAX_LABEL) say(`${at}: tên phải có từ 1 đến ${MAX_LABEL} ký tự`, `${atEn}: the label must have 1 to ${MAX_LABEL} characters`);
    if (change.op.startsWith('RENAME_')) {
      if (!keys.has(change.key)) say(`${at}: không có ${what} này`, `${atEn}: there is no such ${whatEn}`);
      return;
    }
    if (!KEY.test(change.key)) say(`${at}: khóa chỉ gồm chữ, số, ".", "_" và "-" (tối đa 100 ký tự)`, `${atEn}: a key has letters, digits, ".", "_" and "-" only (at most 100)`);
    else if (keys.has(change.key)) say(`${at}: khóa đã có`, `${atEn}: the key already exists`);
    keys.add(change.key);
    if (change.afterKey && !keys.has(change.afterKey)) say(`${at}: không có ${what} "${change.afterKey}" để đặt sau`, `${atEn}: there is no ${whatEn} "${change.afterKey}" to place it after`);
    if (isRow && change.parentKey && !rowKeys.has(change.parentKey)) say(`${at}: không có dòng cha "${change.parentKey}"`, `${atEn}: there is no parent row "${change.parentKey}"`);
    if (!isRow && !change.type) say(`${at}: cần loại cột (MONEY, COUNT, RATE, MEASURE)`, `${atEn}: the column type is required (MONEY, COUNT, RATE, MEASURE)`);
  });
  return problems;
}

/** Rows after `after` move down one place; the new row takes the place after it. */
async function insertRow(em: EntityManager, state: TableState, rows: RowRecord[], change: StructureChange): Promise<void> {
  const parent = change.parentKey ? rows.find((row) => row.key === change.parentKey)! : null;
  const descendants = (root: RowRecord): RowRecord[] => rows.filter((row) => row.parentId === root.id).flatMap((child) => [child, ...descendants(child)]);
  const after = change.afterKey
    ? rows.find((row) => row.key === change.afterKey)!
    : parent
      ? [parent, ...descendants(parent)].reduce((last, row) => (row.position > last.position ? row : last))
      : rows.reduce<RowRecord | null>((last, row) => (!last || row.position > last.position ? row : last), null);
  const position = after ? after.position + 1 : 0;
  await em.execute(`update table_row set position = position + 1 where table_id = ? and position >= ?`, [state.id, position]);
  for (const row of rows) if (row.position >= position) row.position += 1;
  const kind = parent ? (parent.kind === 'SECTION' ? 'ITEM' : 'CHILD') : 'ITEM';
  const [inserted] = await em.execute(
    `insert into table_row (table_id, key, position, published_number, label, level, kind, editable, computed, parent_id)
     values (?, ?, ?, ?, ?, ?, ?, true, false, ?) returning id`,
    [state.id, change.key, position, change.publishedNumber?.trim() || null, change.label.trim(), parent ? parent.level + 1 : 0, kind, parent?.id ?? null],
  );
  rows.push({ id: inserted.id, key: change.key, position, level: parent ? parent.level + 1 : 0, kind, parentId: parent?.id ?? null, label: change.label.trim() });
}

async function insertColumn(em: EntityManager, state: TableState, columns: ColumnRecord[], change: StructureChange): Promise<void> {
  const after = change.afterKey ? columns.find((column) => column.key === change.afterKey)! : columns.reduce<ColumnRecord | null>((last, column) => (!last || column.position > last.position ? column : last), null);
  const position = after ? after.position + 1 : 0;
  await em.execute(`update table_column set position = position + 1 where table_id = ? and position >= ?`, [state.id, position]);
  for (const column of columns) if (column.position >= position) column.position += 1;
  const [inserted] = await em.execute(
    `insert into table_column (table_id, key, label, position, type, scale, is_total, editable) values (?, ?, ?, ?, ?, ?, false, true) returning id`,
    [state.id, change.key, change.label.trim(), position, change.type, scaleFor(change.type!, state.unitOfMeasure)],
  );
  columns.push({ id: inserted.id, key: change.key, position, label: change.label.trim() });
}

export async function changeTableStructure(em: EntityManager, request: StructureRequest, author: string): Promise<{ version: number; changeSetId: number; records: StructureRecord[] }> {
  return em.transactional(async (txm) => {
    const tx = txm as EntityManager;
    const state = await loadTableState(tx, request.tableId, { lock: true });
    if (!state) throw new PushRefused('NOT_FOUND', `Không tìm thấy bảng "${request.tableId}"`, `No table "${request.tableId}"`);
    await refuseUnlessDraft(tx, state);
    const name = tableName(state);
    if (request.baseVersion !== state.version) {
      throw new PushRefused(
        'STALE_VERSION',
        `${name.vi}: cấu trúc chỉ đổi được trên phiên bản hiện tại ${state.version} (đã gửi ${request.baseVersion}); hãy lấy lại bảng`,
        `${name.en}: the structure can only change on the current version ${state.version} (sent ${request.baseVersion}); pull the table again`,
      );
    }
    const rows: RowRecord[] = (await tx.execute(`select id, key, position, level, kind, parent_id, label from table_row where table_id = ?`, [state.id])).map((row: any) => ({ ...row, parentId: row.parent_id }));
    const columns: ColumnRecord[] = await tx.execute(`select id, key, position, label from table_column where table_id = ?`, [state.id]);
    const problems = check(state, rows, columns, request.changes);
    if (problems.length > 0) throw new PushRefused('BAD_STRUCTURE_CHANGE', problems.map(([vi]) => vi).join('; '), problems.map(([, en]) => en).join('; '));

    const records: StructureRecord[] = [];
    for (const change of request.changes) {
      const label = change.label.trim();
      if (change.op === 'ADD_ROW') await insertRow(tx, state, rows, change);
      else if (change.op === 'ADD_COLUMN') await insertColumn(tx, state, columns, change);
      else {
        const isRow = change.op === 'RENAME_ROW';
        const target = (isRow ? rows : columns).find((item) => item.key === change.key)!;
        records.push({ op: change.op, key: change.key, label, previousLabel: target.label });
        target.label = label;
        if (isRow) await tx.execute(`update table_row set label = ?, published_number = coalesce(?, published_number) where id = ?`, [label, change.publishedNumber?.trim() || null, target.id]);
        else await tx.execute(`update table_column set label = ? where id = ?`, [label, target.id]);
        continue;
      }
      records.push({ op: change.op, key: change.key, label, previousLabel: null });
    }
    const version = state.version + 1;
    await tx.execute(`update plan_table set version = ? where id = ?`, [version, state.id]);
    const after = (await loadTableState(tx, state.id))!;
    const [changeSet] = await tx.execute(
      `insert into change_set (table_id, version_before, version_after, author, comment, created_at, idempotency_key, request_hash, result, content_hash)
       values (?, ?, ?, ?, ?, now(), ?, '', ?::jsonb, ?) returning id`,
      [state.id, state.version, version, author, request.comment ?? null, `structure@${version}`, JSON.stringify({ structureChanges: records }), contentHash(after.snapshot)],
    );
    await announceTableChange(tx, state.id, version);
    return { version, changeSetId: changeSet.id, records };
  });
}
