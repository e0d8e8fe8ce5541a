import { PageInfo, type ConnectionValue } from './connection-type';
import { cursorScope, decodeCursor, encodeCursor, type KeyType } from './cursors';
import { pageSize, type PageArgs } from './page-arguments';

/** One key of a list's order; the last key of every order is unique (an id), so the order is total and stable. */
export interface SortKey {
  type: KeyType;
  descending?: boolean;
}

/** A page to read: the bounds given by the cursors, how many items (one more, to tell whether more follow) and which way. */
export interface PageWindow {
  after: unknown[] | null;
  before: unknown[] | null;
  /** Items to read: the page size plus one. */
  limit: number;
  /** Read from the end: the order reversed (the answer is put back in order). */
  backward: boolean;
}

/** Reads one page: items inside the window, in the list's order (reversed when window.backward), at most window.limit. */
export type PageReader<T> = (window: PageWindow) => Promise<T[]>;

export interface ListDefinition<T> {
  /** The connection's name, carried in its cursors. */
  name: string;
  keys: readonly SortKey[];
  keyOf(item: T): unknown[];
}

/** A page of a connection: the arguments checked, the cursors decoded, the page read through `read` and put in order. */
export async function paginate<T>(list: ListDefinition<T>, args: PageArgs, query: unknown, read: PageReader<T>, count: () => Promise<number>): Promise<ConnectionValue<T>> {
  const { size, backward } = pageSize(args);
  const scope = cursorScope(list.name, query);
  const types = list.keys.map((key) => key.type);
  const after = args.after ? decodeCursor(args.after, 'after', scope, types) : null;
  const before = args.before ? decodeCursor(args.before, 'before', scope, types) : null;
  const read_ = size === 0 ? [] : await read({ after, before, limit: size + 1, backward });
  const more = read_.length > size;
  const items = read_.slice(0, size);
  if (backward) items.reverse();
  const edges = items.map((node) => ({ cursor: encodeCursor(scope, list.keyOf(node)), node }));
  const pageInfo: PageInfo = {
    hasNextPage: backward ? before !== null : more,
    hasPreviousPage: backward ? more : after !== null,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
  let counted: Promise<number> | null = null;
  return {
    edges,
    nodes: items,
    pageInfo,
    get totalCount() {
      return (counted ??= count());
    },
  };
}

/** Whether the key is read in descending order for this read (the list's order, reversed when reading backward). */
const descendingFor = (key: SortKey, backward: boolean) => Boolean(key.descending) !== backward;

/** ORDER BY keys for the read: the list's order, or reversed when reading backward. */
export function readOrder<K extends string>(names: readonly K[], keys: readonly SortKey[], backward: boolean): Record<K, 'asc' | 'desc'> {
  return Object.fromEntries(names.map((name, index) => [name, descendingFor(keys[index], backward) ? 'desc' : 'asc'])) as Record<K, 'asc' | 'desc'>;
}

/**
 * MikroORM conditions for the items strictly after `after` and before `before` in the list's order, keys
 * compared one by one: (k1 > v1) or (k1 = v1 and k2 > v2) or …
 */
export function keysetFilter(names: readonly string[], keys: readonly SortKey[], window: Pick<PageWindow, 'after' | 'before'>): Record<string, unknown>[] {
  const bound = (values: unknown[], later: boolean) => ({
    $or: names.map((name, index) => ({
      ...Object.fromEntries(names.slice(0, index).map((earlier, e) => [earlier, values[e]])),
      [name]: { [Boolean(keys[index].descending) === later ? '$lt' : '$gt']: values[index] },
    })),
  });
  return [...(window.after ? [bound(window.after, true)] : []), ...(window.before ? [bound(window.before, false)] : [])];
}

/** The same bounds as SQL over `columns` (expressions), with their parameters. */
export function keysetSql(columns: readonly string[], keys: readonly SortKey[], window: Pick<PageWindow, 'after' | 'before'>): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const uniform = keys.every((key) => Boolean(key.descending) === Boolean(keys[0].descending));
  const bound = (values: unknown[], later: boolean) => {
    // One direction throughout: a row comparison, which PostgreSQL answers with an index seek.
    if (uniform) {
      params.push(...values);
      parts.push(`(${columns.join(', ')}) ${Boolean(keys[0].descending) === later ? '<' : '>'} (${columns.map(() => '?').join(', ')})`);
      return;
    }
    const alternatives = columns.map((column, index) => {
      params.push(...values.slice(0, index + 1));
      const equal = columns.slice(0, index).map((earlier) => `${earlier} = ?`);
      return `(${[...equal, `${column} ${Boolean(keys[index].descending) === later ? '<' : '>'} ?`].join(' and ')})`;
    });
    parts.push(`(${alternatives.join(' or ')})`);
  };
  if (window.after) bound(window.after, true);
  if (window.before) bound(window.before, false);
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

/** ORDER BY columns for the read, as SQL. */
export function orderSql(columns: readonly string[], keys: readonly SortKey[], backward: boolean): string {
  return columns.map((column, index) => `${column} ${descendingFor(keys[index], backward) ? 'desc' : 'asc'}`).join(', ');
}
