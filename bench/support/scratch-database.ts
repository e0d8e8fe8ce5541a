import fs from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RunningPostgres } from '../../server/db/embedded-postgres';

/** What a benchmark started and must clean up: its temp dir, embedded PostgreSQL and pool. */
export interface Setup {
  tmpDir: string;
  postgres: RunningPostgres | null;
  orm: MikroORM | null;
}

export const setup: Setup = { tmpDir: '', postgres: null, orm: null };
let cleaning: Promise<void> | null = null;

/** Closes the pool, stops PostgreSQL and removes the temp dir, once, whatever was started. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    if (setup.orm) await setup.orm.close(true).catch((error: unknown) => console.error(`closing the pool failed: ${String(error)}`));
    if (setup.postgres) await setup.postgres.stop().catch((error: unknown) => console.error(`stopping PostgreSQL failed: ${String(error)}`));
    if (setup.tmpDir) fs.rmSync(setup.tmpDir, { recursive: true, force: true });
  })();
  return cleaning;
}

/** Ctrl-C or a kill still leaves nothing running and nothing on disk. */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping PostgreSQL and removing ${setup.tmpDir || 'nothing'}`);
      void cleanup().finally(() => process.exit(code));
    });
  }
}
