/**
 * Changes of a draft table's structure applied to its layout in memory: rows and columns added, renamed,
 * removed and moved, in the order given, each checked against the layout the earlier ones left. The server
 * writes the difference; a re-import plans its changes against the same rules. A moved row takes its
 * descendants with it and keeps its key; a removed row or column gives back the values it held, for the
 * history. A row that still has children is not removed: its children go first (or in the same request).
 */
import type { ColumnType, RowKind, TableColumn, TableRow, TableSnapshot } from './table-model';

export type StructureOp = 'ADD_ROW' | 'RENAME_ROW' | 'REMOVE_ROW' | 'MOVE_ROW' | 'ADD_COLUMN' | 'RENAME_COLUMN' | 'REMOVE_COLUMN' | 'MOVE_COLUMN';

export interface StructureChange {
  op: StructureOp;
  /** The row's or column's key: a new one for ADD_, an existing one otherwise. */
  key: string;
  /** ADD_ and RENAME_: the label. */
  label?: string | null;
  /** Rows: the STT as published ("2.3"). */
  publishedNumber?: string | null;
  /** ADD_ROW and MOVE_ROW: the row it belongs under (none: a top-level row). */
  parentKey?: string | null;
  /**
   * Placed after this row (with its descendants) or column. A row's parent as afterKey puts it first under
   * the parent. Without it, ADD_ goes last (under its parent) and MOVE_ goes first.
   */
  afterKey?: string | null;
  /** ADD_ROW: its kind (default: an item, or a child under anything but a section). */
  kind?: RowKind | null;
  /** ADD_COLUMN: what the column holds, and the decimals its values may have. */
  type?: ColumnType | null;
  scale?: number;
}

/** A value a removed row or column held: `key` is the other axis (the column of a removed row). */
export interface RemovedValue {
  key: string;
  value: string;
}

/** One change as the history keeps it. */
export interface StructureRecord {
  op: StructureOp;
  key: string;
  label: string;
  previousLabel: string | null;
  /** REMOVE_: the values it held, so that none is lost; empty otherwise. */
  removedValues: RemovedValue[];
}

export type StructureResult =
  | { ok: true; rows: TableRow[]; columns: TableColumn[]; records: StructureRecord[] }
  | { ok: false; problems: [vi: string, en: string][] };

const MAX_LABEL = 1000;
const KEY = /^[\p{L}\p{N}._-]{1,100}$/u;

/** A new row's kind, or a moved row's: an item at the top or under a section, a child under anything else. */
function kindUnder(parent: TableRow | null): RowKind {
  return parent === null || parent.kind === 'SECTION' ? 'ITEM' : 'CHILD';
}

function descendantsOf(rows: TableRow[], key: string): Set<string> {
  const found = new Set<string>([key]);
  for (const row of rows) if (row.parentKey !== null && found.has(row.parentKey)) found.add(row.key);
  return found;
}

/** Index after the row `key` and all its descendants (rows list parents before children). */
function endOfSubtree(rows: TableRow[], key: string): number {
  const subtree = descendantsOf(rows, key);
  let end = rows.findIndex((row) => row.key === key) + 1;
  while (end < rows.length && subtree.has(rows[end].key)) end++;
  return end;
}

export function applyStructureChanges(snapshot: TableSnapshot, changes: readonly StructureChange[]): StructureResult {
  const rows: TableRow[] = snapshot.rows.map((row) => ({ ...row }));
  const columns: TableColumn[] = snapshot.columns.map((column) => ({ ...column }));
  const records: StructureRecord[] = [];
  const problems: [string, string][] = [];
  const say = (vi: string, en: string) => problems.push([vi, en]);
  if (changes.length === 0) say('danh sách thay đổi cấu trúc trống', 'the list of structure changes is empty');
  if (problems.length > 0) return { ok: false, problems };

  // Rows and columns are told apart by key when written: a key removed cannot come back in the same request.
  const removedKeys = new Set<string>();
  const storedValue = (rowKey: string, columnKey: string): string | null =>
    snapshot.rowIndex(rowKey) === undefined || snapshot.columnIndex(columnKey) === undefined ? null : snapshot.value(rowKey, columnKey);

  changes.forEach((change, index) => {
    const isRow = change.op.endsWith('_ROW');
    const [what, whatEn] = isRow ? ['dòng', 'row'] : ['cột', 'column'];
    const at = `thay đổi ${index + 1}, ${what} "${change.key}"`;
    const atEn = `change ${index + 1}, ${whatEn} "${change.key}"`;
    const fail = (vi: string, en: string) => say(`${at}: ${vi}`, `${atEn}: ${en}`);
    const items: { key: string; label: string }[] = isRow ? rows : columns;
    const existing = items.find((item) => item.key === change.key);
    const label = (change.label ?? '').trim();
    const adds = change.op.startsWith('ADD_');
    if ((adds || change.op.startsWith('RENAME_')) && (label === '' || label.length > MAX_LABEL)) {
      return fail(`tên phải có từ 1 đến ${MAX_LABEL} ký tự`, `the label must have 1 to ${MAX_LABEL} characters`);
    }
    if (adds) {
      if (!KEY.test(change.key)) return fail('khóa chỉ gồm chữ, số, ".", "_" và "-" (tối đa 100 ký tự)', 'a key has letters, digits, ".", "_" and "-" only (at most 100)');
      if (existing) return fail('khóa đã có', 'the key already exists');
      if (removedKeys.has(`${what}:${change.key}`)) return fail('khóa vừa bị xóa trong cùng yêu cầu này', 'the key was removed earlier in this same request');
    } else if (!existing) return fail(`không có ${what} này`, `there is no such ${whatEn}`);

    switch (change.op) {
      case 'RENAME_ROW':
      case 'RENAME_COLUMN': {
        records.push({ op: change.op, key: change.key, label, previousLabel: existing!.label, removedValues: [] });
        existing!.label = label;
        const number = change.publishedNumber?.trim();
        if (number) (existing as TableRow | TableColumn).publishedNumber = number;
        return;
      }
      case 'REMOVE_ROW':
      case 'REMOVE_COLUMN': {
        const child = isRow ? rows.find((row) => row.parentKey === change.key) : undefined;
        if (child) return fail(`còn dòng con "${child.key}"; hãy xóa hoặc chuyển các dòng con trước`, `it still has the child row "${child.key}"; remove or move its children first`);
        if (items.length === 1) return fail(`bảng phải còn ít nhất một ${what}`, `the table must keep at least one ${whatEn}`);
        // The values it held, by the other axis's key.
        const removedValues = (isRow ? columns : rows).flatMap((other) => {
          const value = isRow ? storedValue(change.key, other.key) : storedValue(other.key, change.key);
          return value === null ? [] : [{ key: other.key, value }];
        });
        items.splice(items.indexOf(existing!), 1);
        removedKeys.add(`${what}:${change.key}`);
        records.push({ op: change.op, key: change.key, label: existing!.label, previousLabel: null, removedValues });
        return;
      }
      case 'ADD_COLUMN':
      case 'MOVE_COLUMN': {
        if (change.op === 'ADD_COLUMN' && !change.type) return fail('cần loại cột (MONEY, COUNT, RATE, MEASURE)', 'the column type is required (MONEY, COUNT, RATE, MEASURE)');
        if (change.afterKey === change.key) return fail('không thể đặt sau chính nó', 'it cannot be placed after itself');
        if (change.afterKey && !columns.some((column) => column.key === change.afterKey)) {
          return fail(`không có cột "${change.afterKey}" để đặt sau`, `there is no column "${change.afterKey}" to place it after`);
        }
        const column: TableColumn = existing
          ? (existing as TableColumn)
          : { key: change.key, label, publishedNumber: null, type: change.type!, scale: change.scale ?? 0, editable: true };
        if (existing) columns.splice(columns.indexOf(column), 1);
        const position = change.afterKey ? columns.findIndex((other) => other.key === change.afterKey) + 1 : existing ? 0 : columns.length;
        columns.splice(position, 0, column);
        records.push({ op: change.op, key: change.key, label: column.label, previousLabel: null, removedValues: [] });
        return;
      }
      case 'ADD_ROW':
      case 'MOVE_ROW': {
        const moving = existing ? descendantsOf(rows, change.key) : new Set<string>();
        const parentKey = change.parentKey || null;
        const parent = parentKey === null ? null : rows.find((row) => row.key === parentKey);
        if (parent === undefined) return fail(`không có dòng cha "${parentKey}"`, `there is no parent row "${parentKey}"`);
        if (parent && moving.has(parent.key)) return fail('không thể đặt dưới chính nó hoặc dòng con của nó', 'it cannot go under itself or one of its own rows');
        if (parent?.kind === 'LABEL') return fail(`dòng "${parent.key}" là dòng tiêu đề, không có dòng con`, `row "${parent.key}" is a label row, which has no children`);
        const after = change.afterKey ? rows.find((row) => row.key === change.afterKey) : undefined;
        if (change.afterKey && (!after || moving.has(after.key) || (after.key !== parentKey && after.parentKey !== parentKey))) {
          return fail(
            `"${change.afterKey}" không phải dòng cha hay dòng cùng cấp để đặt sau`,
            `"${change.afterKey}" is not its parent or a row beside it under the same parent to place it after`,
          );
        }
        const row: TableRow = existing
          ? (existing as TableRow)
          : { key: change.key, publishedNumber: change.publishedNumber?.trim() || null, label, level: 0, parentKey, kind: change.kind ?? kindUnder(parent), editable: change.kind !== 'LABEL', computed: false };
        const subtree = existing ? rows.filter((other) => moving.has(other.key)) : [row];
        if (existing) {
          rows.splice(0, rows.length, ...rows.filter((other) => !moving.has(other.key)));
          if (row.parentKey !== parentKey && (row.kind === 'ITEM' || row.kind === 'CHILD')) row.kind = kindUnder(parent);
          row.parentKey = parentKey;
        }
        const firstUnder = parent ? rows.indexOf(parent) + 1 : 0;
        const lastUnder = parent ? endOfSubtree(rows, parent.key) : rows.length;
        const position = after ? (after === parent ? firstUnder : endOfSubtree(rows, after.key)) : existing ? firstUnder : lastUnder;
        rows.splice(position, 0, ...subtree);
        records.push({ op: change.op, key: change.key, label: row.label, previousLabel: null, removedValues: [] });
        return;
      }
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  // Levels follow the parents (a moved row's descendants move down or up with it).
  const levels = new Map<string, number>();
  for (const row of rows) {
    row.level = row.parentKey === null ? 0 : levels.get(row.parentKey)! + 1;
    levels.set(row.key, row.level);
  }
  return { ok: true, rows, columns, records };
}
