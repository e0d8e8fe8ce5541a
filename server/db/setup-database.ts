import 'reflect-metadata';
import { seedIfEmpty } from '../seed/load-seed';
import { seedUsersIfNone } from '../seed/users';
import { migrate, openDatabase } from './database';

/**
 * Applies the migrations and, into an empty database, the seed: `npm run db:setup` with
 * DATABASE_URL set. The test suite uses it to prepare its template database.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL');
  const orm = await openDatabase(url, { logger: () => undefined });
  try {
    const applied = await migrate(orm);
    const seeded = process.env.PLANBRIDGE_SEED !== 'false' && (await seedIfEmpty(orm.em.fork()));
    const users = seeded && process.env.PLANBRIDGE_SEED_USERS !== 'false' && (await seedUsersIfNone(orm.em.fork()));
    process.stdout.write(`migrations applied: ${applied.length}; seed loaded: ${seeded}; local users: ${users}\n`);
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
