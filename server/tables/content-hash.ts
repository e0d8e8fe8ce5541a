import { createHash } from 'node:crypto';
import type { TableSnapshot } from '../../domain/table-model';

/**
 * A hash of what a table holds (structure and values), so a client can tell whether its copy
 * is the server's without comparing cell by cell. Empty cells hash differently from zeros.
 */
export function contentHash(snapshot: TableSnapshot): string {
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
