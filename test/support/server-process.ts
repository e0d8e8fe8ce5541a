import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.resolve(__dirname, '../../dist/server/main.js');
const STANDALONE_POSTGRES = path.resolve(__dirname, '../../dist/server/db/standalone-postgres.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const tempDirs = new Set<string>();

/** A fresh PLANBRIDGE_DATA_DIR inside a new temporary folder; removeTempDataDirs() deletes them all. */
export function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planbridge-data-'));
  chmodSync(dir, 0o755);
  tempDirs.add(dir);
  return path.join(dir, 'data');
}

/**
 * Deletes the folders tempDataDir() made, after stopping any PostgreSQL still running in them
 * (a server killed with SIGKILL leaves its embedded PostgreSQL behind).
 */
export function removeTempDataDirs(): void {
  for (const dir of tempDirs) {
    for (const pid of postgresProcessesFor(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  tempDirs.clear();
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  /** Resolves once /healthz answers; rejects with the output if the process exits first. */
  ready(timeoutMs?: number): Promise<void>;
  exited(): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kills the servers still running, e.g. after a failed test, so that Jest is not kept waiting for them. */
export function killSpawnedServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** `node dist/server/main.js` (what npm start runs) with the given environment. */
export function spawnServer(env: Record<string, string | undefined>, port: number): ServerProcess {
  // Without Jest's NODE_ENV=test, as npm start runs it: libraries behave differently under test (Apollo,
  // for one, adds its own signal handlers only outside it).
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: undefined, PORT: String(port), LOG_LEVEL: 'info', ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    port,
    output: () => text,
    exited: () => exit,
    ready: async (timeoutMs = 90000) => {
      const deadline = Date.now() + timeoutMs;
      let done = false;
      void exit.then(() => (done = true));
      while (Date.now() < deadline) {
        if (done) throw new Error(`server exited before it was ready:\n${text}`);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/healthz`);
          await response.arrayBuffer(); // an unread body would keep the socket, and the Jest worker, open
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`server not ready after ${timeoutMs} ms:\n${text}`);
    },
  };
}

export interface StandalonePostgres {
  url: string;
  /** Stops PostgreSQL as an administrator would (fast shutdown: sessions are told and closed). */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of its own in its own process, like an external server a PlanBridge server reaches by DATABASE_URL:
 * started again with the same data directory and port, it is the same server coming back.
 */
export function startStandalonePostgres(dataDir: string, port: number): Promise<StandalonePostgres> {
  const child = spawn(process.execPath, [STANDALONE_POSTGRES, dataDir, String(port)], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  const exit = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    let line = '';
    child.stdout!.on('data', (chunk) => {
      line += chunk;
      if (!line.includes('\n')) return;
      const { url } = JSON.parse(line) as { url: string };
      resolve({ url, stop: () => (child.kill('SIGTERM'), exit) });
    });
    void exit.then(() => reject(new Error(`standalone PostgreSQL exited before it was ready: ${errors}`)));
  });
}

/** PIDs of running postgres processes whose command line names the directory. */
export function postgresProcessesFor(dataDir: string): number[] {
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dataDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}
