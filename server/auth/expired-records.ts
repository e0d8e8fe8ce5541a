import type { EntityManager, MikroORM, QueryResult } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { FAILURE_WINDOW } from './sign-in';

/** How long a token is kept after it expires: a user still sees a personal token that ran out last week. */
const EXPIRED_TOKENS_KEPT = '7 days';
export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface Purged {
  signInFailures: number;
  tokens: number;
  rateLimits: number;
}

/**
 * Deletes the rows of the security tables that nothing reads any more, which would otherwise only grow:
 * wrong-password counts older than the counting window that lock nothing (sign-in counts them from one again
 * anyway), tokens a week past their expiry (refused anyway: a spent refresh token is kept, for reuse detection,
 * until it would have expired), and rate-limit counters that have run out. Each is one DELETE on a condition of
 * time alone, so several instances purging at once, or a sign-in meanwhile, lose or block nothing.
 * Idempotency keys are not here: they belong to the pushes' history (change_set), which is kept.
 */
export async function purgeExpiredRecords(em: EntityManager): Promise<Purged> {
  const deleted = async (sql: string) => (await em.getConnection().execute<QueryResult>(sql, [], 'run')).affectedRows;
  return {
    signInFailures: await deleted(
      `delete from sign_in_failure where last_failure_at <= now() - interval '${FAILURE_WINDOW}' and (locked_until is null or locked_until <= now())`,
    ),
    tokens: await deleted(`delete from access_token where expires_at <= now() - interval '${EXPIRED_TOKENS_KEPT}'`),
    rateLimits: await deleted(`delete from rate_limit where expire < extract(epoch from now()) * 1000`),
  };
}

/** Purges now and then every interval until stopped; a failed purge (the database away) is logged and retried next time. */
export function purgeRegularly(orm: MikroORM, log: Logger, intervalMs = PURGE_INTERVAL_MS): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const purge = () => {
    running = purgeExpiredRecords(orm.em.fork() as EntityManager).then(
      (purged) => log.info({ purged }, 'purged expired security records'),
      (error) => log.warn({ err: error }, 'purging expired security records failed; trying again later'),
    );
  };
  purge();
  const timer = setInterval(purge, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running; // the pool is closed next
    },
  };
}
