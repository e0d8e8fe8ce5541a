import { createHash } from 'node:crypto';
import type { TableSnapshot } from '../../domain/table-model';

/** Rows hashed per update: one string per block, since each update call costs more than the hashing of a row. */
const ROWS_PER_UPDATE = 1000;

/**
 * A hash of what a table holds (structure and values), so a client can tell whether its copy
 * is the server's without comparing cell by cell. Empty cells hash differently from zeros.
 * The hashed text: column keys joined by U+001F, U+001E, then per row its key, per cell U+0000
 * (empty) or U+001F and the value, and U+001E.
 */
export function contentHash(snapshot: TableSnapshot): string {
  const hash = createHash('sha256');
  hash.update(`${snapshot.columns.map((column) => column.key).join('\u001f')}\u001e`);
  const width = snapshot.columns.length;
  let text = '';
  snapshot.rows.forEach((row, r) => {
    text += row.key;
    for (let c = 0; c < width; c++) {
      const value = snapshot.valueAt(r, c);
      text += value === null ? '\u0000' : `\u001f${value}`;
    }
    text += '\u001e';
    if ((r + 1) % ROWS_PER_UPDATE === 0) {
      hash.update(text);
      text = '';
    }
  });
  hash.update(text);
  return `sha256:${hash.digest('hex')}`;
}
