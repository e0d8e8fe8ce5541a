import { createHash } from 'node:crypto';
import { TableSnapshot } from '../../domain/table-model';
import { contentHash } from '../../server/tables/content-hash';
import { canThoSnapshot } from '../domain/can-tho-appendix';
import { buildTable, type RowSpec } from '../domain/table-builder';

/** The hash as first written, one update per key and per cell: the reference the faster one must match. */
function referenceHash(snapshot: TableSnapshot): string {
  const hash = createHash('sha256');
  hash.update(snapshot.columns.map((column) => column.key).join('\u001f'));
  hash.update('\u001e');
  snapshot.rows.forEach((row, r) => {
    hash.update(row.key);
    snapshot.columns.forEach((_column, c) => {
      const value = snapshot.valueAt(r, c);
      hash.update(value === null ? '\u0000' : `\u001f${value}`);
    });
    hash.update('\u001e');
  });
  return `sha256:${hash.digest('hex')}`;
}

/** A flat table of `count` rows with Vietnamese keys, empty cells, zeros, negatives and decimals. */
function generated(count: number): TableSnapshot {
  const values = [null, '0', '5600826', '-12.5', '0.2105', null];
  const rows: RowSpec[] = Array.from({ length: count }, (_, r) => [`Ấp-${r}`, null, 'ITEM', [values[r % 6], values[(r * 7) % 6], null, values[(r + 3) % 6]]]);
  return buildTable([['total', 'Tổng số'], ['trung-ương', 'Ngân sách Trung ương'], ['city', 'Thành phố'], ['rate', 'Tỷ lệ', 'RATE', 4]], rows);
}

describe('contentHash', () => {
  it.each([
    ['the published Cần Thơ table', canThoSnapshot()],
    ['a table without rows or columns', TableSnapshot.create({ columns: [], rows: [], cells: [] })],
    ['rows without columns', buildTable([], [['1', null, 'ITEM', []], ['2', null, 'ITEM', []]])],
    ['one row', generated(1)],
    ['exactly one block of rows', generated(1000)],
    ['a block and a part', generated(2345)],
  ])('hashes %s exactly as the reference algorithm', (_name, snapshot) => {
    expect(contentHash(snapshot)).toBe(referenceHash(snapshot));
  });

  it('tells an empty cell from a zero', () => {
    const empty = buildTable([['total', 'Tổng số']], [['1', null, 'ITEM', [null]]]);
    const zero = buildTable([['total', 'Tổng số']], [['1', null, 'ITEM', ['0']]]);
    expect(contentHash(empty)).not.toBe(contentHash(zero));
  });
});
