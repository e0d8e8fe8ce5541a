/** Per-request DataLoaders: one loader per way of asking, so two orders of the same children never share a cache. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { PlanTable, TableRow } from '../../server/entities';
import { Loaders } from '../../server/graphql/loaders';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('byParent answers each orderBy in its own order, even for the same parent in the same request', async () => {
  const em = db.orm.em.fork() as EntityManager;
  const table = await em.findOneOrFail(PlanTable, { title: 'Phụ lục 2', plan: { documentNumber: '132/KH-UBND' } });
  const loaders = new Loaders(em);
  const byPosition = await loaders.byParent(TableRow, 'table', 'position').load(table.id);
  const byKey = await loaders.byParent(TableRow, 'table', 'key').load(table.id);

  expect(byPosition.length).toBeGreaterThan(10);
  const positions = byPosition.map((row) => row.position);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(byKey.map((row) => row.key).sort()).toEqual(byPosition.map((row) => row.key).sort());
  expect(byKey.map((row) => row.key)).not.toEqual(byPosition.map((row) => row.key));
  // The same question again is answered from the request's cache.
  expect(await loaders.byParent(TableRow, 'table', 'position').load(table.id)).toBe(byPosition);
});
