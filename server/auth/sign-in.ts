import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../entities';
import { accountLocked, invalidCredentials } from './auth-errors';
import { decoyHash, verifyPassword } from './passwords';
import { issueSession, type Session } from './tokens';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60 * 1000;
const DELAY_STEP_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Password sign-in. Each wrong password in a row answers more slowly; the fifth locks the
 * account for a while, during which even the right password is refused.
 */
export async function signInWithPassword(em: EntityManager, login: string, password: string): Promise<{ user: User; session: Session }> {
  const user = await em.findOne(User, { login: login.trim().toLowerCase() });
  if (!user || user.disabled) {
    await verifyPassword(await decoyHash(), password);
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw accountLocked(user.lockedUntil);
  if (!(await verifyPassword(user.passwordHash, password))) {
    user.failedSignIns += 1;
    const failures = user.failedSignIns;
    if (failures >= MAX_FAILED_SIGN_INS) {
      user.lockedUntil = new Date(Date.now() + LOCK_MS);
      user.failedSignIns = 0;
    }
    await em.flush();
    await sleep(Math.min(failures, MAX_FAILED_SIGN_INS) * DELAY_STEP_MS);
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw accountLocked(user.lockedUntil);
    throw invalidCredentials();
  }
  user.failedSignIns = 0;
  user.lockedUntil = null;
  const session = await issueSession(em, user);
  return { user, session };
}
