/**
 * Short-lived signed download addresses (GraphQL tableWorkbook): a browser link or an e-mail client can
 * fetch the file without the Authorization header, and no token ever appears in an address or a log.
 * The signature covers table, version, user and expiry with a key made when the process starts, so a
 * restart simply ends the links in flight (they live minutes).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET = randomBytes(32);
export const LINK_TTL_SECONDS = 300;

export interface LinkGrant {
  tableId: number;
  version: number | null;
  userId: number;
  /** Unix seconds. */
  expires: number;
}

function signature(grant: LinkGrant): string {
  return createHmac('sha256', SECRET).update(`${grant.tableId}|${grant.version ?? ''}|${grant.userId}|${grant.expires}`).digest('base64url');
}

/** The path and query of a signed address for one table (and version), valid LINK_TTL_SECONDS. */
export function signedWorkbookPath(tableId: number, version: number | null, userId: number, now = Date.now()): { path: string; expiresAt: Date } {
  const grant: LinkGrant = { tableId, version, userId, expires: Math.floor(now / 1000) + LINK_TTL_SECONDS };
  const query = new URLSearchParams({ ...(version === null ? {} : { version: String(version) }), user: String(userId), expires: String(grant.expires), signature: signature(grant) });
  return { path: `/tables/${tableId}.xlsx?${query}`, expiresAt: new Date(grant.expires * 1000) };
}

/** The user a signed address was made for, or null when the signature is wrong or the address expired. */
export function verifySignedLink(tableId: string, query: Record<string, unknown>, now = Date.now()): number | null {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
  if (!/^\d{1,9}$/.test(tableId) || !/^\d{1,9}$/.test(text('user')) || !/^\d{1,12}$/.test(text('expires'))) return null;
  const version = text('version');
  if (version !== '' && !/^\d{1,9}$/.test(version)) return null;
  const grant: LinkGrant = { tableId: Number(tableId), version: version === '' ? null : Number(version), userId: Number(text('user')), expires: Number(text('expires')) };
  if (grant.expires * 1000 < now) return null;
  const expected = Buffer.from(signature(grant));
  const given = Buffer.from(text('signature'));
  return expected.length === given.length && timingSafeEqual(expected, given) ? grant.userId : null;
}
