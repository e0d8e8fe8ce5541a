/** planReplacement: the structure changes and values that turn a table into a new version of its sheet. */
import { MAX_REPLACEMENT_CHANGES, planReplacement, ruleWithTableKeys, type ReplacementPlan } from '../../domain/import/replacement-plan';
import type { Rule } from '../../domain/rules';
import { applyStructureChanges } from '../../domain/structure-change';
import { TableSnapshot, type TableRow } from '../../domain/table-model';

type RowSpec = [key: string, parentKey: string | null, label: string, publishedNumber: string | null, values: (string | null)[]];

/** A table of money columns; levels follow from parents. */
function table(columns: [key: string, label: string][], rows: RowSpec[]): TableSnapshot {
  const levels = new Map<string, number>();
  const built: TableRow[] = rows.map(([key, parentKey, label, publishedNumber]) => {
    const level = parentKey === null ? 0 : levels.get(parentKey)! + 1;
    levels.set(key, level);
    return { key, publishedNumber, label, level, parentKey, kind: parentKey === null ? 'SECTION' : 'ITEM', editable: true, computed: false };
  });
  return TableSnapshot.create({
    columns: columns.map(([key, label]) => ({ key, label, publishedNumber: null, type: 'MONEY', scale: 0, editable: true })),
    rows: built,
    cells: rows.flatMap(([rowKey, , , , values]) => values.map((value, c) => ({ rowKey, columnKey: columns[c][0], value }))),
  });
}

function planned(current: TableSnapshot, target: TableSnapshot): ReplacementPlan {
  const plan = planReplacement(current, target);
  if ('problems' in plan) throw new Error(plan.problems.map(([, en]) => en).join('; '));
  return plan;
}

/** The table's layout and values once the plan is applied, by the table's keys, in the target's terms. */
function applied(current: TableSnapshot, plan: ReplacementPlan) {
  const result = plan.changes.length === 0 ? { ok: true as const, rows: [...current.rows], columns: [...current.columns] } : applyStructureChanges(current, plan.changes);
  if (!result.ok) throw new Error(result.problems.map(([, en]) => en).join('; '));
  const values = new Map<string, string | null>();
  for (const row of result.rows) {
    for (const column of result.columns) {
      const known = current.rowIndex(row.key) !== undefined && current.columnIndex(column.key) !== undefined;
      values.set(`${row.key}|${column.key}`, known ? current.value(row.key, column.key) : null);
    }
  }
  for (const change of plan.values) values.set(`${change.rowKey}|${change.columnKey}`, change.newValue);
  return {
    rows: result.rows.map((row) => [row.label, row.parentKey === null ? null : result.rows.find((other) => other.key === row.parentKey)!.label, row.level]),
    columns: result.columns.map((column) => column.label),
    values: result.rows.map((row) => result.columns.map((column) => values.get(`${row.key}|${column.key}`))),
  };
}

function layoutOf(snapshot: TableSnapshot) {
  return {
    rows: snapshot.rows.map((row) => [row.label, row.parentKey === null ? null : snapshot.rows[snapshot.rowIndex(row.parentKey)!].label, row.level]),
    columns: snapshot.columns.map((column) => column.label),
    values: snapshot.rows.map((_row, r) => snapshot.rowValues(r)),
  };
}

const COLUMNS: [string, string][] = [['total', 'Tổng số'], ['central', 'Trung ương']];

describe('planReplacement', () => {
  it('moves only the row that left its place among its siblings, and changes no value that stayed', () => {
    const current = table(COLUMNS, [['s', null, 'Dự án', 'I', ['10', '5']], ['a', 's', 'A', '1', ['1', '1']], ['b', 's', 'B', '2', ['2', '1']], ['c', 's', 'C', '3', ['3', '2']], ['d', 's', 'D', '4', ['4', '1']]]);
    const target = table(COLUMNS, [['S', null, 'Dự án', 'I', ['10', '5']], ['D', 'S', 'D', '4', ['4', '1']], ['A', 'S', 'A', '1', ['1', '1']], ['B', 'S', 'B', '2', ['2', '1']], ['C', 'S', 'C', '3', ['3', '2']]]);
    const plan = planned(current, target);
    expect(plan.changes).toEqual([{ op: 'MOVE_ROW', key: 'd', parentKey: 's', afterKey: 's' }]);
    expect(plan.values).toEqual([]);
    expect(applied(current, plan)).toEqual(layoutOf(target));
  });

  it('adds a new first row and a new first column, and moves a row with its child to another section', () => {
    const current = table(COLUMNS, [['s1', null, 'Dự án 1', 'I', ['10', '5']], ['a', 's1', 'A', '1', ['6', '3']], ['a1', 'a', 'A1', '1.1', ['6', '3']], ['b', 's1', 'B', '2', ['4', '2']], ['s2', null, 'Dự án 2', 'II', ['0', '0']]]);
    const target = table([['note', 'Ghi chú số'], ...COLUMNS], [
      ['t', null, 'Tổng cộng', null, ['1', '10', '5']],
      ['s1', null, 'Dự án 1', 'I', [null, '4', '2']], ['b', 's1', 'B', '2', [null, '4', '2']],
      ['s2', null, 'Dự án 2', 'II', [null, '6', '3']], ['a', 's2', 'A', '1', [null, '6', '3']], ['a1', 'a', 'A1', '1.1', [null, '6', '3']],
    ]);
    const plan = planned(current, target);
    const ops = plan.changes.map((change) => [change.op, change.key]);
    expect(ops).toContainEqual(['MOVE_ROW', 'a']);
    expect(ops).not.toContainEqual(['MOVE_ROW', 'a1']);
    expect(ops).not.toContainEqual(['MOVE_ROW', 'b']);
    expect(applied(current, plan)).toEqual(layoutOf(target));
  });

  it('renames what it matches by number under the same parent, removes the rest with its values, and gives new rows unused keys', () => {
    const current = table(COLUMNS, [['s', null, 'Dự án', 'I', ['3', '3']], ['x', 's', 'Cũ', '1', ['1', '1']], ['y', 's', 'Bỏ đi', '2', ['2', '2']]]);
    const target = table([['total', 'Tổng cộng'], ['central', 'Trung ương']], [['s', null, 'Dự án', 'I', ['3', '3']], ['x', 's', 'Mới', '1', ['1', '1']], ['y', 's', 'Thêm', '3', ['2', '2']]]);
    const plan = planned(current, target);
    expect(plan.rowKeys).toEqual(new Map([['s', 's'], ['x', 'x'], ['y', 'y-2']]));
    expect(plan.records.map((record) => [record.op, record.key, record.label, record.previousLabel])).toEqual([
      ['RENAME_COLUMN', 'total', 'Tổng cộng', 'Tổng số'],
      ['RENAME_ROW', 'x', 'Mới', 'Cũ'],
      ['ADD_ROW', 'y-2', 'Thêm', null],
      ['REMOVE_ROW', 'y', 'Bỏ đi', null],
    ]);
    expect(plan.records[3].removedValues).toEqual([{ key: 'total', value: '2' }, { key: 'central', value: '2' }]);
    expect(applied(current, plan)).toEqual(layoutOf(target));
  });

  it('gives the new layout for shuffled, pruned and grown tables', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const shuffled = <T>(items: T[]) => items.map((item) => [random(), item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);
    for (let round = 0; round < 40; round++) {
      const sections = ['I', 'II', 'III'];
      const rows: RowSpec[] = sections.flatMap((section) => [
        [section, null, `Phần ${section}`, section, ['1', '1']] as RowSpec,
        ...[1, 2, 3].map((n): RowSpec => [`${section}.${n}`, section, `Mục ${section}.${n}`, String(n), [String(n), null]]),
      ]);
      const current = table(COLUMNS, rows);
      // Keep most items, moved to any section in any order; add a few; values change now and then.
      const items = shuffled(rows.filter((row) => row[1] !== null)).filter(() => random() > 0.2);
      const grown = [...items, ...[1, 2].map((n): RowSpec => [`new${n}`, 'I', `Mới ${round}.${n}`, null, ['9', '9']])];
      const targetRows: RowSpec[] = shuffled(sections).flatMap((section) => [
        [section, null, `Phần ${section}`, section, ['1', '1']] as RowSpec,
        ...grown.filter((_, index) => index % 3 === sections.indexOf(section)).map(([key, , label, number, values]): RowSpec => [key, section, label, number, random() > 0.8 ? ['5', '5'] : values]),
      ]);
      const target = table(shuffled([...COLUMNS]), targetRows.map(([key, parent, label, number, values]) => [key, parent, label, number, values]));
      const plan = planned(current, target);
      expect(applied(current, plan)).toEqual(layoutOf(target));
    }
  });

  it('refuses a new version that shares too little with the table: it is another table', () => {
    const rows = (prefix: string): RowSpec[] => [['s', null, 'Phần', 'I', ['1', '1']], ...Array.from({ length: MAX_REPLACEMENT_CHANGES / 2 + 1 }, (_, n): RowSpec => [`${prefix}${n}`, 's', `${prefix} ${n}`, `${prefix}.${n}`, ['1', null]])];
    const plan = planReplacement(table(COLUMNS, rows('a')), table(COLUMNS, rows('b')));
    expect(plan).toEqual({ problems: [[expect.stringContaining('hãy nhập thành một bảng mới'), `the new version changes ${MAX_REPLACEMENT_CHANGES + 2} rows and columns, at most ${MAX_REPLACEMENT_CHANGES} in a re-import; import it as a new table`]] });
  });

  it('gives a rule found on the new version the table\'s keys', () => {
    const rule = { id: 'r', kind: 'COMPARE', severity: 'ERROR', axis: 'COLUMN', left: 'a', relation: 'LE', right: 'b', columns: ['c1'], rows: { keys: ['a'] } } as unknown as Rule;
    const renamed = ruleWithTableKeys(rule, new Map([['a', 'x'], ['b', 'y']]), new Map([['c1', 'k1']]));
    expect(renamed).toEqual({ ...rule, left: 'x', right: 'y', columns: ['k1'], rows: { keys: ['x'] } });
  });
});
