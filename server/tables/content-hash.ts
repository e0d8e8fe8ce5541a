import { createHash } from 'node:crypto';
import type { TableSnapshot } from '../../domain/table-model';

/** Rows hashed per update: one string per block, since each update call costs more than the hashing of a row. */
const ROWS_PER_UPDATE = 1000;

/**
 * A hash of what a table holds, its structure and its values, so a client can tell whether its copy is the
 * server's without comparing cell by cell. Structure: the columns in order (key, published number, label, type,
 * decimals, editable) and the rows in order (key, published number, label, level, parent, kind, editable,
 * computed), as one JSON array. Values: per row, per cell U+0000 (empty, so it differs from a zero) or U+001F and
 * the value, then U+001E.
 */
export function contentHash(snapshot: TableSnapshot): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([
      snapshot.columns.map((column) => [column.key, column.publishedNumber, column.label, column.type, column.scale, column.editable]),
      snapshot.rows.map((row) => [row.key, row.publishedNumber, row.label, row.level, row.parentKey, row.kind, row.editable, row.computed]),
    ]),
  );
  const width = snapshot.columns.length;
  let text = '';
  for (let r = 0; r < snapshot.rows.length; r++) {
    for (let c = 0; c < width; c++) {
      const value = snapshot.valueAt(r, c);
      text += value === null ? '\u0000' : `\u001f${value}`;
    }
    text += '\u001e';
    if ((r + 1) % ROWS_PER_UPDATE === 0) {
      hash.update(text);
      text = '';
    }
  }
  hash.update(text);
  return `sha256:${hash.digest('hex')}`;
}
