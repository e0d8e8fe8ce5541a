import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

type WithId = { id: number };

/**
 * Per-request batching: every relation a query walks costs one SQL statement per level,
 * whatever the number of parents (no N+1).
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<number, unknown>>();

  constructor(private readonly em: EntityManager) {}

  private cached<V>(name: string, create: () => DataLoader<number, V>): DataLoader<number, V> {
    let loader = this.loaders.get(name) as DataLoader<number, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(name, loader as DataLoader<number, unknown>);
    }
    return loader;
  }

  /** The entity with each id, or null. */
  byId<T extends WithId>(entity: EntityClass<T>): DataLoader<number, T | null> {
    return this.cached(`${entity.name}#id`, () =>
      new DataLoader(async (ids: readonly number[]) => {
        const found = await this.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
        const byId = new Map(found.map((item) => [item.id, item]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    );
  }

  /** The entities whose `foreignKey` points at each parent id, in `orderBy` order. */
  byParent<T extends object>(entity: EntityClass<T>, foreignKey: keyof T & string, orderBy: keyof T & string): DataLoader<number, T[]> {
    return this.cached(`${entity.name}#${foreignKey}#${orderBy}`, () =>
      new DataLoader(async (parentIds: readonly number[]) => {
        const found = await this.em.find(entity, { [foreignKey]: { $in: [...parentIds] } } as FilterQuery<T>, {
          orderBy: { [orderBy]: 'asc' } as never,
        });
        const groups = new Map<number, T[]>(parentIds.map((id) => [id, []]));
        for (const item of found) {
          const parent = (item as Record<string, unknown>)[foreignKey] as WithId;
          groups.get(parent.id)?.push(item);
        }
        return parentIds.map((id) => groups.get(id) ?? []);
      }),
    );
  }

  /** Any other batched lookup, cached under `name` for the request. */
  custom<V>(name: string, batch: (keys: readonly number[]) => Promise<V[]>): DataLoader<number, V> {
    return this.cached(name, () => new DataLoader(batch));
  }
}
