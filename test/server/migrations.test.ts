import { createTestDatabase, type TestDatabase } from '../support/database';
import { migrate } from '../../server/db/database';

describe('committed migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(async () => db.drop());

  it('build exactly the schema the entities describe, and apply only once', async () => {
    const applied = await migrate(db.orm);
    expect(applied.length).toBeGreaterThan(0);
    const drift = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(drift.trim()).toBe('');
    expect(await migrate(db.orm)).toEqual([]);
  });
});
