import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { ConnectionValue } from './connection-type';
import type { KeyType } from './cursors';
import { keysetFilter, paginate, readOrder } from './keyset';
import type { PageArgs } from './page-arguments';

/** A list of entities ordered by their own columns, the last one unique (an id, a login, a version). */
export interface EntityOrder<T> {
  /** The connection's name, carried in its cursors. */
  name: string;
  keys: readonly { property: keyof T & string; type: KeyType; descending?: boolean }[];
}

/** A page of the entities matching `where`, in `order`, with keyset cursors (never OFFSET). */
export function entityConnection<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  order: EntityOrder<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  query: unknown,
): Promise<ConnectionValue<T>> {
  const names = order.keys.map((key) => key.property);
  const list = { name: order.name, keys: order.keys, keyOf: (item: T) => names.map((name) => item[name]) };
  return paginate(
    list,
    args,
    query,
    (window) =>
      em.find(entity, { $and: [where, ...keysetFilter(names, order.keys, window)] } as FilterQuery<T>, {
        orderBy: readOrder(names, order.keys, window.backward) as never,
        limit: window.limit,
      }),
    () => em.count(entity, where),
  );
}
