import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../entities';
import { accountLocked, invalidCredentials } from './auth-errors';
import { decoyHash, verifyPassword } from './passwords';
import { issueSession, type Session } from './tokens';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** Wrong passwords count "in a row" within this time of each other (a PostgreSQL interval); after it the count starts again. */
export const FAILURE_WINDOW = '1 day';
const DELAY_STEP_MS = 200;
/** Longest login ever stored; longer ones are counted under their first characters. */
const LOGIN_KEY_LENGTH = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The lock still in force on a login, if any. */
async function lockOf(em: EntityManager, login: string): Promise<Date | null> {
  const [row] = await em.execute('select locked_until from sign_in_failure where login = ? and locked_until > now()', [login]);
  return row ? new Date(row.locked_until) : null;
}

/**
 * One more wrong password for a login, in one atomic statement (parallel guesses each count):
 * the fifth in a row locks the login; a lock that has run out, or a day without failures, starts the count again
 * (so deleting such rows, server/auth/expired-records.ts, changes nothing).
 */
async function countFailure(em: EntityManager, login: string): Promise<{ failures: number; lockedUntil: Date | null }> {
  const expired = `(f.locked_until is not null and f.locked_until <= now()) or f.last_failure_at <= now() - interval '${FAILURE_WINDOW}'`;
  const next = `case when ${expired} then 1 else f.failures + 1 end`;
  const [row] = await em.execute(
    `insert into sign_in_failure as f (login, failures, locked_until, last_failure_at) values (?, 1, null, now())
     on conflict (login) do update set
       failures = ${next},
       locked_until = case when f.locked_until > now() then f.locked_until
                           when ${next} >= ? then now() + ? * interval '1 millisecond' end,
       last_failure_at = now()
     returning failures, locked_until`,
    [login, MAX_FAILED_SIGN_INS, LOCK_MS],
  );
  return { failures: row.failures, lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
}

/**
 * Password sign-in. Each wrong password in a row answers more slowly; the fifth locks the login
 * for a while, during which even the right password is refused. Unknown and disabled logins go
 * through the same steps (a decoy hash, the same counter and lock), so they look the same.
 */
export async function signInWithPassword(em: EntityManager, login: string, password: string): Promise<{ user: User; session: Session }> {
  const key = login.trim().toLowerCase().slice(0, LOGIN_KEY_LENGTH);
  const locked = await lockOf(em, key);
  if (locked) throw accountLocked(locked);
  const user = await em.findOne(User, { login: key });
  const known = user !== null && !user.disabled;
  const matches = await verifyPassword(known ? user.passwordHash : await decoyHash(), password);
  if (!known || !matches) {
    const { failures, lockedUntil } = await countFailure(em, key);
    await sleep(Math.min(failures, MAX_FAILED_SIGN_INS) * DELAY_STEP_MS);
    if (lockedUntil) throw accountLocked(lockedUntil);
    throw invalidCredentials();
  }
  // A lock taken by parallel wrong guesses while this password was checked still holds.
  await em.execute('delete from sign_in_failure where login = ? and (locked_until is null or locked_until <= now())', [key]);
  const lockedMeanwhile = await lockOf(em, key);
  if (lockedMeanwhile) throw accountLocked(lockedMeanwhile);
  const session = await issueSession(em, user);
  return { user, session };
}
