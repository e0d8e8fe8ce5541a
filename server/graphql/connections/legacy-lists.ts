import { Refusal } from '../../../domain/refusal';

/**
 * Most items a deprecated plain list (kept for existing clients until it is removed) still answers: more matches
 * are refused, naming the connection to page through instead, so no request reads a million rows.
 */
export const LEGACY_LIST_CEILING = 20_000;

/** The items `read` finds (asked for one more than the ceiling), or TOO_MANY_RESULTS naming the connection to use. */
export async function legacyList<T>(field: string, connection: string, read: (limit: number) => Promise<T[]>): Promise<T[]> {
  const items = await read(LEGACY_LIST_CEILING + 1);
  if (items.length > LEGACY_LIST_CEILING) {
    throw new Refusal(
      'TOO_MANY_RESULTS',
      `${field} trả về tối đa ${LEGACY_LIST_CEILING} mục; truy vấn này khớp nhiều hơn. Hãy thu hẹp bộ lọc hoặc dùng ${connection} để lấy từng trang`,
      `${field} answers at most ${LEGACY_LIST_CEILING} items and this query matches more. Narrow the filter, or page through ${connection}`,
      { field, connection },
    );
  }
  return items;
}
