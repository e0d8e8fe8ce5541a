import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { entities } from '../entities';
import { PROJECT_ROOT } from '../project-root';

/** Migrations run compiled (npm start and npm test build first), also when tests load the TypeScript sources. */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'dist/server/migrations');

export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true },
    migrations: {
      path: MIGRATIONS_DIR,
      glob: '!(*.d).js',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: 10 },
    // Numbers stay exact: numeric columns come back as strings (MikroORM's decimal default).
    forceUtcTimezone: true,
    ...overrides,
  });
}

/** For the MikroORM CLI. */
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://localhost/planbridge');
