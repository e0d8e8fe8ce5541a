import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { ConfigError, readConfig } from '../../../server/config';
import { createTestDatabase } from '../../support/database';
import { freePort, killSpawnedServers, postgresProcessesFor, removeTempDataDirs, spawnServer, tempDataDir } from '../../support/server-process';

/** Start-up races, safe defaults and a dying embedded PostgreSQL (issue 16, items 10, 12, 13 and 15), as real processes. */
jest.setTimeout(240000);
afterEach(killSpawnedServers);
afterAll(removeTempDataDirs);

const count = async (url: string, table: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
  } finally {
    await client.end();
  }
};

it('exits non-zero when its embedded PostgreSQL is killed, instead of serving errors', async () => {
  const dataDir = tempDataDir();
  const server = spawnServer({ DATABASE_URL: undefined, PLANBRIDGE_DATA_DIR: dataDir, PLANBRIDGE_SEED: 'false' }, await freePort());
  await server.ready();
  for (const pid of postgresProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
  const code = await server.exited();
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(server.output()).toContain('PostgreSQL stopped unexpectedly');
});

it('two servers started together on one data directory: exactly one runs', async () => {
  const dataDir = tempDataDir();
  require('node:fs').mkdirSync(dataDir, { recursive: true });
  const servers = await Promise.all([0, 1].map(async () => spawnServer({ DATABASE_URL: undefined, PLANBRIDGE_DATA_DIR: dataDir, PLANBRIDGE_SEED: 'false' }, await freePort())));
  const outcomes = await Promise.all(servers.map((server) => server.ready().then(() => 'ready', () => 'exited')));
  expect(outcomes.sort()).toEqual(['exited', 'ready']);
  expect(servers.map((server) => server.output()).join('\n')).toContain('in use by another PlanBridge server');
});

it('two servers started together on one empty database migrate and seed it once', async () => {
  const db = await createTestDatabase({ empty: true });
  try {
    const servers = await Promise.all([0, 1].map(async () => spawnServer({ DATABASE_URL: db.url }, await freePort())));
    await Promise.all(servers.map((server) => server.ready()));
    expect(await count(db.url, 'program')).toBe(1);
    expect(await count(db.url, 'app_user')).toBeGreaterThan(0);
  } finally {
    killSpawnedServers();
    await db.drop();
  }
});

it('npm run db:setup creates no seed users in production', async () => {
  const db = await createTestDatabase({ empty: true });
  try {
    execFileSync(process.execPath, [path.resolve(__dirname, '../../../dist/server/db/setup-database.js')], { env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'production' } });
    expect(await count(db.url, 'program')).toBe(1);
    expect(await count(db.url, 'app_user')).toBe(0);
  } finally {
    await db.drop();
  }
});

describe('defaults', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('parses boolean settings strictly, and names the variable of a bad one', () => {
    for (const value of ['0', 'false', 'no', 'FALSE']) expect(readConfig({ PLANBRIDGE_SEED: value }).seed).toBe(false);
    for (const value of ['1', 'true', 'yes']) expect(readConfig({ PLANBRIDGE_SEED: value }).seed).toBe(true);
    expect(() => readConfig({ PLANBRIDGE_SEED: 'maybe' })).toThrow(ConfigError);
    expect(() => readConfig({ PLANBRIDGE_SEED: 'maybe' })).toThrow(/PLANBRIDGE_SEED/);
    expect(() => readConfig({ PLANBRIDGE_IDE: 'on' })).toThrow(/PLANBRIDGE_IDE/);
  });

  it('a server started with a bad boolean stops with an error naming it', async () => {
    const server = spawnServer({ PLANBRIDGE_SEED: 'maybe' }, await freePort());
    expect(await server.exited()).toBe(1);
    expect(server.output()).toContain('PLANBRIDGE_SEED');
  });

  it('trusts no proxy unless told, and checks the public URL', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ PLANBRIDGE_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => readConfig({ PLANBRIDGE_TRUST_PROXY: 'not-an-address' })).toThrow(/PLANBRIDGE_TRUST_PROXY/);
    expect(readConfig({ PLANBRIDGE_PUBLIC_URL: 'https://planbridge.example.gov.vn/' }).publicUrl).toBe('https://planbridge.example.gov.vn');
    expect(() => readConfig({ PLANBRIDGE_PUBLIC_URL: 'https://x.example/path' })).toThrow(/PLANBRIDGE_PUBLIC_URL/);
  });

  it('allows no other origin for the add-in unless told, and checks each one given', () => {
    expect(readConfig({}).addinOrigins).toEqual([]);
    expect(readConfig({ PLANBRIDGE_ADDIN_ORIGIN: ' https://addin.example/ , http://localhost:3000,' }).addinOrigins).toEqual(['https://addin.example', 'http://localhost:3000']);
    expect(() => readConfig({ PLANBRIDGE_ADDIN_ORIGIN: 'https://addin.example/pane' })).toThrow(/PLANBRIDGE_ADDIN_ORIGIN/);
    expect(() => readConfig({ PLANBRIDGE_ADDIN_ORIGIN: 'addin.example' })).toThrow(/PLANBRIDGE_ADDIN_ORIGIN/);
  });
});
