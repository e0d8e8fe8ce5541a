import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM, Options } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import { migrate, openDatabase } from '../../server/db/database';
import { startEmbeddedPostgres, type RunningPostgres } from '../../server/db/embedded-postgres';

/** What a benchmark started and must clean up: its temp dir, embedded PostgreSQL and pool. */
export interface Setup {
  tmpDir: string;
  postgres: RunningPostgres | null;
  orm: MikroORM | null;
}

export const setup: Setup = { tmpDir: '', postgres: null, orm: null };
let cleaning: Promise<void> | null = null;

/** An embedded PostgreSQL of the benchmark's own, in a new temp dir, stopped and removed by cleanup(). */
export async function startScratchPostgres(log: Logger = pino({ level: 'warn', base: { service: 'bench-postgres' } }, pino.destination(2))): Promise<RunningPostgres> {
  setup.tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planbridge-bench-'));
  fs.chmodSync(setup.tmpDir, 0o755); // the postgres user must traverse it when we run as root
  setup.postgres = await startEmbeddedPostgres(setup.tmpDir, log);
  const { hostname } = new URL(setup.postgres.url);
  if (hostname !== '127.0.0.1') throw new Error(`embedded PostgreSQL is not on 127.0.0.1: ${hostname}`);
  return setup.postgres;
}

/** The pool on the scratch PostgreSQL, migrated (not seeded); closed by cleanup(). */
export async function openScratchDatabase(overrides: Partial<Options> = { logger: () => undefined }): Promise<MikroORM> {
  if (!setup.postgres) throw new Error('startScratchPostgres() first');
  setup.orm = await openDatabase(setup.postgres.url, overrides);
  await migrate(setup.orm);
  return setup.orm;
}

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
function cleanUpOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping PostgreSQL and removing ${setup.tmpDir || 'nothing'}`);
      void cleanup().finally(() => process.exit(code));
    });
  }
}

/** Runs a benchmark's main: a failure is printed and exits 1; either way (and on Ctrl-C) everything started is cleaned up. */
export function runBenchmark(main: () => Promise<void>): void {
  cleanUpOnSignals();
  main()
    .then(
      () => 0,
      (error: unknown) => {
        console.error(`\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return 1;
      },
    )
    .then(async (code) => {
      await cleanup();
      if (code === 0 && setup.tmpDir) console.log(`cleaned up: PostgreSQL stopped, ${setup.tmpDir} removed`);
      process.exit(code);
    });
}
