/**
 * Fresh-start benchmark (issue 11): `node dist/server/main.js`, what `npm start` runs, on an empty data folder —
 * a new embedded PostgreSQL cluster, the migrations, and the seed with the whole country (14,154 units and
 * 10,096 successions in bulk statements) — timed until it says it is ready (and /healthz answers), next to the
 * target of one minute.
 *
 *   npm run bench:start
 *
 * A report, not a test: it exits 0 even when the target is missed, non-zero only on errors. Each run uses a
 * new temporary folder, removed at the end with the PostgreSQL the server started (also on Ctrl-C).
 * BENCH_RUNS (default 3) sets the number of runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const TARGET_MS = 60_000;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const MAIN = path.resolve(__dirname, '../server/main.js');

let current: { child: ChildProcess; dir: string } | null = null;

/** One start on port 0: milliseconds until the server says it is ready (and /healthz answers), and when each log message first appeared. */
async function startOnce(): Promise<{ ms: number; steps: [string, number][] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planbridge-bench-start-'));
  fs.chmodSync(dir, 0o755); // the postgres user must traverse it when we run as root
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', PLANBRIDGE_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'info', PLANBRIDGE_LOG_FORMAT: 'json' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  current = { child, dir };
  const steps: [string, number][] = [];
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      for (const line of chunk.toString('utf8').split('\n')) {
        const message = /"msg":"([^"]*)"/.exec(line)?.[1];
        if (message && !steps.some(([seen]) => seen === message)) steps.push([message, performance.now() - started]);
        const url = /"msg":"PlanBridge ready at ([^"]*)"/.exec(line)?.[1];
        if (url) resolve(url);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', () => reject(new Error(`the server exited before it was ready:\n${output}`)));
  });
  const url = await ready;
  const ms = performance.now() - started;
  const health = await fetch(new URL('/healthz', url.replace('//localhost:', '//127.0.0.1:')));
  await health.arrayBuffer();
  if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
  await stop();
  return { ms, steps };
}

/** Stops the server (it stops its PostgreSQL) and removes its folder. */
async function stop(): Promise<void> {
  if (!current) return;
  const { child, dir } = current;
  current = null;
  if (child.exitCode === null && child.signalCode === null) {
    const exit = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exit;
    clearTimeout(timer);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stop().finally(() => process.exit(130)));
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log('PlanBridge fresh-start benchmark (issue 11: the whole country seeded)');
  console.log(`command : npm run bench:start (node dist/server/main.js on an empty PLANBRIDGE_DATA_DIR, ${RUNS} runs)`);
  console.log(`machine : ${cpus.length} CPU(s) × ${cpus[0]?.model.trim() ?? 'unknown'}, ${os.type()} ${os.release()}; node ${process.version}`);
  console.log(`load    : ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} (1/5/15 min load average at start)`);
  const times: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const { ms, steps } = await startOnce();
    times.push(ms);
    console.log(`\nrun ${run}: answering after ${(ms / 1000).toFixed(1)} s (target ≤ ${TARGET_MS / 1000} s: ${ms <= TARGET_MS ? 'met' : 'MISSED'})`);
    for (const [message, at] of steps) console.log(`  ${(at / 1000).toFixed(1).padStart(6)} s  ${message}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`\nfresh start: median ${(sorted[Math.floor((sorted.length - 1) / 2)] / 1000).toFixed(1)} s, slowest ${(sorted[sorted.length - 1] / 1000).toFixed(1)} s (target ≤ ${TARGET_MS / 1000} s)`);
  console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`\nbenchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    await stop();
    process.exit(1);
  },
);
