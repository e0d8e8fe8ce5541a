import { randomBytes } from 'node:crypto';
import type { MikroORM, Options } from '@mikro-orm/postgresql';
import pg from 'pg';
import { openDatabase } from '../../server/db/database';

export function testServerUrl(): string {
  const url = process.env.PLANBRIDGE_TEST_PG_URL;
  if (!url) throw new Error('No test database: run the suite with `npm test` (globalSetup starts PostgreSQL)');
  return url;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  drop(): Promise<void>;
}

/** A fresh database of its own for a test file: a clone of the migrated, seeded template (or empty). */
export async function createTestDatabase(options: { empty?: boolean; orm?: Partial<Options> } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE planbridge_template`));
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  const orm = await openDatabase(url.toString(), { logger: () => undefined, ...options.orm });
  return {
    url: url.toString(),
    orm,
    drop: async () => {
      await orm.close(true);
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
