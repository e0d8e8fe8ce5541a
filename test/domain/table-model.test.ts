import { TableColumn, TableRow, TableSnapshot, TableSnapshotData } from '../../domain/table-model';

const columns: TableColumn[] = [
  { key: 'total', label: 'Tổng số', publishedNumber: '3', type: 'MONEY', scale: 0, editable: false },
  { key: 'city', label: 'Ngân sách thành phố', publishedNumber: '4', type: 'MONEY', scale: 0, editable: true },
  { key: 'rate', label: 'Tỷ lệ', publishedNumber: '5', type: 'RATE', scale: 2, editable: true },
];

function row(key: string, parentKey: string | null, level: number, kind: TableRow['kind'] = 'ITEM', editable = true): TableRow {
  return { key, publishedNumber: key, label: `Dòng ${key}`, level, parentKey, kind, editable, computed: false };
}

const rows: TableRow[] = [
  row('I', null, 0, 'SECTION'),
  row('I.1', 'I', 1),
  row('I.1.~1', 'I.1', 2, 'LABEL'),
  row('I.1.1', 'I.1', 2, 'CHILD'),
  row('I.2', 'I', 1),
  row('TOTAL', null, 0, 'GRAND_TOTAL', false),
];

const data: TableSnapshotData = {
  columns,
  rows,
  cells: [
    { rowKey: 'I', columnKey: 'total', value: '5600826' },
    { rowKey: 'I.1', columnKey: 'rate', value: '0.21' },
    { rowKey: 'I.1.1', columnKey: 'city', value: '-12.5' },
    { rowKey: 'I.2', columnKey: 'city', value: null },
  ],
};

describe('TableSnapshot', () => {
  const snapshot = TableSnapshot.create(data);

  it('looks cells up by key and by position; unlisted cells are empty', () => {
    expect(snapshot.value('I', 'total')).toBe('5600826');
    expect(snapshot.value('I.1', 'rate')).toBe('0.21');
    expect(snapshot.value('I.1.1', 'city')).toBe('-12.5');
    expect(snapshot.value('I.2', 'city')).toBeNull();
    expect(snapshot.value('TOTAL', 'total')).toBeNull();
    expect(snapshot.valueAt(3, 1)).toBe('-12.5');
    expect(snapshot.rowIndex('I.2')).toBe(4);
    expect(snapshot.columnIndex('rate')).toBe(2);
    expect(snapshot.rowIndex('nope')).toBeUndefined();
    expect(() => snapshot.value('nope', 'total')).toThrow(/Unknown cell/);
  });

  it('indexes children by parent, labels included, in table order', () => {
    expect(snapshot.childIndexes(0)).toEqual([1, 4]);
    expect(snapshot.childIndexes(1)).toEqual([2, 3]);
    expect(snapshot.childIndexes(5)).toEqual([]);
  });

  it('knows the most decimal places of its values, also after changes', () => {
    expect(snapshot.maxDecimalPlaces).toBe(2); // 0.21
    const changed = snapshot.withChanges([{ rowKey: 'I.2', columnKey: 'city', value: '1' }]);
    expect(changed.ok && changed.snapshot.maxDecimalPlaces).toBe(2);
    const integers = TableSnapshot.create({ ...data, cells: [{ rowKey: 'I', columnKey: 'total', value: '7' }] });
    expect(integers.maxDecimalPlaces).toBe(0);
  });

  it('normalises machine-form values on creation', () => {
    const created = TableSnapshot.create({ ...data, cells: [{ rowKey: 'I', columnKey: 'total', value: '0012.50' }] });
    expect(created.value('I', 'total')).toBe('12.5');
  });

  it('serialises back to the data it was made from (non-empty cells only)', () => {
    const round = TableSnapshot.create(snapshot.toData());
    expect(round.toData()).toEqual(snapshot.toData());
    expect(snapshot.toData().cells).toEqual(data.cells.filter((cell) => cell.value !== null));
  });

  it('is not affected by later changes to the objects it was made from', () => {
    const mutableRows = rows.map((r) => ({ ...r }));
    const created = TableSnapshot.create({ ...data, rows: mutableRows });
    mutableRows[1].key = 'changed';
    expect(created.rows[1].key).toBe('I.1');
  });

  describe('create refuses corrupt data', () => {
    it.each<[string, Partial<TableSnapshotData>, RegExp]>([
      ['duplicate row keys', { rows: [row('A', null, 0), row('A', null, 0)], cells: [] }, /Duplicate row key "A"/],
      ['duplicate column keys', { columns: [columns[0], columns[0]], cells: [] }, /Duplicate column key "total"/],
      ['an unknown parent', { rows: [row('A', 'B', 1)], cells: [] }, /parent "B" must be a row above/],
      ['a parent below its child', { rows: [row('A', 'B', 1), row('B', null, 0)], cells: [] }, /parent "B" must be a row above/],
      ['a LABEL parent', { rows: [row('A', null, 0, 'LABEL'), row('B', 'A', 1)], cells: [] }, /LABEL row cannot be a parent/],
      ['a wrong level', { rows: [row('A', null, 0), row('B', 'A', 2)], cells: [] }, /level 2, expected 1/],
      ['a root with a level', { rows: [row('A', null, 1)], cells: [] }, /no parent but level 1/],
      ['an empty key', { rows: [row('', null, 0)], cells: [] }, /Empty row key/],
      ['a negative scale', { columns: [{ ...columns[0], scale: -1 }], cells: [] }, /invalid scale/],
      ['a cell of an unknown row', { cells: [{ rowKey: 'X', columnKey: 'total', value: '1' }] }, /unknown row or column/],
      ['a cell given twice', { cells: [{ rowKey: 'I', columnKey: 'total', value: '1' }, { rowKey: 'I', columnKey: 'total', value: '2' }] }, /given twice/],
      ['a Vietnamese-notation value', { cells: [{ rowKey: 'I', columnKey: 'total', value: '5.600.826' }] }, /canonical form/],
    ])('%s', (_, override, message) => {
      expect(() => TableSnapshot.create({ ...data, ...override })).toThrow(message);
    });
  });

  describe('withChanges', () => {
    it('applies changes to a copy and leaves the original untouched', () => {
      const result = snapshot.withChanges([
        { rowKey: 'I.2', columnKey: 'city', value: '1050' },
        { rowKey: 'I.1.1', columnKey: 'city', value: null },
        { rowKey: 'I.1', columnKey: 'rate', value: '0.150' },
      ]);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.snapshot.value('I.2', 'city')).toBe('1050');
      expect(result.snapshot.value('I.1.1', 'city')).toBeNull();
      expect(result.snapshot.value('I.1', 'rate')).toBe('0.15');
      expect(result.snapshot.value('I', 'total')).toBe('5600826');
      expect(result.snapshot.childIndexes(0)).toEqual([1, 4]);
      expect(snapshot.value('I.2', 'city')).toBeNull();
      expect(snapshot.value('I.1.1', 'city')).toBe('-12.5');
    });

    it('refuses the whole change set and reports every bad change', () => {
      const result = snapshot.withChanges([
        { rowKey: 'I.2', columnKey: 'city', value: '7' },
        { rowKey: 'X', columnKey: 'city', value: '1' },
        { rowKey: 'I.2', columnKey: 'x', value: '1' },
        { rowKey: 'I.2', columnKey: 'total', value: '1' }, // column not editable
        { rowKey: 'TOTAL', columnKey: 'city', value: '1' }, // row not editable
        { rowKey: 'I.1', columnKey: 'city', value: '1,5' },
        { rowKey: 'I.1', columnKey: 'rate', value: '0.215' }, // rate column keeps 2 decimals
        { rowKey: 'I.2', columnKey: 'city', value: '8' }, // same cell twice
      ]);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.map((error) => [error.rowKey, error.columnKey, error.code])).toEqual([
        ['X', 'city', 'UNKNOWN_ROW'],
        ['I.2', 'x', 'UNKNOWN_COLUMN'],
        ['I.2', 'total', 'NOT_EDITABLE'],
        ['TOTAL', 'city', 'NOT_EDITABLE'],
        ['I.1', 'city', 'NOT_CANONICAL'],
        ['I.1', 'rate', 'TOO_MANY_DECIMALS'],
        ['I.2', 'city', 'DUPLICATE_CHANGE'],
      ]);
      const decimals = result.errors.find((error) => error.code === 'TOO_MANY_DECIMALS')!;
      expect(decimals.messageVi).toContain('Tỷ lệ');
      expect(decimals.messageEn).toMatch(/3 decimal places, this column allows 2/);
      expect(snapshot.value('I.2', 'city')).toBeNull();
    });
  });
});

describe('TableSnapshot.fromGrid with values straight from the database', () => {
  it('takes canonical values as they are, row-major, and reads them back by cell and by row', () => {
    const grid = gridOf(['5600826', null, null], ['1', '2', '0.215']);
    const fromGrid = TableSnapshot.fromGrid(columns, rows, grid);
    grid[0] = 'changed by the caller';
    expect(fromGrid.value('I', 'total')).toBe('5600826');
    expect(fromGrid.value('I', 'city')).toBeNull();
    expect(fromGrid.rowValues(1)).toEqual(['1', '2', '0.215']);
    expect(fromGrid.maxDecimalPlaces).toBe(3);
    expect(fromGrid.childIndexes(1)).toEqual([2, 3]);
    expect(TableSnapshot.create(fromGrid.toData()).toData()).toEqual(fromGrid.toData());
  });

  it('refuses a grid of the wrong size and bad structure, like create', () => {
    expect(() => TableSnapshot.fromGrid(columns, rows, [null, null])).toThrow('needs 18 values, got 2');
    expect(() => TableSnapshot.fromGrid(columns, rows.slice(1), new Array(15).fill(null))).toThrow('must be a row above it');
  });

  /** The first two rows given, the other four empty. */
  function gridOf(...given: (string | null)[][]): (string | null)[] {
    return [...given.flat(), ...new Array(18 - given.length * 3).fill(null)];
  }
});
