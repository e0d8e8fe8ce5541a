import 'reflect-metadata';
import { seedIfEmpty } from '../seed/load-seed';
import { seedUsersIfNone } from '../seed/users';
import { readConfig } from '../config';
import { migrate, openDatabase, withStartupLock } from './database';

/**
 * Applies the migrations and, into an empty database, the seed: `npm run db:setup` with
 * DATABASE_URL set. The test suite uses it to prepare its template database.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL');
  const orm = await openDatabase(url, { logger: () => undefined });
  try {
    // The same settings as the server: seed users never in production unless PLANBRIDGE_SEED_USERS=true.
    const config = readConfig();
    await withStartupLock(url, async () => {
      const applied = await migrate(orm);
      const seeded = config.seed && (await seedIfEmpty(orm.em.fork()));
      const users = seeded && config.seedUsers && (await seedUsersIfNone(orm.em.fork()));
      process.stdout.write(`migrations applied: ${applied.length}; seed loaded: ${seeded}; local users: ${users}\n`);
    });
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
