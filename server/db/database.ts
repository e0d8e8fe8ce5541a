import { MikroORM, type Options } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormConfig } from './orm-config';

/** A database the server cannot use; the message is safe to print (no password). */
export class DatabaseUnavailableError extends Error {}

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? '***' : '';
    return parsed.toString();
  } catch {
    return '(an invalid DATABASE_URL)';
  }
}

/** Fails fast with one clear message instead of the ORM's retries and stack traces. */
async function checkReachable(url: string): Promise<void> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  } catch (error) {
    throw new DatabaseUnavailableError(`DATABASE_URL is not a valid PostgreSQL URL: ${(error as Error).message}`);
  }
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as Error).message || (error as NodeJS.ErrnoException).code || 'no answer';
    throw new DatabaseUnavailableError(`Cannot reach the database at ${describeUrl(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openDatabase(url: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  await checkReachable(url);
  return MikroORM.init(ormConfig(url, overrides));
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}

/** Any fixed number: the key of the advisory lock that start-up work holds. */
const STARTUP_LOCK = 16_2026;

/**
 * Runs start-up work (migrations, seed) while holding a PostgreSQL advisory lock, so that
 * instances starting together on one database do it one after the other, never both.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Socket errors of a server that is down or unreachable. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server that is shutting down, restarting or not accepting sessions yet (class 08: connection exceptions). */
const UNAVAILABLE_STATES = /^(08...|57P0[1-3])$/;

/**
 * Whether an error (or one it wraps) means the database cannot be used just now — down, restarting, unreachable,
 * its pool out of connections — rather than a wrong query: worth a 503 and a retry, not an internal error.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const { code, name, message } = cause as Error & { code?: unknown };
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    // pg: a session closed under it; knex: no connection from the pool in time.
    if (/^Connection terminated/.test(message) || name === 'KnexTimeoutError') return true;
  }
  return false;
}
