/**
 * Chunk planning: no single request to Excel may approach Excel on the web's 5 MB payload limit, and the
 * number of context.sync() calls must grow with the data size divided by the chunk size, never with the
 * number of cells or rows. Every gateway call is one Excel.run with a fixed number of syncs, so the
 * number of syncs is (number of chunks) × (syncs per call).
 */
import type { SheetOp } from './sheet-ops';

/** Excel on the web refuses requests and responses over 5 MB; we stay far below, with room for protocol overhead. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
/** Also bound the number of queued operations per sync (formatting one cell is one operation). */
export const DEFAULT_MAX_OPS = 2000;

export interface RowChunk {
  start: number;
  count: number;
}

/** Rows [0, rowCount) in chunks whose estimated size stays under budget. */
export function planRowChunks(rowCount: number, bytesPerRow: number, budget = DEFAULT_CHUNK_BYTES): RowChunk[] {
  const perChunk = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  const chunks: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += perChunk) chunks.push({ start, count: Math.min(perChunk, rowCount - start) });
  return chunks;
}

/** UTF-8 size of a value as it would travel in JSON. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Upper estimate of one cell's size in a values/formulas request: the JSON of the value plus separators. */
export function cellBytes(value: unknown): number {
  return jsonBytes(value) + 1;
}

/** Groups items into batches under a byte budget and an item count; an item larger than the budget goes alone. */
export function packBySize<T>(items: readonly T[], size: (item: T) => number, budget = DEFAULT_CHUNK_BYTES, maxItems = DEFAULT_MAX_OPS): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const itemBytes = size(item);
    if (current.length > 0 && (bytes + itemBytes > budget || current.length >= maxItems)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += itemBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Splits a string into pieces of at most maxChars characters (for stored snapshot parts). */
export function splitText(text: string, maxChars: number): string[] {
  if (text.length === 0) return [''];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + Math.max(2, maxChars));
    // never cut a surrogate pair in two
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** Estimated request size of one operation. */
export function opBytes(op: SheetOp): number {
  const overhead = 64 + op.address.length;
  switch (op.kind) {
    case 'values':
      return overhead + op.values.reduce((sum, row) => sum + row.reduce((s: number, value) => s + cellBytes(value), 2), 0);
    case 'formulas':
      return overhead + op.formulas.reduce((sum, row) => sum + row.reduce((s: number, value) => s + cellBytes(value), 2), 0);
    case 'numberFormat':
      return overhead + op.numberFormat.reduce((sum, row) => sum + row.reduce((s: number, value) => s + cellBytes(value), 2), 0);
    case 'note':
      return overhead + cellBytes(op.text ?? '') + cellBytes(op.title ?? '');
    default:
      return overhead + 32;
  }
}
