import { createTestDatabase, type TestDatabase } from '../../support/database';
import { postGraphQL } from '../../support/graphql';
import { freePort, killSpawnedServers, spawnServer, type ServerProcess } from '../../support/server-process';

/** Two server processes on one PostgreSQL share sign-in limits and lockouts (issue 16, item 1). */
jest.setTimeout(180000);

let db: TestDatabase;
let servers: ServerProcess[];

beforeAll(async () => {
  db = await createTestDatabase();
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
