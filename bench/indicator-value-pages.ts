/**
 * indicatorValuesConnection over a million values, through HTTP (issue 20 "Speed"): the first page of 100 with a
 * filter (target ≤ 50 ms p95) and a page deep into the result, after the 500,000th value (target ≤ 100 ms p95,
 * keyset cursors, not offsets). The country is the real seeded one; the values are generated: every indicator,
 * period and kind (BASELINE, TARGET, ACTUAL … as many as fit) for communes until there are a million.
 *
 * Beside the times: the Node CPU time of a request (server and client, both in this process) and the SQL
 * statements it sent (the token's, the filter's look-ups and the page's).
 *
 *   npm run bench:pages
 */
import 'reflect-metadata';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import pino from 'pino';
import { issueToken } from '../server/auth/tokens';
import { TokenKind, User } from '../server/entities';
import { createApp } from '../server/http/app';
import { seedIfEmpty } from '../server/seed/load-seed';
import { seedUsersIfNone } from '../server/seed/users';
import { openScratchDatabase, runBenchmark, startScratchPostgres } from './support/scratch-database';

const VALUES = 1_000_000;
const WARM_UP = 5;
const RUNS = 40;

async function generate(em: EntityManager): Promise<number> {
  await em.execute(`insert into indicator_value (indicator_id, unit_id, period_id, kind, value, source_document_id)
    select i.id, u.id, p.id, k.kind, ((u.id * 7919 + i.id * 104729 + p.id) % 100000) / 100.0, null
      from (select id from administrative_unit where level = 'COMMUNE' order by id) u
      cross join indicator i cross join period p cross join (values ('BASELINE'), ('TARGET'), ('ACTUAL')) k(kind)
     limit ${VALUES}`);
  await em.execute('analyze indicator_value');
  const [{ count }] = await em.execute('select count(*)::int as count from indicator_value');
  return count;
}

function percentiles(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.ceil(0.95 * sorted.length) - 1] };
}

async function main(): Promise<void> {
  console.log('PlanBridge indicatorValuesConnection benchmark (issue 20)');
  console.log(`machine : ${os.cpus().length} CPU(s), load ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} at start (shared machine: figures are inflated by other work)`);
  await startScratchPostgres();
  let statements = 0;
  const orm = await openScratchDatabase({ debug: ['query'], logger: () => (statements += 1) });
  await seedIfEmpty(orm.em.fork());
  await seedUsersIfNone(orm.em.fork());
  const em = orm.em.fork() as EntityManager;
  const count = await generate(em);
  const { token } = issueToken(em, await em.findOneOrFail(User, { login: 'admin' }), TokenKind.PERSONAL, 3600_000, 'bench');
  await em.flush();
  const app = await createApp(orm, { mutationsPerMinute: 100_000 }, pino({ level: 'silent' }));
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as any;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.indicatorValuesConnection;
  };
  const PAGE = `query ($after: String, $filter: IndicatorValueFilter, $orderBy: IndicatorValueOrder) {
    indicatorValuesConnection(first: 100, after: $after, filter: $filter, orderBy: $orderBy) { edges { cursor node { id value kind } } pageInfo { hasNextPage endCursor } } }`;
  // The province of the first commune given values, so that it has values to page through.
  const [province] = await em.execute(`select p.id from administrative_unit c join administrative_unit d on d.id = c.parent_id
    join administrative_unit p on p.id = d.parent_id where c.level = 'COMMUNE' order by c.id limit 1`);
  /** A cursor at the 500,000th value of an order: a real cursor of the query with its key values replaced. */
  const deepCursor = async (orderBy: Record<string, string>, keySql: string, orderSql: string) => {
    const first = await post(PAGE, { orderBy });
    const [scope] = JSON.parse(Buffer.from(first.pageInfo.endCursor, 'base64url').toString());
    const [row] = await em.execute(`select ${keySql} as keys from indicator_value v join period p on p.id = v.period_id join administrative_unit u on u.id = v.unit_id order by ${orderSql} offset 499999 limit 1`);
    return Buffer.from(JSON.stringify([scope, ...row.keys])).toString('base64url');
  };
  const periodRank = `(select r from (select id, row_number() over (order by starts_on, ends_on desc, id) r from period) x where x.id = v.period_id)::int`;
  const cases = [
    { label: 'first page of 100, filter: one indicator, ACTUAL', target: 50, variables: { filter: { indicatorKeys: ['POOR_HOUSEHOLD_RATE'], kinds: ['ACTUAL'] } } },
    { label: 'first page of 100, filter: a province and its descendants, 2023', target: 50, variables: { filter: { unitId: String(province.id), includeDescendants: true, from: '2023-01-01', to: '2023-12-31' } } },
    { label: 'first page of 100 by unit, filter: TARGET', target: 50, variables: { filter: { kinds: ['TARGET'] }, orderBy: { field: 'UNIT' } } },
    {
      label: 'page after the 500,000th value, by period',
      target: 100,
      variables: { after: await deepCursor({ field: 'PERIOD', direction: 'ASC' }, 'json_build_array(v.period_id, v.unit_id, v.indicator_id, v.kind, v.id)', 'p.starts_on, p.ends_on desc, p.id, v.unit_id, v.indicator_id, v.kind, v.id'), orderBy: { field: 'PERIOD', direction: 'ASC' } },
    },
    {
      label: 'page after the 500,000th value, by unit',
      target: 100,
      variables: { after: await deepCursor({ field: 'UNIT', direction: 'ASC' }, `json_build_array(v.unit_id, ${periodRank}, v.indicator_id, v.kind, v.id)`, 'u.code, u.valid_from, u.id, p.starts_on, p.ends_on desc, p.id, v.indicator_id, v.kind, v.id'), orderBy: { field: 'UNIT', direction: 'ASC' } },
    },
  ];
  console.log(`values  : ${count.toLocaleString('en')} indicator values; ${WARM_UP} warm-up + ${RUNS} timed requests per case, over HTTP`);
  console.log('');
  console.log('| case | median ms | p95 ms | target p95 ms | | Node CPU ms (median) | SQL statements |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const item of cases) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      statements = 0;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const page = await post(PAGE, item.variables);
      if (page.edges.length !== 100) throw new Error(`${item.label}: ${page.edges.length} values, expected 100`);
      if (run < WARM_UP) continue;
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
    const { median, p95 } = percentiles(times);
    console.log(`| ${item.label} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ≤ ${item.target} | ${p95 <= item.target ? 'met' : 'MISSED'} | ${percentiles(cpu).median.toFixed(1)} | ${statements} |`);
  }
  await app.apollo.stop();
  console.log('');
  console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
}

runBenchmark(main);
