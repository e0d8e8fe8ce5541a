import { createTestDatabase, type TestDatabase } from '../../support/database';
import { postGraphQL } from '../../support/graphql';
import { freePort, killSpawnedServers, spawnServer, type ServerProcess } from '../../support/server-process';

/**
 * Two server processes on one PostgreSQL share sign-in limits and lockouts (issue 16, item 1), and both purge
 * the security records that have run out, at once, without taking anything still in use.
 */
jest.setTimeout(180000);

let db: TestDatabase;
let servers: ServerProcess[];

const sql = (text: string) => db.orm.em.getConnection().execute(text);

/** Rows the purge must delete (old) or keep (recent, or still in force), written before the servers start. */
async function writeOldAndRecentRecords(): Promise<void> {
  await sql(`insert into sign_in_failure (login, failures, locked_until, last_failure_at) values
    ('purge.old', 3, null, now() - interval '2 days'),
    ('purge.lock-ran-out', 5, now() - interval '47 hours', now() - interval '2 days'),
    ('purge.recent', 2, null, now() - interval '1 hour'),
    ('purge.locked', 5, now() + interval '1 hour', now() - interval '2 days')`);
  await sql(`insert into access_token (user_id, kind, token_hash, family, created_at, expires_at, revoked_at)
    select id, kind, hash, gen_random_uuid(), now() - interval '40 days', expires, revoked from app_user, (values
      ('REFRESH', 'purge-refresh-expired-8-days-ago', now() - interval '8 days', now() - interval '9 days'),
      ('ACCESS', 'purge-access-expired-8-days-ago', now() - interval '8 days', null),
      ('REFRESH', 'purge-refresh-expired-yesterday', now() - interval '1 day', now() - interval '2 days'),
      ('ACCESS', 'purge-access-live', now() + interval '10 minutes', null)) as t(kind, hash, expires, revoked)
    where login = 'cantho.editor'`);
  const now = Date.now();
  await sql(`insert into rate_limit (key, points, expire) values ('purge:old', 3, ${now - 7200_000}), ('purge:ran-out', 3, ${now - 1000}), ('purge:live', 3, ${now + 3600_000})`);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await writeOldAndRecentRecords();
  servers = await Promise.all([0, 1].map(async () => spawnServer({ DATABASE_URL: db.url, PLANBRIDGE_SIGNINS_PER_MINUTE: '6' }, await freePort())));
  await Promise.all(servers.map((server) => server.ready()));
});
afterAll(async () => {
  killSpawnedServers();
  await Promise.all(servers.map((server) => server.exited()));
  await db.drop();
});

const SIGN_IN = `mutation ($l: String!, $p: String!) { signIn(login: $l, password: $p) { accessToken } }`;

it('a lockout taken through one instance holds on the other, and both count against one sign-in limit', async () => {
  const signIn = async (server: ServerProcess, password: string) => {
    const response = await postGraphQL(`http://127.0.0.1:${server.port}/graphql`, SIGN_IN, { l: 'cantho.viewer', p: password });
    return response.errors?.[0].extensions?.code ?? 'OK';
  };
  const codes: string[] = [];
  for (let i = 0; i < 5; i++) codes.push(await signIn(servers[i % 2], `wrong-${i}`));
  expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
  expect(await signIn(servers[1], 'planbridge-local')).toBe('ACCOUNT_LOCKED');
  // Six attempts so far from this address, three through each instance: the seventh is over the shared limit.
  expect(await signIn(servers[0], 'planbridge-local')).toBe('RATE_LIMITED');
  expect(await signIn(servers[1], 'planbridge-local')).toBe('RATE_LIMITED');
});

it('both instances purge run-out sign-in failures, tokens and rate-limit counters at start, and keep what is still in force', async () => {
  const remaining = async () => ({
    failures: (await sql(`select login from sign_in_failure where login like 'purge.%' order by login`)).map((row) => row.login),
    tokens: (await sql(`select token_hash from access_token where token_hash like 'purge-%' order by token_hash`)).map((row) => row.token_hash),
    rateLimits: (await sql(`select key from rate_limit where key like 'purge:%' order by key`)).map((row) => row.key),
  });
  const deadline = Date.now() + 30000;
  while (!servers.every((server) => server.output().includes('purged expired security records')) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(await remaining()).toEqual({
    failures: ['purge.locked', 'purge.recent'],
    tokens: ['purge-access-live', 'purge-refresh-expired-yesterday'],
    rateLimits: ['purge:live'],
  });
  for (const server of servers) {
    expect(server.output()).toContain('purged expired security records');
    expect(server.output()).not.toContain('purging expired security records failed');
  }
});
