import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { PROJECT_ROOT } from '../project-root';
import { ormConfig } from './orm-config';

/**
 * Writes a TypeScript migration for the difference between the entities and the last
 * committed snapshot into server/migrations (npm run migration:create, with DATABASE_URL set).
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to an empty scratch database');
  const sourceDir = path.join(PROJECT_ROOT, 'server/migrations');
  const orm = await MikroORM.init(
    ormConfig(url, { migrations: { path: sourceDir, emit: 'ts', snapshot: true, snapshotName: 'schema-snapshot' } }),
  );
  const initial = process.argv.includes('--initial');
  const result = await orm.getMigrator().createMigration(sourceDir, false, initial);
  console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes');
  await orm.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
