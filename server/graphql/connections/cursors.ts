import { createHash } from 'node:crypto';
import { badInput } from '../../../domain/refusal';

/** What one value of a sort key is, to check a cursor coming back before it reaches SQL. */
export type KeyType = 'int' | 'text' | 'date';

const IS: Record<KeyType, (value: unknown) => boolean> = {
  int: (value) => Number.isSafeInteger(value),
  text: (value) => typeof value === 'string',
  date: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value),
};

/**
 * The list a cursor belongs to: the connection's name and a digest of the arguments that choose and order its
 * items (not the page arguments), so a cursor taken from one query is refused by another.
 */
export function cursorScope(list: string, query: unknown): string {
  return `${list}:${createHash('sha256').update(JSON.stringify(query ?? null)).digest('base64url').slice(0, 12)}`;
}

/** A cursor: its scope and the sort-key values of the item, as base64url JSON (opaque to clients, not secret). */
export function encodeCursor(scope: string, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([scope, ...values])).toString('base64url');
}

function refused(argument: string, vi: string, en: string): never {
  throw badInput(argument, `Con trỏ ${argument} không dùng được: ${vi}. Hãy dùng đúng endCursor/startCursor của trang trước, cùng truy vấn`, `The ${argument} cursor cannot be used: ${en}. Pass the endCursor/startCursor of a previous page of the same query`);
}

/** The sort-key values of a cursor given as `argument` (after/before), or BAD_USER_INPUT saying what is wrong with it. */
export function decodeCursor(cursor: string, argument: string, scope: string, keys: readonly KeyType[]): unknown[] {
  let decoded: unknown;
  try {
    decoded = /^[A-Za-z0-9_-]{1,2000}$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || typeof decoded[0] !== 'string') refused(argument, 'không phải con trỏ của PlanBridge', 'it is not a PlanBridge cursor');
  const [from, ...values] = decoded as [string, ...unknown[]];
  const [list] = scope.split(':');
  if (from.split(':')[0] !== list) refused(argument, `đây là con trỏ của danh sách khác (${from.split(':')[0]}), không phải ${list}`, `it belongs to another list (${from.split(':')[0]}), not ${list}`);
  if (from !== scope) refused(argument, 'nó thuộc về truy vấn có bộ lọc hoặc thứ tự khác', 'it comes from a query with other filters or another order');
  if (values.length !== keys.length || !keys.every((type, index) => IS[type](values[index]))) refused(argument, 'nội dung đã bị sửa', 'its content was altered');
  return values;
}
