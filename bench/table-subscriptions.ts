/**
 * Issue 20: 1,000 open tableChanged subscriptions and a push delivered to all of them within 1 s. One server
 * instance on a scratch PostgreSQL; 40 WebSocket connections (4 users × 10) of 25 subscriptions each to one
 * table; each round pushes two cells over HTTP and times until every subscription has the new version.
 */
import 'reflect-metadata';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createApp } from '../server/http/app';
import { seedIfEmpty } from '../server/seed/load-seed';
import { seedUsersIfNone } from '../server/seed/users';
import { postGraphQL, tokenFor } from '../test/support/graphql';
import { openSocket, untilSubscribers, watchTable, type SocketClient, type Watch } from '../test/support/table-subscriptions';
import { importTestTable } from '../test/support/tables';
import { openScratchDatabase, runBenchmark, startScratchPostgres } from './support/scratch-database';

const SUBSCRIBERS = ['admin', 'ministry.approver', 'cantho.viewer', 'cantho.approver'];
const CONNECTIONS_PER_USER = 10;
const SUBSCRIPTIONS_PER_CONNECTION = 25;
const ROUNDS = 10;
const TARGET_MS = 1000;

const PUSH = `mutation ($input: PushTableInput!) { pushTable(input: $input) { status version } }`;

async function main(): Promise<void> {
  console.log('PlanBridge tableChanged fan-out benchmark (issue 20)');
  console.log(`machine : ${os.cpus().length} CPU(s), load ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} at start (shared machine: figures are inflated by other work)`);
  await startScratchPostgres();
  let statements = 0;
  const orm = await openScratchDatabase({ debug: ['query'], logger: () => void (statements += 1) });
  await seedIfEmpty(orm.em.fork());
  await seedUsersIfNone(orm.em.fork());
  const tableId = String(await importTestTable({ orm }, 'STT,Nội dung,Tổng số\n1,Một,1\n2,Hai,2', { title: 'Bench live changes' }));
  const app = await createApp(orm, { mutationsPerMinute: 100_000 }, pino({ level: 'warn' }));
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;

  const sockets: SocketClient[] = [];
  const watches: Watch[] = [];
  for (const login of SUBSCRIBERS) {
    const authorization = `Bearer ${await tokenFor(orm, login)}`;
    for (let connection = 0; connection < CONNECTIONS_PER_USER; connection++) {
      const socket = openSocket(url, authorization);
      sockets.push(socket);
      for (let subscription = 0; subscription < SUBSCRIPTIONS_PER_CONNECTION; subscription++) watches.push(watchTable(socket.client, tableId));
    }
  }
  const opening = performance.now();
  await untilSubscribers(app.tableChanges, watches.length, 120_000);
  console.log(`open    : ${watches.length} subscriptions on ${sockets.length} connections in ${Math.round(performance.now() - opening)} ms`);

  const editor = `Bearer ${await tokenFor(orm, 'cantho.editor')}`;
  const totals: number[] = [];
  const afterCommit: number[] = [];
  let cpuMs = 0;
  let roundStatements = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const cpu = process.cpuUsage();
    statements = 0;
    const start = performance.now();
    const delivered = Promise.all(watches.map((watch) => watch.next(10_000)));
    const pushed = await postGraphQL(url, PUSH, { input: { tableId, baseVersion: round, idempotencyKey: `bench-${round}`, changes: [{ rowKey: '1', columnKey: 'total', value: String(round * 10) }, { rowKey: '2', columnKey: 'total', value: String(round * 20) }] } }, { authorization: editor });
    const committed = performance.now();
    if (pushed.errors || pushed.data!.pushTable.status !== 'APPLIED') throw new Error(`push failed: ${JSON.stringify(pushed)}`);
    const results = await delivered;
    const end = performance.now();
    const used = process.cpuUsage(cpu);
    if (!results.every((result) => result.data?.tableChanged.version === round + 1)) throw new Error(`round ${round}: a subscriber missed version ${round + 1}`);
    totals.push(end - start);
    afterCommit.push(end - committed);
    cpuMs += (used.user + used.system) / 1000;
    roundStatements += statements;
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const worst = sorted(totals).at(-1)!;
  console.log(`push → all ${watches.length} delivered: median ${Math.round(sorted(totals)[ROUNDS >> 1])} ms, worst ${Math.round(worst)} ms  (target ≤ ${TARGET_MS} ms)  ${worst <= TARGET_MS ? 'MET' : 'NOT MET'}`);
  console.log(`  of which after the push answered: median ${Math.round(sorted(afterCommit)[ROUNDS >> 1])} ms, worst ${Math.round(sorted(afterCommit).at(-1)!)} ms`);
  console.log(`  CPU (this process: server and the 1,000 clients): ${Math.round(cpuMs / ROUNDS)} ms a round; SQL statements a round (push and delivery): ${Math.round(roundStatements / ROUNDS)}`);
  console.log(`load    : ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} at the end`);
  await Promise.all(watches.map((watch) => watch.stop()));
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await app.apollo.stop();
}

runBenchmark(main);
