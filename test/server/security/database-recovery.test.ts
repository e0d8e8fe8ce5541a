import { postGraphQL } from '../../support/graphql';
import { freePort, killSpawnedServers, removeTempDataDirs, spawnServer, startStandalonePostgres, tempDataDir, type ServerProcess, type StandalonePostgres } from '../../support/server-process';

/**
 * An external PostgreSQL (DATABASE_URL) that stops and comes back under a running server (issue 16, item 10):
 * the server says so on /readyz and in its answers meanwhile, and the same process serves again once it is back.
 */
jest.setTimeout(300000);

let pgDataDir: string;
let pgPort: number;
let postgres: StandalonePostgres | null = null;
let server: ServerProcess;
let base: string;

beforeAll(async () => {
  pgDataDir = tempDataDir();
  pgPort = await freePort();
  postgres = await startStandalonePostgres(pgDataDir, pgPort);
  server = spawnServer({ DATABASE_URL: postgres.url }, await freePort());
  await server.ready();
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  killSpawnedServers();
  await server?.exited();
  await postgres?.stop();
  removeTempDataDirs();
});

const ME = `{ me { login } plans { id } }`;
const SIGN_IN = `mutation { signIn(login: "cantho.viewer", password: "planbridge-local") { accessToken } }`;

async function readiness(): Promise<number> {
  const response = await fetch(`${base}/readyz`);
  await response.arrayBuffer();
  return response.status;
}

async function waitForReadiness(status: number): Promise<void> {
  const deadline = Date.now() + 60000;
  while ((await readiness()) !== status) {
    if (Date.now() > deadline) throw new Error(`/readyz never answered ${status}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

it('answers 503 while PostgreSQL is away, and answers again from the same process once it is back', async () => {
  const signedIn = await postGraphQL(`${base}/graphql`, SIGN_IN);
  expect(signedIn.errors).toBeUndefined();
  const authorization = { authorization: `Bearer ${signedIn.data!.signIn.accessToken}` };
  const before = await postGraphQL(`${base}/graphql`, ME, {}, authorization);
  expect(before.data!.me.login).toBe('cantho.viewer');
  expect(await readiness()).toBe(200);

  await postgres!.stop();
  postgres = null;
  await waitForReadiness(503);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  const answers = [
    await postGraphQL(`${base}/graphql`, ME, {}, authorization), // the token is checked while building the context
    await postGraphQL(`${base}/graphql`, `{ programs { id } }`), // anonymous: the resolver's query fails
    await postGraphQL(`${base}/graphql`, SIGN_IN), // the shared rate limit is read first
  ];
  for (const answer of answers) {
    expect([answer.status, answer.errors?.[0].extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(answer.errors![0].message).toMatch(/database|cơ sở dữ liệu/i);
    expect(JSON.stringify(answer)).not.toMatch(/ECONNREFUSED|ECONNRESET|127\.0\.0\.1|terminat|knex|pool/i);
  }

  postgres = await startStandalonePostgres(pgDataDir, pgPort);
  await waitForReadiness(200);
  const after = await postGraphQL(`${base}/graphql`, ME, {}, authorization);
  expect(after.errors).toBeUndefined();
  expect(after.data!.me.login).toBe('cantho.viewer');
  expect((await postGraphQL(`${base}/graphql`, SIGN_IN)).errors).toBeUndefined();
  expect(server.child.exitCode).toBeNull();
});
