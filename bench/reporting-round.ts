/**
 * Reporting-round benchmark (issue 14): one form of 30 rows × 6 value columns opened for all 3,321 communes
 * of today (synthesised: 34 provinces of 2025 and ~98 communes each, as after Nghị quyết 202/2025/QH15),
 * a third of the reports filled in and approved, timed server-side in this process against an embedded
 * PostgreSQL of its own:
 *   - openReportingRound for the whole country (target ≤ 5 s), once: it writes;
 *   - reportingStatus for the whole country (≤ 300 ms);
 *   - consolidatedTable for a province (≤ 300 ms) and for the whole country (≤ 1 s): its figures, and apart
 *     the drill-down (every cell's contributors), which a query reads only when it asks for them.
 * Beside wall time it prints the CPU time of Node and PostgreSQL per run (less inflated on a shared machine)
 * and the number of SQL statements each operation sends.
 *
 *   npm run bench:reporting      (npm run build && node --max-semi-space-size=64 dist/bench/reporting-round.js)
 *
 * A report, not a test: it prints figures next to the targets and exits 0 even when a target is missed,
 * non-zero on errors (including a consolidation that disagrees with the same sum done in SQL).
 * PostgreSQL listens on 127.0.0.1 and lives in a temporary directory; both are removed at the end.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ExactDecimal } from '../domain/exact-decimal';
import { Access } from '../server/auth/access';
import { FundingSource, Plan, PeriodType, ProgramComponent, SupportPolicy, TableTemplate, UnitLevel, User } from '../server/entities';
import { readAppendixCsv } from '../server/import/appendix-csv';
import { importPlanTable } from '../server/import/plan-table-import';
import { consolidate } from '../server/reporting/consolidation';
import { createReportForm } from '../server/reporting/report-forms';
import { reportingStatus } from '../server/reporting/reporting-status';
import { openReportingRound } from '../server/reporting/round-opening';
import { seedIfEmpty } from '../server/seed/load-seed';
import { seedUsersIfNone } from '../server/seed/users';
import { cpuClock } from './support/cpu-time';
import { openScratchDatabase, runBenchmark, setup, startScratchPostgres } from './support/scratch-database';

const COMMAND = 'npm run bench:reporting';
const RUNS = 15;
const WARM_UP = 2;
const PROVINCES = 34;
const COMMUNES = 3321;

/** 30 item rows; Tổng số = the four funding sources (the template's ROW_SUM), and a sixth measure column. */
function formCsv(): string {
  const lines = ['STT,Nội dung,Tổng số,Ngân sách Trung ương,Ngân sách thành phố,Vốn vay ưu đãi,Huy động cộng đồng,Số hộ được hỗ trợ'];
  for (let row = 1; row <= 30; row++) lines.push(`${row},Nội dung ${row},,,,,,`);
  return lines.join('\n');
}

async function generateCommunes(em: EntityManager): Promise<void> {
  await em.execute(
    `insert into administrative_unit (key, code, name, level, parent_id, valid_from)
     select 'bench-P' || lpad(p::text, 2, '0') || '@2025', 'BP' || p, 'Tỉnh ' || p, 'PROVINCE', null, '2025-07-01' from generate_series(1, ?) p`,
    [PROVINCES],
  );
  await em.execute(
    `insert into administrative_unit (key, code, name, level, parent_id, valid_from)
     select 'bench-C' || lpad(c::text, 5, '0') || '@2025', 'BC' || lpad(c::text, 5, '0'), 'Xã ' || c, 'COMMUNE',
            (select id from administrative_unit where key = 'bench-P' || lpad((1 + (c - 1) % ?)::text, 2, '0') || '@2025'), '2025-07-01'
       from generate_series(1, ?) c`,
    [PROVINCES, COMMUNES],
  );
}

/** A third of the reports filled in (every cell, consistent with ROW_SUM) and approved, with their workflow events. */
async function fillAThird(em: EntityManager, roundId: number, adminId: number): Promise<number> {
  await em.execute(
    `with filled as (select table_id from report_instance where round_id = ? and unit_id % 3 = 0),
     parts as (
       select r.id as row_id, r.table_id, c.id as column_id, c.key, ((r.id * 7 + c.position * 13) % 1000)::numeric + 0.25 as v
         from filled f join table_row r on r.table_id = f.table_id join table_column c on c.table_id = f.table_id)
     insert into table_cell (row_id, column_id, table_id, value)
     select row_id, column_id, table_id,
            case when key = 'total' then sum(v) filter (where key not in ('total', 'so-ho-duoc-ho-tro')) over (partition by row_id) else v end
       from parts`,
    [roundId],
  );
  await em.execute(`update plan_table set status = 'APPROVED' where id in (select table_id from report_instance where round_id = ? and unit_id % 3 = 0)`, [roundId]);
  const [events] = await em.execute(
    `with e as (insert into workflow_event (table_id, from_status, to_status, actor_id, at)
       select table_id, 'SUBMITTED', 'APPROVED', ?, now() from report_instance where round_id = ? and unit_id % 3 = 0 returning 1) select count(*)::int as n from e`,
    [adminId, roundId],
  );
  return events.n;
}

let cpu: ReturnType<typeof cpuClock>;

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] };
}

/** Wall time (median, p95) and CPU time per run (mean over the timed runs: Node's and PostgreSQL's). */
async function repeat(orm: MikroORM, work: (em: EntityManager) => Promise<unknown>): Promise<{ median: number; p95: number; cpu: string }> {
  const samples: number[] = [];
  let before = cpu();
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const em = orm.em.fork() as EntityManager;
    if (run === WARM_UP) before = cpu();
    const start = performance.now();
    await work(em);
    if (run >= WARM_UP) samples.push(performance.now() - start);
  }
  const after = cpu();
  return { ...stats(samples), cpu: cpuText((after.node - before.node) / RUNS, (after.postgres - before.postgres) / RUNS) };
}

const cpuText = (node: number, postgres: number) => `CPU ${(node + postgres).toFixed(0)} ms (Node ${node.toFixed(0)}, PostgreSQL ${postgres.toFixed(0)})`;

const verdict = (ms: number, target: number) => `${ms.toFixed(0).padStart(6)} ms  (target ≤ ${target} ms: ${ms <= target ? 'met' : 'MISSED'})`;

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log('PlanBridge reporting-round benchmark (issue 14)');
  console.log(`command : ${COMMAND}`);
  console.log(`machine : ${cpus.length} CPU(s) × ${cpus[0]?.model.trim() ?? 'unknown'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; node ${process.version}`);
  console.log(`load    : ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} (1/5/15 min at start; PostgreSQL and Node share these CPUs)`);
  await startScratchPostgres();
  cpu = cpuClock(path.join(setup.tmpDir, 'pg'));
  // Statements are counted while `counting` is on. One pool for everything, as a running server has: its
  // connections keep the plans they made while the tables were small.
  let counting = false;
  let statements = 0;
  const orm = await openScratchDatabase({ debug: ['query'], logger: () => (counting ? statements++ : undefined) });
  await seedIfEmpty(orm.em.fork());
  await seedUsersIfNone(orm.em.fork() as EntityManager);
  const em = orm.em.fork() as EntityManager;
  // The seed has the whole country since the units branch: synthesise communes only on a seed without them.
  const [today] = await em.execute(`select count(*)::int as n from administrative_unit where level = 'COMMUNE' and valid_from <= '2025-12-31' and valid_to is null`);
  if (today.n < COMMUNES) await generateCommunes(em);
  await em.execute('analyze');

  const template = em.create(TableTemplate, { key: 'bench-form', name: 'bench', rules: (await em.findOneOrFail(TableTemplate, { key: 'budget-by-funding-source' })).rules });
  const source = importPlanTable(
    em,
    { plan: await em.findOneOrFail(Plan, { documentNumber: '132/KH-UBND' }), title: 'Biểu bench', caption: 'Biểu bench', unitOfMeasure: 'triệu đồng', template, position: 90, appendix: readAppendixCsv(formCsv()) },
    { fundingSources: await em.find(FundingSource, {}), components: await em.find(ProgramComponent, {}), policies: await em.find(SupportPolicy, {}) },
  );
  await em.flush();
  const admin = await em.findOneOrFail(User, { login: 'admin' });
  const access = await Access.load(em, admin);
  const form = await createReportForm(orm.em.fork() as EntityManager, access, { templateTableId: source.id, title: 'Báo cáo bench', periodType: PeriodType.YEAR, reportingLevel: UnitLevel.COMMUNE });

  const counted = async (work: (em: EntityManager) => Promise<unknown>): Promise<number> => {
    statements = 0;
    counting = true;
    await work(orm.em.fork() as EntityManager);
    counting = false;
    return statements;
  };
  let round!: Awaited<ReturnType<typeof openReportingRound>>;
  const openCpu = cpu();
  const openStart = performance.now();
  const openStatements = await counted(async (fresh) => {
    round = await openReportingRound(fresh, access, { formId: form.id, periodKey: '2025', scopeUnitId: null, deadline: '2025-11-15' });
  });
  const openMs = performance.now() - openStart;
  const openedCpu = cpu();
  const [size] = await em.execute(
    `select count(*)::int as reports, (select count(*)::int from table_row r join report_instance i on i.table_id = r.table_id where i.round_id = ?) as rows,
            (select count(*)::int from table_column c join report_instance i on i.table_id = c.table_id where i.round_id = ?) as columns
       from report_instance where round_id = ?`,
    [round.id, round.id, round.id],
  );
  const filled = await fillAThird(em, round.id, admin.id);
  await em.execute('analyze');
  const [cells] = await em.execute(`select count(*)::int as n from table_cell v join report_instance i on i.table_id = v.table_id where i.round_id = ?`, [round.id]);
  const [province] = await em.execute(`select id from administrative_unit where key in ('bench-P01@2025', '92@2025') order by key desc limit 1`);
  console.log(`data    : ${size.reports} reports (${size.rows.toLocaleString('en')} rows, ${size.columns.toLocaleString('en')} columns written by the opening); ${filled} approved with ${cells.n.toLocaleString('en')} cells`);
  console.log(`runs    : ${WARM_UP} warm-up + ${RUNS} timed per query, each on a fresh EntityManager; median and p95`);
  console.log('');

  const status = await repeat(orm, (fresh) => reportingStatus(fresh, access, round.id, null));
  const provinceRun = await repeat(orm, (fresh) => consolidate(fresh, access, round.id, province.id, ['APPROVED']));
  const countryRun = await repeat(orm, (fresh) => consolidate(fresh, access, round.id, null, ['APPROVED']));
  const drillDown = (fresh: EntityManager) => consolidate(fresh, access, round.id, null, ['APPROVED']).then((result) => result.contributors());
  const countryDrillRun = await repeat(orm, drillDown);

  const queryStatements = [
    await counted((fresh) => reportingStatus(fresh, access, round.id, null)),
    await counted((fresh) => consolidate(fresh, access, round.id, province.id, ['APPROVED'])),
    await counted((fresh) => consolidate(fresh, access, round.id, null, ['APPROVED'])),
    await counted(drillDown),
  ];

  // The consolidation must agree with the same sum done directly in SQL.
  const country = await consolidate(orm.em.fork() as EntityManager, access, round.id, null, ['APPROVED']);
  const [check] = await em.execute(
    `select trim_scale(sum(v.value))::text as total from table_cell v join report_instance i on i.table_id = v.table_id join plan_table t on t.id = i.table_id
      join table_column c on c.id = v.column_id where i.round_id = ? and t.status = 'APPROVED' and c.key = 'total'`,
    [round.id],
  );
  const ours = country.cells.filter((cell) => cell.columnKey === 'total').reduce((sum, cell) => sum.plus(cell.value!), new ExactDecimal(0));
  if (!ours.eq(check.total)) throw new Error(`consolidation total ${ours.toFixed()} ≠ SQL ${check.total}`);
  const contributions = [...(await country.contributors()).entries()].filter(([key]) => key.endsWith('\u0000total')).flatMap(([, list]) => list);
  const drilled = contributions.reduce((sum, contribution) => sum.plus(contribution.value), new ExactDecimal(0));
  if (!drilled.eq(check.total)) throw new Error(`the contributors of the total column add up to ${drilled.toFixed()} ≠ SQL ${check.total}`);

  console.log(`openReportingRound, country (${size.reports} communes)        ${verdict(openMs, 5000)}  ${cpuText(openedCpu.node - openCpu.node, openedCpu.postgres - openCpu.postgres)}`);
  console.log(`reportingStatus, country                         median ${verdict(status.median, 300)}  p95 ${status.p95.toFixed(0)} ms  ${status.cpu}`);
  console.log(`consolidatedTable, province                       median ${verdict(provinceRun.median, 300)}  p95 ${provinceRun.p95.toFixed(0)} ms  ${provinceRun.cpu}`);
  console.log(`consolidatedTable, country                       median ${verdict(countryRun.median, 1000)}  p95 ${countryRun.p95.toFixed(0)} ms  ${countryRun.cpu}`);
  console.log(`  … with every cell's contributors (drill-down)     median ${countryDrillRun.median.toFixed(0).padStart(6)} ms  p95 ${countryDrillRun.p95.toFixed(0)} ms  ${countryDrillRun.cpu}`);
  console.log(`SQL     : ${openStatements} statements to open the round; ${queryStatements.join(', ')} for the status, the province's and the country's consolidation, and the country's with its drill-down`);
  console.log(`check   : the country's consolidated "Tổng số" column adds up to ${check.total}, as the same sum in SQL, and so do its ${contributions.length} contributions; ${country.contributing.length} contributing, ${country.missing.length} missing units listed`);
}

runBenchmark(main);
