import { TableSnapshot, type TableSnapshotData } from '../../domain/table-model';
import { contentHash } from '../../server/tables/content-hash';
import { canThoSnapshot } from '../domain/can-tho-appendix';
import { buildTable, type RowSpec } from '../domain/table-builder';

/**
 * contentHash covers the structure and the values of a table: two copies hash alike, and any one difference a
 * client could show (a label, a type, a parent, an order, a value, empty against zero) gives another hash.
 */
function sample(): TableSnapshotData {
  return {
    columns: [
      { key: 'total', label: 'Tổng số', publishedNumber: '1', type: 'MONEY', scale: 0, editable: true },
      { key: 'rate', label: 'Tỷ lệ', publishedNumber: '2', type: 'RATE', scale: 2, editable: true },
    ],
    rows: [
      { key: 'I', publishedNumber: 'I', label: 'Vốn đầu tư', level: 0, parentKey: null, kind: 'SECTION', editable: true, computed: false },
      { key: 'I.1', publishedNumber: '1', label: 'Huyện A', level: 1, parentKey: 'I', kind: 'ITEM', editable: true, computed: false },
      { key: 'I.2', publishedNumber: '2', label: 'Huyện B', level: 1, parentKey: 'I', kind: 'ITEM', editable: true, computed: false },
      { key: 'II', publishedNumber: 'II', label: 'Vốn sự nghiệp', level: 0, parentKey: null, kind: 'SECTION', editable: true, computed: false },
    ],
    cells: [
      { rowKey: 'I.1', columnKey: 'total', value: '5600826' },
      { rowKey: 'I.1', columnKey: 'rate', value: '0.25' },
      { rowKey: 'I.2', columnKey: 'total', value: '0' },
    ],
  };
}

function hashOf(change: (data: TableSnapshotData & { columns: any[]; rows: any[]; cells: any[] }) => void = () => undefined): string {
  const data = structuredClone(sample()) as TableSnapshotData & { columns: any[]; rows: any[]; cells: any[] };
  change(data);
  return contentHash(TableSnapshot.create(data));
}

/** A flat table of `count` rows with empty cells, zeros, negatives and decimals. */
function generated(count: number, changedRow?: number): TableSnapshot {
  const values = [null, '0', '5600826', '-12.5', '0.2105', null];
  const rows: RowSpec[] = Array.from({ length: count }, (_, r) => [`Ấp-${r}`, null, 'ITEM', [r === changedRow ? '1' : values[r % 6], values[(r * 7) % 6]]]);
  return buildTable([['total', 'Tổng số'], ['rate', 'Tỷ lệ', 'RATE', 4]], rows);
}

describe('contentHash', () => {
  it('is a sha256, the same for two copies of a table and different for different tables', () => {
    expect(hashOf()).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hashOf()).toBe(hashOf());
    expect(contentHash(canThoSnapshot())).toBe(contentHash(canThoSnapshot()));
    expect(contentHash(canThoSnapshot())).not.toBe(hashOf());
    const empty = TableSnapshot.create({ columns: [], rows: [], cells: [] });
    expect(contentHash(buildTable([], [['1', null, 'ITEM', []]]))).not.toBe(contentHash(empty));
  });

  const structure: [string, (data: any) => void][] = [
    ['a column label', (data) => (data.columns[0].label = 'Tổng cộng')],
    ['a column published number', (data) => (data.columns[1].publishedNumber = '3')],
    ['a column type', (data) => (data.columns[0].type = 'COUNT')],
    ['the decimals of a column', (data) => (data.columns[1].scale = 3)],
    ['whether a column is editable', (data) => (data.columns[0].editable = false)],
    ['the order of the columns', (data) => data.columns.reverse()],
    ['a column key', (data) => {
      data.columns[1].key = 'ratio';
      data.cells.forEach((cell: any) => cell.columnKey === 'rate' && (cell.columnKey = 'ratio'));
    }],
    ['a row label', (data) => (data.rows[2].label = 'Huyện C')],
    ['a row published number', (data) => (data.rows[2].publishedNumber = '2a')],
    ['a row kind', (data) => (data.rows[2].kind = 'CHILD')],
    ['whether a row is editable', (data) => (data.rows[2].editable = false)],
    ['whether a row is computed', (data) => (data.rows[0].computed = true)],
    ['a row parent', (data) => Object.assign(data.rows[2], { parentKey: null, level: 0 })],
    ['the order of the rows', (data) => ([data.rows[1], data.rows[2]] = [data.rows[2], data.rows[1]])],
    ['a row key', (data) => {
      data.rows[2].key = 'I.3';
      data.cells.forEach((cell: any) => cell.rowKey === 'I.2' && (cell.rowKey = 'I.3'));
    }],
    ['an added row', (data) => data.rows.push({ ...data.rows[3], key: 'III', publishedNumber: 'III' })],
  ];
  it.each(structure)('changes with %s', (_what, change) => {
    expect(hashOf(change)).not.toBe(hashOf());
  });

  const values: [string, (data: any) => void][] = [
    ['a value', (data) => (data.cells[0].value = '5600827')],
    ['an empty cell filled with zero', (data) => data.cells.push({ rowKey: 'I.2', columnKey: 'rate', value: '0' })],
    ['a zero emptied', (data) => data.cells.pop()],
    ['a value moved to the next cell', (data) => (data.cells[2].columnKey = 'rate')],
    ['a value moved to the next row', (data) => (data.cells[2].rowKey = 'II')],
  ];
  it.each(values)('changes with %s', (_what, change) => {
    expect(hashOf(change)).not.toBe(hashOf());
  });

  it('covers every row of a long table, in and after each block of rows hashed together', () => {
    const hashes = [undefined, 0, 999, 1000, 2344].map((row) => contentHash(generated(2345, row)));
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(contentHash(generated(2345))).toBe(contentHash(generated(2345)));
    expect(contentHash(generated(2346))).not.toBe(contentHash(generated(2345)));
  });
});
