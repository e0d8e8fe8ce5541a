import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postGraphQL } from '../support/graphql';
import { testServerUrl } from '../support/database';
import { freePort, killSpawnedServers, postgresProcessesFor, removeTempDataDirs, spawnServer, tempDataDir, type ServerProcess } from '../support/server-process';

/**
 * `npm start` as a user runs it: the built server in its own process, with embedded PostgreSQL
 * under PLANBRIDGE_DATA_DIR or an external one from DATABASE_URL.
 */
jest.setTimeout(240000);

const GRAND_TOTAL = `{
  findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { rows { kind cells { columnKey value } } }
}`;

/** Signs in as the documented local administrator, as a person would on a fresh install. */
async function grandTotal(port: number): Promise<string> {
  const url = `http://127.0.0.1:${port}/graphql`;
  const session = await postGraphQL(url, `mutation { signIn(login: "admin", password: "planbridge-local") { accessToken } }`);
  expect(session.errors).toBeUndefined();
  const response = await postGraphQL(url, GRAND_TOTAL, {}, { authorization: `Bearer ${session.data!.signIn.accessToken}` });
  const row = response.data!.findTable.rows.find((candidate: any) => candidate.kind === 'GRAND_TOTAL');
  return row.cells.find((cell: any) => cell.columnKey === 'total').value;
}

/** The exit code after SIGTERM; 'still running' when the server has not stopped within 20 s (then it is killed). */
async function stopGracefully(server: ServerProcess): Promise<number | null | 'still running'> {
  server.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 20000)));
  const outcome = await Promise.race([server.exited(), late]);
  clearTimeout(timer);
  if (outcome === 'still running') {
    server.child.kill('SIGKILL');
    await server.exited();
  }
  return outcome;
}

afterEach(killSpawnedServers);
afterAll(removeTempDataDirs);

describe('starting the server', () => {
  it('starts an embedded PostgreSQL under PLANBRIDGE_DATA_DIR, survives restarts, and stops it on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const first = spawnServer({ DATABASE_URL: undefined, PLANBRIDGE_DATA_DIR: dataDir }, port);
    await first.ready();
    expect(await grandTotal(port)).toBe('5600826');
    expect(first.output()).toContain('loaded the seed documents');
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);
    expect(await stopGracefully(first)).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    const second = spawnServer({ DATABASE_URL: undefined, PLANBRIDGE_DATA_DIR: dataDir }, port);
    await second.ready();
    expect(second.output()).not.toContain('creating a new embedded PostgreSQL cluster');
    expect(second.output()).not.toContain('loaded the seed documents');
    expect(await grandTotal(port)).toBe('5600826');

    // A killed run leaves its PostgreSQL and lock behind; the next start must recover.
    second.child.kill('SIGKILL');
    await second.exited();
    const third = spawnServer({ DATABASE_URL: undefined, PLANBRIDGE_DATA_DIR: dataDir }, port);
    await third.ready();
    expect(await grandTotal(port)).toBe('5600826');
    expect(await stopGracefully(third)).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });

  it('runs two instances side by side with their own ports and data directories', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const a = spawnServer({ DATABASE_URL: undefined, PLANBRIDGE_DATA_DIR: tempDataDir() }, portA);
    const b = spawnServer({ DATABASE_URL: undefined, PLANBRIDGE_DATA_DIR: tempDataDir() }, portB);
    await Promise.all([a.ready(), b.ready()]);
    expect(await grandTotal(portA)).toBe('5600826');
    expect(await grandTotal(portB)).toBe('5600826');
    expect(await stopGracefully(a)).toBe(0);
    expect(await stopGracefully(b)).toBe(0);
  });

  it('uses an external PostgreSQL given by DATABASE_URL', async () => {
    const name = `external_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(testServerUrl());
    url.pathname = `/${name}`;
    const dataDir = tempDataDir();
    const port = await freePort();
    const server = spawnServer({ DATABASE_URL: url.toString(), PLANBRIDGE_DATA_DIR: dataDir }, port);
    try {
      await server.ready();
      expect(server.output()).toContain('INFO: PlanBridge ready at'); // development: a log for a person
      expect(server.output()).toContain('database: "external"');
      expect(await grandTotal(port)).toBe('5600826');
      const tables = await admin.query(`SELECT count(*)::int AS n FROM pg_database WHERE datname = $1`, [name]);
      expect(tables.rows[0].n).toBe(1);
      expect(postgresProcessesFor(dataDir)).toEqual([]);
      expect(await stopGracefully(server)).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('HTTPS for sideloading the add-in', () => {
  it('serves HTTPS when given a certificate and key', async () => {
    const dir = path.dirname(tempDataDir());
    const [cert, key] = [path.join(dir, 'localhost.crt'), path.join(dir, 'localhost.key')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    const port = await freePort();
    const server = spawnServer({ DATABASE_URL: testServerUrl(), PLANBRIDGE_TLS_CERT: cert, PLANBRIDGE_TLS_KEY: key }, port);
    try {
      const deadline = Date.now() + 60000;
      while (!server.output().includes(`PlanBridge ready at https://localhost:${port}/graphql`) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const status = await new Promise<number>((resolve, reject) => {
        https.get({ host: '127.0.0.1', port, path: '/healthz', rejectUnauthorized: false }, (response) => resolve(response.statusCode!)).on('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      expect(await stopGracefully(server)).toBe(0);
    }
  });
});

describe('refusing to start, with one clear message', () => {
  async function failure(env: Record<string, string | undefined>, port?: number): Promise<string> {
    const server = spawnServer(env, port ?? (await freePort()));
    expect(await server.exited()).toBe(1);
    const output = server.output();
    expect(output).toContain('PlanBridge cannot start:');
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    // Development (as npm start runs): the person reads one line, not that line and a log event repeating it.
    expect(output.split('\n').filter((line) => /cannot start/i.test(line))).toHaveLength(1);
    expect(output).not.toContain('{"level"');
    return output;
  }

  it('when DATABASE_URL cannot be reached', async () => {
    const port = await freePort(); // nothing listens there
    const output = await failure({ DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/nothing` });
    expect(output).toContain(`Cannot reach the database at postgres://postgres:***@127.0.0.1:${port}/nothing`);
    expect(output).not.toContain('secret');
  });

  it('when the port is in use', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '0.0.0.0', resolve));
    try {
      const output = await failure({ DATABASE_URL: testServerUrl() }, port);
      expect(output).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('in production: one line for the person on stderr, the JSON event in the log on stdout', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '0.0.0.0', resolve));
    try {
      const server = spawnServer({ NODE_ENV: 'production', DATABASE_URL: testServerUrl() }, port);
      let stderr = '';
      let stdout = '';
      server.child.stderr!.on('data', (chunk) => (stderr += chunk));
      server.child.stdout!.on('data', (chunk) => (stdout += chunk));
      expect(await server.exited()).toBe(1);
      expect(stderr).toBe(`PlanBridge cannot start: Port ${port} is already in use (or not allowed). Stop what uses it, or set PORT to another port.\n`);
      const events = stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(events).toContainEqual(expect.objectContaining({ level: 60, msg: 'PlanBridge cannot start', reason: expect.stringContaining(`Port ${port}`) }));
    } finally {
      blocker.close();
    }
  });

  it('when the data directory is corrupt', async () => {
    const dataDir = tempDataDir();
    mkdirSync(path.join(dataDir, 'pg'), { recursive: true });
    writeFileSync(path.join(dataDir, 'pg', 'garbage'), 'not a database');
    const output = await failure({ DATABASE_URL: undefined, PLANBRIDGE_DATA_DIR: dataDir });
    expect(output).toContain('is not a PostgreSQL data directory');
  });

  it('when the TLS key cannot be read', async () => {
    const output = await failure({ DATABASE_URL: testServerUrl(), PLANBRIDGE_TLS_CERT: '/nonexistent/cert.pem', PLANBRIDGE_TLS_KEY: '/nonexistent/key.pem' });
    expect(output).toContain('Cannot read the TLS certificate or key');
  });

  it('when PORT is not a port', async () => {
    const output = await failure({ PORT: 'eighty' });
    expect(output).toContain('PORT must be a whole number');
  });
});
