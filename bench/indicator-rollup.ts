/**
 * Indicator roll-up benchmark (issue 6): `indicatorProgress` for one province over five years and for the
 * whole country, ten indicators each, on a synthetic national data set of about a million indicator values,
 * timed server-side in this process against an embedded PostgreSQL of its own.
 *
 *   npm run bench:rollup      (npm run build && node --max-semi-space-size=64 dist/bench/indicator-rollup.js)
 *
 * A report, not a test: it prints figures next to the targets and exits 0 even when a target is missed,
 * non-zero only on errors (including a roll-up that disagrees with the same sum done in SQL).
 * PostgreSQL listens on 127.0.0.1 only and lives in a temporary directory; both are removed at the end
 * (also on Ctrl-C). BENCH_RUNS (default 20, at least 15) sets the number of timed runs per case.
 *
 * The country is the real one the server seeds (server/seed/data/administrative-units.json.gz): 63 provinces,
 * 696 districts and 10,051 communes of before 1 July 2025, 34 provinces and 3,321 communes from then on, and
 * the real successions between them (old provinces → new: MERGE; old communes → new: MERGE, or SPLIT without
 * a share). The figures are generated with plain SQL on it:
 * - 24 indicators: 21 that add up (households, persons, houses, money with decimals) and 3 rates recomputed
 *   from numerator and denominator indicators.
 * - ACTUAL for every indicator on the leaves: the communes of before the reorganisation for 2021–2024, those
 *   of today for 2025, about 1 % left out (missing is not zero: those units are listed) — about a million
 *   values. BASELINE 2021 and TARGET 2021–2025 on the provinces of 2024-12-31, TARGET 2025 on those of
 *   2025-07-01. The seeded periods 2021 … 2025 and 2021-2025 are reused.
 */
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { FlowNetwork } from '../domain/indicators/flow-network';
import { openScratchDatabase, runBenchmark, setup, startScratchPostgres } from './support/scratch-database';
import { Indicator } from '../server/entities';
import { indicatorProgress, unitsBelowAsOf, type IndicatorProgressResult } from '../server/indicators/indicator-progress';
import { loadRecordedValues } from '../server/indicators/recorded-values';
import { NATION, readUnitGraph, unitGraphAsOf } from '../server/indicators/unit-graph';
import { seedIfEmpty } from '../server/seed/load-seed';

const COMMAND = 'npm run bench:rollup';
const WARM_UP = 3;
const RUNS = runsFromEnvironment();
const TARGET_PROVINCE_MS = 100;
const TARGET_NATIONAL_MS = 1000;
const AS_OF = '2026-01-01';
const RANGE = { from: '2021-01-01', to: '2025-12-31' };

function runsFromEnvironment(): number {
  const raw = process.env.BENCH_RUNS;
  if (raw === undefined || raw === '') return 20;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 15) throw new Error(`BENCH_RUNS must be an integer ≥ 15, got "${raw}"`);
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Figures on the real country

/** One value in this many is left out on the leaves. */
const MISSING_ONE_IN = 97;

interface SyntheticIndicator {
  key: string;
  name: string;
  unit: string;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';
  decimals: number;
  /** Leaf values are spread over 0 … max. */
  max: number;
  ratio?: { numerator: string; denominator: string };
}

function syntheticIndicators(): SyntheticIndicator[] {
  const fixed: SyntheticIndicator[] = [
    { key: 'B_HOUSEHOLDS', name: 'Tổng số hộ dân', unit: 'HOUSEHOLDS', direction: 'NEUTRAL', decimals: 0, max: 4000 },
    { key: 'B_POOR', name: 'Số hộ nghèo', unit: 'HOUSEHOLDS', direction: 'LOWER_IS_BETTER', decimals: 0, max: 300 },
    { key: 'B_NEAR_POOR', name: 'Số hộ cận nghèo', unit: 'HOUSEHOLDS', direction: 'LOWER_IS_BETTER', decimals: 0, max: 400 },
    { key: 'B_POOR_RATE', name: 'Tỷ lệ hộ nghèo', unit: 'PERCENT', direction: 'LOWER_IS_BETTER', decimals: 2, max: 15, ratio: { numerator: 'B_POOR', denominator: 'B_HOUSEHOLDS' } },
    { key: 'B_NEAR_POOR_RATE', name: 'Tỷ lệ hộ cận nghèo', unit: 'PERCENT', direction: 'LOWER_IS_BETTER', decimals: 2, max: 15, ratio: { numerator: 'B_NEAR_POOR', denominator: 'B_HOUSEHOLDS' } },
    { key: 'B_WORKERS_TRAINED', name: 'Người lao động được đào tạo nghề', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0, max: 200 },
    { key: 'B_WORKERS_EMPLOYED', name: 'Người lao động có việc làm sau đào tạo', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0, max: 150 },
    { key: 'B_EMPLOYMENT_RATE', name: 'Tỷ lệ có việc làm sau đào tạo', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2, max: 100, ratio: { numerator: 'B_WORKERS_EMPLOYED', denominator: 'B_WORKERS_TRAINED' } },
  ];
  const counts = Array.from({ length: 8 }, (_, index): SyntheticIndicator => ({
    key: `B_COUNT_${String(index + 1).padStart(2, '0')}`,
    name: `Chỉ tiêu đếm số ${index + 1}`,
    unit: ['PERSONS', 'HOUSES', 'MODELS', 'CHILDREN'][index % 4],
    direction: 'HIGHER_IS_BETTER',
    decimals: 0,
    max: 50 * (index + 1),
  }));
  const money = Array.from({ length: 8 }, (_, index): SyntheticIndicator => ({
    key: `B_BUDGET_${String(index + 1).padStart(2, '0')}`,
    name: `Kinh phí nguồn số ${index + 1}`,
    unit: 'MILLION_VND',
    direction: 'NEUTRAL',
    decimals: 3,
    max: 5000 * (index + 1),
  }));
  return [...fixed, ...counts, ...money];
}

/** The ten indicators of both timed cases: both poverty rates (whose parts are fetched too) and eight sums. */
const TIMED_KEYS = ['B_POOR_RATE', 'B_NEAR_POOR_RATE', 'B_POOR', 'B_WORKERS_TRAINED', 'B_COUNT_01', 'B_COUNT_02', 'B_COUNT_03', 'B_BUDGET_01', 'B_BUDGET_02', 'B_BUDGET_03'];

/** A deterministic spread of (unit, indicator, period) over 0 … modulus − 1, so that every run has the same data. */
const spread = (salt: number, modulus: number) => `(((u.id::bigint * 2654435761 + i.id * 40503 + p.id * 9973 + ${salt}) % 1000003) % ${modulus})`;
const PROVINCES_ON = (date: string) => `u.level = 'PROVINCE' and u.valid_from <= '${date}' and (u.valid_to is null or u.valid_to >= '${date}')`;

async function generateValues(em: EntityManager): Promise<void> {
  const indicators = syntheticIndicators();
  const statements: [string, unknown[]][] = [
    [`set local synchronous_commit = off`, []],
    [
      `insert into indicator (key, name, name_en, unit, direction, decimals, aggregation, ratio_scale)
         select key, name, key, unit, direction, decimals, case when ratio then 'RATIO' else 'SUM' end, case when ratio then '100' end
           from json_to_recordset(?::json) as x(key text, name text, unit text, direction text, decimals int, ratio boolean)`,
      [JSON.stringify(indicators.map((indicator) => ({ ...indicator, ratio: !!indicator.ratio })))],
    ],
    [
      `update indicator r set numerator_id = n.id, denominator_id = d.id
         from json_to_recordset(?::json) as x(key text, numerator text, denominator text), indicator n, indicator d
        where r.key = x.key and n.key = x.numerator and d.key = x.denominator`,
      [JSON.stringify(indicators.filter((indicator) => indicator.ratio).map((indicator) => ({ key: indicator.key, ...indicator.ratio })))],
    ],
    [
      `create temporary table value_scale on commit drop as
         select i.id as indicator_id, x.max, x.decimals
           from json_to_recordset(?::json) as x(key text, max numeric, decimals int) join indicator i on i.key = x.key`,
      [JSON.stringify(indicators.map(({ key, max, decimals }) => ({ key, max, decimals })))],
    ],
    ...[
      [`u.level = 'COMMUNE' and u.valid_to = '2025-06-30'`, `('2021', '2022', '2023', '2024')`],
      [`u.level = 'COMMUNE' and u.valid_from >= '2025-07-01'`, `('2025')`],
    ].map(([units, periods]): [string, unknown[]] => [
      `insert into indicator_value (indicator_id, unit_id, period_id, kind, value, comparator)
         select i.id, u.id, p.id, 'ACTUAL', round(s.max * ${spread(0, 10007)} / 10007, s.decimals), 'EQ'
           from administrative_unit u cross join period p cross join value_scale s join indicator i on i.id = s.indicator_id
          where ${units} and p.key in ${periods} and ${spread(7, MISSING_ONE_IN)} <> 0`,
      [],
    ]),
    // Province figures are of the size of their communes' sums (about 160 communes per old province, 1.9
    // old provinces per new one); targets lead the way the indicator should go.
    ...[
      [PROVINCES_ON('2024-12-31'), `'2021'`, `'BASELINE'`, '1'],
      [PROVINCES_ON('2024-12-31'), `'2021-2025'`, `'TARGET'`, `case i.direction when 'LOWER_IS_BETTER' then 0.7 else 1.3 end`],
      [PROVINCES_ON('2025-07-01'), `'2025'`, `'TARGET'`, `case i.direction when 'LOWER_IS_BETTER' then 0.7 * 1.9 else 1.3 * 1.9 end`],
    ].map(([units, period, kind, factor]): [string, unknown[]] => [
      `insert into indicator_value (indicator_id, unit_id, period_id, kind, value, comparator)
         select i.id, u.id, p.id, ${kind},
                round(s.max * (case i.aggregation when 'RATIO' then 0.5 else 80 end) * ${factor} * (0.8 + ${spread(3, 400)} / 1000.0), s.decimals),
                case when ${kind} = 'BASELINE' then 'EQ' when i.direction = 'LOWER_IS_BETTER' then 'LT' else 'GE' end
           from administrative_unit u cross join period p cross join value_scale s join indicator i on i.id = s.indicator_id
          where ${units} and p.key = ${period}`,
      [],
    ]),
  ];
  await em.transactional(async (tx) => {
    for (const [sql, parameters] of statements) await tx.execute(sql, parameters, 'run');
  });
  // What autovacuum does soon after a bulk load (statistics, visibility map, hint bits), so that the
  // first timed reads do not pay for it.
  await em.getConnection().execute('vacuum analyze');
}

interface DataSetSize {
  units: { level: string; era: string; count: number }[];
  successions: number;
  indicators: number;
  periods: number;
  values: { kind: string; count: number }[];
  timedValues: number;
}

async function measureDataSet(em: EntityManager, timedIds: number[]): Promise<DataSetSize> {
  const units: DataSetSize['units'] = await em.execute(
    `select level, case when valid_to is not null then 'until 2025-06-30' when valid_from >= '2025-07-01' then 'from 2025-07-01' else 'continuing' end as era,
            count(*)::int as count
       from administrative_unit group by 1, 2 order by 2, 1 desc`,
  );
  const [{ successions }] = await em.execute(`select count(*)::int as successions from unit_succession`);
  const [{ indicators }] = await em.execute(`select count(*)::int as indicators from indicator`);
  const [{ periods }] = await em.execute(`select count(*)::int as periods from period`);
  const values: DataSetSize['values'] = await em.execute(`select kind, count(*)::int as count from indicator_value group by kind order by kind`);
  const [{ timed }] = await em.execute(`select count(*)::int as timed from indicator_value where indicator_id = any(?::int[])`, [`{${timedIds.join(',')}}`]);
  return { units, successions, indicators, periods, values, timedValues: timed };
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // Nearest rank: the smallest sample with at least 95 % of the samples at or below it.
  return { n, median, p95: sorted[Math.ceil(0.95 * n) - 1], min: sorted[0], max: sorted[n - 1] };
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/**
 * Medians of the steps of indicatorProgress, each timed on its own: the unit links and the flow network as
 * the calls get them (kept between calls, read again only when the units change) and as a first call after a
 * change reads and compiles them, then the values.
 */
async function timePhases(orm: MikroORM, unitId: number | null, indicatorIds: number[]): Promise<number[]> {
  const samples: number[][] = [[], [], [], [], []];
  for (let index = 0; index < RUNS; index++) {
    const em = orm.em.fork() as EntityManager;
    const kept = await timed(() => unitGraphAsOf(em, AS_OF));
    const network = await timed(async () => kept.value.network(unitId ?? NATION));
    const read = await timed(() => readUnitGraph(em, AS_OF));
    const compiled = await timed(async () => FlowNetwork.of(read.value.graph, unitId ?? NATION));
    const loaded = await timed(() => loadRecordedValues(em, network.value, indicatorIds, RANGE));
    [kept, network, read, compiled, loaded].forEach((step, at) => samples[at].push(step.ms));
  }
  return samples.map((steps) => summarize(steps).median);
}

// ---------------------------------------------------------------------------------------------
// Checks: the roll-up against the same figures computed in SQL

function expectSame(label: string, actual: string | null | undefined, expected: string | null): void {
  if (actual !== expected) throw new Error(`${label}: the roll-up gives ${actual}, SQL gives ${expected}`);
}

/**
 * Actual sums of the leaves of a province (its new communes, the old communes that went into them), or of all units (null),
 * without the units the roll-up lists as not comparable (old communes SPLIT between new ones without a share).
 */
async function checkAgainstSql(em: EntityManager, results: IndicatorProgressResult[], provinceKey: string | null): Promise<string> {
  const excluded = `{${[...new Set(results.flatMap((result) => result.notComparableUnits))].join(',')}}`;
  const sum = async (key: string, period: string) => {
    const [row] = await em.execute(
      `select trim_scale(sum(v.value))::text as total from indicator_value v
         join indicator i on i.id = v.indicator_id join period p on p.id = v.period_id
        where i.key = ? and p.key = ? and v.kind = 'ACTUAL' and v.unit_id <> all(?::int[])
          and (?::text is null or v.unit_id in (
                -- old communes follow their own successions into the new communes of the province
                select c.id from administrative_unit c join unit_succession s on s.predecessor_id = c.id
                  join administrative_unit x on x.id = s.successor_id join administrative_unit n on n.id = x.parent_id
                 where c.level = 'COMMUNE' and n.key = ?
                union
                -- those no source maps, their district's province
                select c.id from administrative_unit c join administrative_unit d on d.id = c.parent_id
                  join unit_succession s on s.predecessor_id = d.parent_id join administrative_unit n on n.id = s.successor_id
                 where n.key = ? and not exists (select 1 from unit_succession o where o.predecessor_id = c.id)
                union
                select c.id from administrative_unit c join administrative_unit n on n.id = c.parent_id where n.key = ?))`,
      [key, period, excluded, provinceKey, provinceKey, provinceKey, provinceKey],
    );
    return row.total as string | null;
  };
  const point = (key: string, period: string) => results.find((result) => result.indicatorKey === key)?.series.find((p) => p.periodKey === period)?.value;
  const checked: string[] = [];
  for (const period of ['2023', '2025']) {
    for (const key of ['B_POOR', 'B_BUDGET_01']) {
      expectSame(`${key} ${period}`, point(key, period), await sum(key, period));
      checked.push(`${key} ${period}`);
    }
    const [rate] = await em.execute(`select trim_scale(round(?::numeric / ?::numeric * 100, 2))::text as rate`, [await sum('B_POOR', period), await sum('B_HOUSEHOLDS', period)]);
    expectSame(`B_POOR_RATE ${period}`, point('B_POOR_RATE', period), rate.rate);
    checked.push(`B_POOR_RATE ${period}`);
  }
  return checked.join(', ');
}

// ---------------------------------------------------------------------------------------------

interface Case {
  label: string;
  unitId: number | null;
  target: number;
}

async function main(): Promise<void> {
  const started = performance.now();
  const cpus = os.cpus();
  console.log('PlanBridge indicator roll-up benchmark (issue 6; real country, issue 11)');
  console.log(`command : ${COMMAND}`);
  console.log(`machine : ${cpus.length} CPU(s) × ${cpus[0]?.model.trim() ?? 'unknown'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} ${process.arch}`);
  console.log(`node    : ${process.version}`);
  console.log(`load    : ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} (1/5/15 min load average at start; PostgreSQL and Node share these CPUs)`);
  console.log(`runs    : ${WARM_UP} warm-up + ${RUNS} timed per case, each on a fresh EntityManager (as a request has)`);
  console.log('');

  const url = new URL((await startScratchPostgres()).url);
  const orm = await openScratchDatabase();
  await seedIfEmpty(orm.em.fork());
  const generated = await timed(() => generateValues(orm.em.fork() as EntityManager));
  console.log(`· embedded PostgreSQL on 127.0.0.1:${url.port} in ${setup.tmpDir}; migrated, seeded with the real country, values generated in ${(generated.ms / 1000).toFixed(1)} s`);

  const em = orm.em.fork() as EntityManager;
  const all = await em.find(Indicator, { key: { $like: 'B\\_%' } }, { populate: ['numerator', 'denominator'] });
  const indicators = TIMED_KEYS.map((key) => all.find((indicator) => indicator.key === key)!);
  const fetchedIds = [...new Set(indicators.flatMap((indicator) => [indicator, indicator.numerator, indicator.denominator]).filter((i): i is Indicator => !!i).map((i) => i.id))];
  const size = await measureDataSet(em, fetchedIds);
  const [pgInfo] = await em.execute(`select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem`);
  // A province of today merged from the most old ones (three): the largest.
  const [province] = await em.execute(
    `select s.successor_id as id, n.key, n.name from unit_succession s join administrative_unit n on n.id = s.successor_id
      where n.level = 'PROVINCE' group by s.successor_id, n.key, n.name order by count(*) desc, n.key limit 1`,
  );
  const provinceKey: string = province.key;

  console.log('');
  console.log('data set');
  printTable(
    ['administrative units', 'count'],
    size.units.map((row) => [`${row.level.toLowerCase()} ${row.era}`, String(row.count)]),
  );
  console.log(`succession links ${size.successions} (the real ones: old provinces and communes → new), indicators ${size.indicators}, periods ${size.periods}`);
  console.log(
    `indicator values ${size.values.reduce((total, row) => total + row.count, 0).toLocaleString('en')} (${size.values.map((row) => `${row.kind} ${row.count.toLocaleString('en')}`).join(', ')}); ` +
      `${size.timedValues.toLocaleString('en')} of them belong to the ${fetchedIds.length} indicators a timed query reads`,
  );
  console.log(`timed indicators (10): ${TIMED_KEYS.join(', ')}; the rates also read ${fetchedIds.length - TIMED_KEYS.length} more (numerators/denominators)`);
  console.log(`asOf ${AS_OF}, periods ${RANGE.from} … ${RANGE.to}; PostgreSQL ${pgInfo.version}, shared_buffers ${pgInfo.shared_buffers}, work_mem ${pgInfo.work_mem}; no materialised views or analytics tables`);

  const cases: Case[] = [
    { label: `province ${province.name} ${provinceKey} (merged from 3), 5 years`, unitId: province.id, target: TARGET_PROVINCE_MS },
    { label: 'national (all top-level units of asOf), 5 years', unitId: null, target: TARGET_NATIONAL_MS },
  ];
  const rows: string[][] = [];
  const phases: string[][] = [];
  const notes: string[] = [];
  for (const item of cases) {
    const run = async () => (await indicatorProgress(orm.em.fork() as EntityManager, [item.unitId], indicators, AS_OF, RANGE))[0];
    let last: IndicatorProgressResult[] = [];
    for (let index = 0; index < WARM_UP; index++) last = await run();
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let index = 0; index < RUNS; index++) {
      const before = process.cpuUsage();
      samples.push((await timed(run)).ms);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    const summary = summarize(samples);
    rows.push([item.label, String(summary.n), ms(summary.median), ms(summary.p95), ms(summary.min), ms(summary.max), ms(summarize(cpu).median), `≤ ${item.target}`, summary.p95 <= item.target ? 'met' : 'MISSED']);
    phases.push([item.label, ...(await timePhases(orm, item.unitId, fetchedIds)).map(ms), ms(summary.median)]);
    const checked = await checkAgainstSql(em, last, item.unitId === null ? null : provinceKey);
    const missing = Math.max(...last.map((result) => result.unitsWithoutData.length));
    const statuses = new Map<string, number>();
    for (const result of last) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    notes.push(
      `${item.label}: equal to the same sums done in SQL for ${checked}; up to ${missing} units without data and ` +
        `${Math.max(...last.map((result) => result.notComparableUnits.length))} not comparable per indicator; ` +
        `statuses ${[...statuses].map(([status, count]) => `${count} ${status}`).join(', ')}`,
    );
  }
  console.log('');
  printTable(['indicatorProgress, 10 indicators', 'n', 'median ms', 'p95 ms', 'min', 'max', 'Node CPU ms', 'target p95 ms', ''], rows);
  console.log('');
  console.log('where the time goes (medians in ms, each step timed on its own):');
  printTable(['', 'unit links kept', 'flow network kept', 'links read anew', 'network compiled anew', 'values (SQL + lists)', 'whole call'], phases);
  console.log('the remainder of the whole call is the roll-ups (one pass per indicator, kind and period), the rates and the progress');
  console.log('');
  for (const note of notes) console.log(`· ${note}`);

  // Breakdowns (no target in the issue): the units below are listed and rolled up inside the timed call.
  const breakdowns: { label: string; unitId: number | null; levels: 'ONE' | 'ALL' }[] = [
    { label: `province ${provinceKey} and every unit below it`, unitId: province.id, levels: 'ALL' },
    { label: 'national and each top-level unit of asOf', unitId: null, levels: 'ONE' },
  ];
  const breakdownRows: string[][] = [];
  for (const item of breakdowns) {
    let units = 0;
    const run = async () => {
      const fork = orm.em.fork() as EntityManager;
      const subjects = [item.unitId, ...(await unitsBelowAsOf(fork, item.unitId, AS_OF, item.levels))];
      units = subjects.length;
      return indicatorProgress(fork, subjects, indicators, AS_OF, RANGE);
    };
    for (let index = 0; index < WARM_UP; index++) await run();
    const samples: number[] = [];
    for (let index = 0; index < RUNS; index++) samples.push((await timed(run)).ms);
    const summary = summarize(samples);
    breakdownRows.push([item.label, String(units), String(summary.n), ms(summary.median), ms(summary.p95)]);
  }
  console.log('');
  printTable(['indicatorProgress with a breakdown, 10 indicators', 'units', 'n', 'median ms', 'p95 ms'], breakdownRows);
  console.log('');
  console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}; whole run ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

runBenchmark(main);
