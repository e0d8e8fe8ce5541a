import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessToken, TokenKind, User } from '../entities';
import { unauthenticated } from './auth-errors';

export const ACCESS_TOKEN_TTL_MS = 15 * 60 * 1000;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const PERSONAL_TOKEN_MAX_DAYS = 366;

const PREFIX: Record<TokenKind, string> = { ACCESS: 'pba', REFRESH: 'pbr', PERSONAL: 'pbp' };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface IssuedToken {
  token: string;
  record: AccessToken;
}

/** A new random bearer token; only its hash is stored. */
export function issueToken(em: EntityManager, user: User, kind: TokenKind, ttlMs: number, name: string | null = null, family: string | null = null): IssuedToken {
  const token = `${PREFIX[kind]}_${randomBytes(32).toString('base64url')}`;
  const record = em.create(AccessToken, { user, kind, name, family, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlMs) });
  return { token, record };
}

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** A session's tokens; `family` is kept through refreshes (a new sign-in starts a new one). */
export async function issueSession(em: EntityManager, user: User, family: string = randomUUID()): Promise<Session> {
  const access = issueToken(em, user, TokenKind.ACCESS, ACCESS_TOKEN_TTL_MS, null, family);
  const refresh = issueToken(em, user, TokenKind.REFRESH, REFRESH_TOKEN_TTL_MS, null, family);
  await em.flush();
  return { accessToken: access.token, accessTokenExpiresAt: access.record.expiresAt, refreshToken: refresh.token, refreshTokenExpiresAt: refresh.record.expiresAt };
}

/**
 * Trades a refresh token for a new session of the same family. The old token is spent by one
 * atomic UPDATE, so of parallel trades exactly one wins; presenting a token already spent (a
 * stolen copy, or a replay) revokes its whole family, the session issued in its place included.
 */
export async function rotateRefreshToken(em: EntityManager, refreshToken: string): Promise<{ user: User; session: Session }> {
  const hash = hashToken(refreshToken);
  const rotated = await em.transactional(async (tx) => {
    const [spent] = await tx.execute(
      `update access_token set revoked_at = now() where token_hash = ? and kind = 'REFRESH' and revoked_at is null and expires_at > now() returning user_id, family`,
      [hash],
    );
    const user = spent ? await tx.findOne(User, spent.user_id) : null;
    if (!user || user.disabled) return null;
    return { user, session: await issueSession(tx as EntityManager, user, spent.family ?? randomUUID()) };
  });
  if (!rotated) {
    await revokeFamilyOf(em, hash);
    throw unauthenticated();
  }
  return rotated;
}

/** Revokes every token of the family the token with this hash belongs to (a personal token: just itself). */
export async function revokeFamilyOf(em: EntityManager, tokenHash: string): Promise<void> {
  await em.execute(
    `update access_token set revoked_at = coalesce(revoked_at, now())
     where token_hash = ? or family = (select family from access_token where token_hash = ?)`,
    [tokenHash, tokenHash],
  );
}

/** The live token record for a presented token of one of the kinds, or an UNAUTHENTICATED error. */
export async function findLiveToken(em: EntityManager, token: string, kinds: TokenKind[]): Promise<AccessToken> {
  const record = await em.findOne(AccessToken, { tokenHash: hashToken(token) }, { populate: ['user'] });
  if (!record || !kinds.includes(record.kind) || record.revokedAt || record.expiresAt.getTime() <= Date.now() || record.user.disabled) {
    throw unauthenticated();
  }
  return record;
}

/** The user behind an `Authorization: Bearer …` header; no header means anonymous (null). */
export async function authenticate(em: EntityManager, header: string | undefined): Promise<AccessToken | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated();
  const record = await findLiveToken(em, match[1], [TokenKind.ACCESS, TokenKind.PERSONAL]);
  // Coarse last-use stamp: one write per token per minute at most.
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > 60000) {
    await em.nativeUpdate(AccessToken, { id: record.id }, { lastUsedAt: new Date() });
  }
  return record;
}
