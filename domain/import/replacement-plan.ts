/**
 * A new version of a published table over the draft table imported from it: which rows and columns it keeps
 * (and renames or moves), adds and removes, and which values change. Columns are matched by header (then by
 * key: a renamed header), rows by published number and label, then by label alone (renumbered), then by
 * number under the same parent (reworded). What is kept keeps its key; the plan's structure changes, applied
 * in order, give exactly the new version's layout, and the value changes then give its figures.
 */
import { foldLabel } from '../label-match';
import type { Rule } from '../rules';
import { applyStructureChanges, type StructureChange, type StructureRecord } from '../structure-change';
import type { CellValue, TableColumn, TableRow, TableSnapshot } from '../table-model';

export interface CellValueChange {
  rowKey: string;
  columnKey: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ReplacementPlan {
  changes: StructureChange[];
  /** The changes as the history will keep them (a removed row's values included). */
  records: StructureRecord[];
  values: CellValueChange[];
  /** The new version's keys → the table's: what is kept keeps its key. */
  rowKeys: Map<string, string>;
  columnKeys: Map<string, string>;
}

/** Each change is checked against the whole layout: beyond this a new version is another table, not a revision. */
export const MAX_REPLACEMENT_CHANGES = 2000;

/**
 * A way to match: the same text from a new item (null: it cannot match this way) and from a current one. The new
 * item's text may use what is matched already (its parent's match: new rows come parents first).
 */
interface MatchTest<New, Old> {
  fresh: (item: New, matched: Map<New, Old>) => string | null;
  current: (item: Old) => string;
}

/** Each new item matched to at most one current item (the first in table order) by the first test that finds one. */
function match<New, Old extends { key: string }>(fresh: readonly New[], current: readonly Old[], tests: MatchTest<New, Old>[]): Map<New, Old> {
  const matched = new Map<New, Old>();
  const taken = new Set<string>();
  for (const test of tests) {
    // Indexed by the test's text: a table of 10,000 rows is matched in linear time, not 10,000 × 10,000.
    const byText = new Map<string, { items: Old[]; next: number }>();
    for (const item of current) {
      if (taken.has(item.key)) continue;
      const text = test.current(item);
      const entry = byText.get(text);
      if (entry) entry.items.push(item);
      else byText.set(text, { items: [item], next: 0 });
    }
    for (const item of fresh) {
      if (matched.has(item)) continue;
      const text = test.fresh(item, matched);
      const entry = text === null ? undefined : byText.get(text);
      // Within one test only this test takes candidates, in order: the next one is free.
      if (entry && entry.next < entry.items.length) {
        const found = entry.items[entry.next++];
        matched.set(item, found);
        taken.add(found.key);
      }
    }
  }
  return matched;
}

/** The new version's key, or another one the table has not used yet. */
function freshKey(key: string, used: Set<string>): string {
  let candidate = key;
  for (let n = 2; used.has(candidate); n++) candidate = `${key}-${n}`;
  used.add(candidate);
  return candidate;
}

/** Items that keep their relative order (a longest increasing run of current positions): they need no move. */
function staying(positions: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(positions.length).fill(-1);
  positions.forEach((position, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (positions[tails[middle]] < position) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1];
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.length ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) kept.add(index);
  return kept;
}

function columnChanges(current: TableSnapshot, target: readonly TableColumn[], keys: Map<string, string>, kept: Map<TableColumn, TableColumn>, everyMoves: boolean): StructureChange[] {
  const changes: StructureChange[] = [];
  const keptKeys = new Set([...kept.values()].map((column) => column.key));
  for (const column of current.columns) if (!keptKeys.has(column.key)) changes.push({ op: 'REMOVE_COLUMN', key: column.key });
  const stays = staying(target.filter((column) => kept.has(column)).map((column) => current.columnIndex(kept.get(column)!.key)!));
  let keptIndex = 0;
  target.forEach((column, index) => {
    const afterKey = index === 0 ? null : keys.get(target[index - 1].key)!;
    const old = kept.get(column);
    if (!old) {
      changes.push({ op: 'ADD_COLUMN', key: keys.get(column.key)!, label: column.label, type: column.type, scale: column.scale, afterKey });
      // A new first column: added last, then moved first.
      if (afterKey === null) changes.push({ op: 'MOVE_COLUMN', key: keys.get(column.key)!, afterKey });
    } else {
      if (everyMoves || !stays.has(keptIndex++)) changes.push({ op: 'MOVE_COLUMN', key: old.key, afterKey });
      if (old.label !== column.label) changes.push({ op: 'RENAME_COLUMN', key: old.key, label: column.label });
    }
  });
  return changes;
}

function rowChanges(current: TableSnapshot, target: readonly TableRow[], keys: Map<string, string>, kept: Map<TableRow, TableRow>, everyMoves: boolean): StructureChange[] {
  const changes: StructureChange[] = [];
  const parentOf = (row: TableRow) => (row.parentKey === null ? null : keys.get(row.parentKey)!);
  // Per parent, the kept rows that stay under it keep their order unless they must move.
  const stays = new Set<TableRow>();
  if (!everyMoves) {
    const byParent = new Map<string | null, TableRow[]>();
    for (const row of target) {
      const old = kept.get(row);
      if (!old || old.parentKey !== parentOf(row)) continue;
      const siblings = byParent.get(old.parentKey);
      if (siblings) siblings.push(row);
      else byParent.set(old.parentKey, [row]);
    }
    for (const rows of byParent.values()) {
      const run = staying(rows.map((row) => current.rowIndex(kept.get(row)!.key)!));
      rows.forEach((row, index) => run.has(index) && stays.add(row));
    }
  }
  const lastChild = new Map<string | null, string>();
  for (const row of target) {
    const key = keys.get(row.key)!;
    const parentKey = parentOf(row);
    const afterKey = lastChild.get(parentKey) ?? parentKey;
    lastChild.set(parentKey, key);
    const old = kept.get(row);
    if (!old) {
      changes.push({ op: 'ADD_ROW', key, label: row.label, publishedNumber: row.publishedNumber, parentKey, afterKey, kind: row.kind });
      // A new first row of the table: added last, then moved first.
      if (afterKey === null) changes.push({ op: 'MOVE_ROW', key, parentKey, afterKey });
    } else {
      if (!stays.has(row)) changes.push({ op: 'MOVE_ROW', key, parentKey, afterKey });
      if (old.label !== row.label || (row.publishedNumber ?? '') !== (old.publishedNumber ?? '')) {
        changes.push({ op: 'RENAME_ROW', key, label: row.label, publishedNumber: row.publishedNumber });
      }
    }
  }
  // Children before their parents; kept children have moved away by now.
  const keptKeys = new Set([...kept.values()].map((row) => row.key));
  for (const row of [...current.rows].reverse()) if (!keptKeys.has(row.key)) changes.push({ op: 'REMOVE_ROW', key: row.key });
  return changes;
}

const sameLayout = (rows: readonly TableRow[], columns: readonly TableColumn[], target: TableSnapshot, rowKeys: Map<string, string>, columnKeys: Map<string, string>) =>
  rows.length === target.rows.length &&
  rows.every((row, index) => row.key === rowKeys.get(target.rows[index].key) && row.parentKey === (target.rows[index].parentKey === null ? null : rowKeys.get(target.rows[index].parentKey!))) &&
  columns.length === target.columns.length &&
  columns.every((column, index) => column.key === columnKeys.get(target.columns[index].key));

/** The changes that turn `current` into the layout and figures of `target` (the new version as read). */
export function planReplacement(current: TableSnapshot, target: TableSnapshot): ReplacementPlan | { problems: [string, string][] } {
  const columnMatch = match(target.columns, current.columns, [
    { fresh: (column) => foldLabel(column.label), current: (column) => foldLabel(column.label) },
    { fresh: (column) => column.key, current: (column) => column.key },
  ]);
  const usedRowKeys = new Set(current.rows.map((row) => row.key));
  const usedColumnKeys = new Set(current.columns.map((column) => column.key));
  const columnKeys = new Map(target.columns.map((column) => [column.key, columnMatch.get(column)?.key ?? freshKey(column.key, usedColumnKeys)]));

  // Texts to match rows by: the parent (matched already: parents come first), the number, the label.
  const labels = new Map<TableRow, string>([...current.rows, ...target.rows].map((row) => [row, foldLabel(row.label)]));
  const parentOf = (row: TableRow, matched: Map<TableRow, TableRow>) => {
    if (row.parentKey === null) return '';
    const parent = matched.get(target.rows[target.rowIndex(row.parentKey)!]);
    return parent ? `=${parent.key}` : null;
  };
  const parentOfCurrent = (row: TableRow) => (row.parentKey === null ? '' : `=${row.parentKey}`);
  const number = (row: TableRow) => row.publishedNumber ?? '';
  const text = (...parts: (string | null)[]) => (parts.includes(null) ? null : JSON.stringify(parts));
  const rowMatch = match(target.rows, current.rows, [
    { fresh: (row, matched) => text(parentOf(row, matched), number(row), labels.get(row)!), current: (row) => text(parentOfCurrent(row), number(row), labels.get(row)!)! },
    { fresh: (row) => text(number(row), labels.get(row)!), current: (row) => text(number(row), labels.get(row)!)! },
    { fresh: (row, matched) => text(parentOf(row, matched), labels.get(row)!), current: (row) => text(parentOfCurrent(row), labels.get(row)!)! },
    { fresh: (row) => text(labels.get(row)!), current: (row) => text(labels.get(row)!)! },
    { fresh: (row, matched) => (row.publishedNumber === null ? null : text(parentOf(row, matched), number(row))), current: (row) => text(parentOfCurrent(row), number(row))! },
  ]);
  const rowKeys = new Map(target.rows.map((row) => [row.key, rowMatch.get(row)?.key ?? freshKey(row.key, usedRowKeys)]));

  const changesWith = (everyMoves: boolean) => [
    ...columnChanges(current, target.columns, columnKeys, columnMatch, everyMoves),
    ...rowChanges(current, target.rows, rowKeys, rowMatch, everyMoves),
  ];
  let changes = changesWith(false);
  if (changes.length > MAX_REPLACEMENT_CHANGES) {
    return {
      problems: [[
        `phiên bản mới thay đổi ${changes.length} dòng và cột, tối đa ${MAX_REPLACEMENT_CHANGES} khi nhập lại; hãy nhập thành một bảng mới`,
        `the new version changes ${changes.length} rows and columns, at most ${MAX_REPLACEMENT_CHANGES} in a re-import; import it as a new table`,
      ]],
    };
  }
  let applied = changes.length === 0 ? null : applyStructureChanges(current, changes);
  // Moving only what left its order is the common case; moving everything always gives the new layout.
  if (applied?.ok && !sameLayout(applied.rows, applied.columns, target, rowKeys, columnKeys)) {
    changes = changesWith(true);
    applied = applyStructureChanges(current, changes);
  }
  if (applied && !applied.ok) return { problems: applied.problems };

  const values: CellValueChange[] = [];
  target.rows.forEach((row, r) =>
    target.columns.forEach((column, c) => {
      const rowKey = rowKeys.get(row.key)!;
      const columnKey = columnKeys.get(column.key)!;
      const known = current.rowIndex(rowKey) !== undefined && current.columnIndex(columnKey) !== undefined;
      const oldValue = known ? current.value(rowKey, columnKey) : null;
      const newValue = target.valueAt(r, c);
      if (oldValue !== newValue) values.push({ rowKey, columnKey, oldValue, newValue });
    }),
  );
  return { changes, records: applied?.ok ? applied.records : [], values, rowKeys, columnKeys };
}

/** The value changes as cells to write. */
export function cellsOf(values: readonly CellValueChange[]): CellValue[] {
  return values.map(({ rowKey, columnKey, newValue }) => ({ rowKey, columnKey, value: newValue }));
}

const COLUMN_FIELDS = ['totalColumn', 'partColumns', 'columns'];
const REFERENCE_FIELDS = ['rate', 'numerator', 'denominator', 'end', 'start', 'plus', 'minus', 'left', 'right'];

/** A rule found on the new version, with its row and column keys those of the table. */
export function ruleWithTableKeys(rule: Rule, rowKeys: Map<string, string>, columnKeys: Map<string, string>): Rule {
  const renamed: Record<string, unknown> = { ...rule };
  const rename = (value: unknown, keys: Map<string, string>) =>
    Array.isArray(value) ? value.map((key) => keys.get(key) ?? key) : typeof value === 'string' ? (keys.get(value) ?? value) : value;
  for (const field of COLUMN_FIELDS) if (field in renamed) renamed[field] = rename(renamed[field], columnKeys);
  const axisKeys = (rule as { axis?: string }).axis === 'COLUMN' ? rowKeys : columnKeys;
  for (const field of REFERENCE_FIELDS) if (field in renamed) renamed[field] = rename(renamed[field], axisKeys);
  if (rule.rows?.keys) renamed.rows = { ...rule.rows, keys: rename(rule.rows.keys, rowKeys) };
  return renamed as unknown as Rule;
}
