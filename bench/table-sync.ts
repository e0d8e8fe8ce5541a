/**
 * Table sync benchmark: pull (tableGrid) and push (pushTable, validate + commit) of a synthetic
 * 10,000-row × 6-column budget table, executed server-side in this process through the real
 * GraphQL schema, against an embedded PostgreSQL of its own.
 *
 *   npm run bench:sync
 *
 * runs it as the server runs in production: NODE_ENV=production and a 64 MB young generation
 * (`node --max-semi-space-size=64`, as `npm start` does); `node dist/bench/table-sync.js` alone
 * shows the cost of development mode and the default heap (the header says which).
 * It prints figures (median and p95 in ms, with the targets) and how the time splits; it is a
 * report, not a test: it exits 0 even when a target is missed, non-zero only on errors.
 * PostgreSQL listens on 127.0.0.1 only and lives in a temporary directory; both are removed at
 * the end (also on Ctrl-C). Run counts can be changed with BENCH_PULL_RUNS, BENCH_PUSH_RUNS,
 * BENCH_STALE_RUNS and BENCH_PROFILE_RUNS.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getVariableValues, graphql, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { validateTable } from '../domain/rules';
import * as validateTableModule from '../domain/rules/validate-table';
import type { TableSnapshot } from '../domain/table-model';
import { migrate } from '../server/db/database';
import { pgArray } from '../server/db/numeric';
import { openScratchDatabase, runBenchmark, setup, startScratchPostgres } from './support/scratch-database';
import { DELTA_TENTHS, EXPECTED_COLUMN_KEYS, buildSyntheticTable, canonical, importSynthetic } from './support/synthetic-table';
import { issueToken } from '../server/auth/tokens';
import { TokenKind, User } from '../server/entities';
import * as contextModule from '../server/graphql/context';
import { createContext, type GraphQLContext } from '../server/graphql/context';
import { RateLimits } from '../server/graphql/rate-limits';
import { TableSyncResolver } from '../server/graphql/resolvers/table-sync-resolver';
import { createSchema } from '../server/graphql/schema';
import { createLogger, type Logger } from '../server/logger';
import { seedIfEmpty } from '../server/seed/load-seed';
import { seedUsersIfNone } from '../server/seed/users';
import * as changeParsingModule from '../domain/sync/change-parsing';
import { parseChanges } from '../domain/sync/change-parsing';
import * as contentHashModule from '../server/tables/content-hash';
import { contentHash } from '../server/tables/content-hash';
import type { CellChangeRequest } from '../domain/sync/sync-types';
import * as tableHistoryModule from '../server/tables/table-history';
import * as tableStateModule from '../server/tables/table-state';
import { CELL_LISTS_SQL, loadTableState, type TableState } from '../server/tables/table-state';

const COMMAND = 'npm run bench:sync   (= npm run build && NODE_ENV=production PLANBRIDGE_SEED_USERS=true node --max-semi-space-size=64 dist/bench/table-sync.js)';
/** The seeded province editor of Cần Thơ: may edit the tables of plan 132/KH-UBND (issued by old Cần Thơ). */
const BENCH_USER = 'cantho.editor';

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

const PULL_WARMUP = 5;
const PULL_RUNS = envInt('BENCH_PULL_RUNS', 30, 15);
const PUSH_WARMUP = 3;
const PUSH_RUNS = envInt('BENCH_PUSH_RUNS', 15, 10);
const STALE_RUNS = envInt('BENCH_STALE_RUNS', 8, 3);
const PROFILE_RUNS = envInt('BENCH_PROFILE_RUNS', 3, 1);
const COMPONENT_RUNS = 15;

const TARGET_PULL_MS = 300;
const TARGET_PUSH_MS = 1000;

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
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // Nearest rank: the smallest sample with at least 95 % of the samples at or below it.
  const p95 = sorted[Math.ceil(0.95 * n) - 1];
  return { n, median, p95, min: sorted[0], max: sorted[n - 1] };
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function printTable(headers: string[], rows: string[][], rightAligned: boolean[] = headers.map((_, index) => index > 0)): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (rightAligned[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

function progress(message: string): void {
  console.log(`· ${message}`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function timedSync<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

async function repeat(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push((await timed(work)).ms);
  return samples;
}

function repeatSync(runs: number, work: () => unknown): number[] {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(timedSync(work).ms);
  return samples;
}

// ---------------------------------------------------------------------------------------------
// GraphQL, in process, as the server executes it

const PULL = `query Pull($tableId: ID!) {
  tableGrid(tableId: $tableId) {
    tableId title caption planId documentNumber unitOfMeasure version latestVersion contentHash
    editable status statusChangedBy statusChangedAt reportDeadline daysRemaining notEditableReasonVi notEditableReasonEn
    columns { key label publishedNumber type scale editable }
    rows { key publishedNumber label level parentKey kind editable computed values }
    rules
  }
}`;

const PUSH = `mutation Push($input: PushTableInput!) {
  pushTable(input: $input) {
    status tableId tableTitle version contentHash changeSetId appliedCells messageVi messageEn replayed
    findings { ruleId ruleKind severity messageVi messageEn expected found difference preExisting
               cells { rowKey columnKey rowNumber rowLabel columnLabel value derived } suggestion { rowKey columnKey value } }
    conflicts { rowKey columnKey rowNumber rowLabel columnLabel base theirs mine }
  }
}`;

interface GridData {
  tableId: string;
  editable: boolean;
  notEditableReasonEn: string | null;
  version: number;
  latestVersion: number;
  contentHash: string;
  columns: { key: string }[];
  rows: { key: string; values: (string | null)[] }[];
}

interface PushData {
  status: string;
  version: number;
  appliedCells: number;
  messageEn: string;
  findings: { severity: string; messageEn: string; preExisting: boolean }[];
  conflicts: unknown[];
}

/** What the HTTP app does per request once the body is parsed: build the context (token, rights), execute. */
class Server {
  private requests = 0;
  private readonly limits: RateLimits;

  constructor(
    readonly schema: GraphQLSchema,
    readonly orm: MikroORM,
    private readonly log: Logger,
    private readonly authorization: string,
  ) {
    this.limits = new RateLimits(orm, { signInsPerMinute: 10, mutationsPerMinute: 100_000 });
  }

  /** As the app builds it: authenticate the bearer token, load the user's rights. */
  context(): Promise<GraphQLContext> {
    this.requests += 1;
    return createContext(
      this.orm,
      this.log,
      { requestId: `bench-${this.requests}`, authorization: this.authorization, ip: '127.0.0.1' },
      { limits: this.limits, publicIndicators: false },
    );
  }

  /**
   * One request, context included. ms: wall clock; cpuMs: CPU time of this Node process meanwhile
   * (all its threads; PostgreSQL's not included).
   */
  async run<T>(source: string, variableValues: Record<string, unknown>): Promise<{ ms: number; cpuMs: number; data: T; response: unknown }> {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const response = await graphql({
      schema: this.schema,
      source,
      contextValue: await this.context(),
      variableValues,
    });
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${response.errors.map((error) => error.message).join('; ')}`);
    return { ms: elapsed, cpuMs: (used.user + used.system) / 1000, data: response.data as T, response };
  }
}

// ---------------------------------------------------------------------------------------------
// In-situ profile of one push, without editing server code: the compiled CommonJS modules call
// each other through their exports objects, so wrapping an export wraps every call the server
// makes; SQL is timed by wrapping the ORM connection's execute/begin/commit.

class Probe {
  readonly parts = new Map<string, { ms: number; calls: number }>();
  private readonly restorers: (() => void)[] = [];
  /**
   * While nested > 0, SQL runs inside a wrapped function and is accounted to it (as union of busy time:
   * from the first of its statements in flight to the last).
   */
  private readonly nesting = { nested: 0, nestedLabel: '', active: 0, busySince: 0 };

  private add(label: string, elapsed: number): void {
    const part = this.parts.get(label) ?? { ms: 0, calls: 0 };
    part.ms += elapsed;
    part.calls += 1;
    this.parts.set(label, part);
  }

  /** Times every call of target[name] under label; a nesting function also takes the SQL run inside it. */
  wrap(target: object, name: string, label: string, options: { nests?: boolean } = {}): void {
    const holder = target as Record<string, unknown>;
    const hadOwn = Object.prototype.hasOwnProperty.call(holder, name);
    const original = holder[name] as (...args: unknown[]) => unknown;
    if (typeof original !== 'function') throw new Error(`cannot probe ${name}: not a function`);
    const { nesting } = this;
    const add = (elapsed: number) => this.add(label, elapsed);
    holder[name] = function (this: unknown, ...args: unknown[]) {
      const start = performance.now();
      if (options.nests) {
        nesting.nested += 1;
        nesting.nestedLabel = label;
      }
      const done = () => {
        if (options.nests) nesting.nested -= 1;
        add(performance.now() - start);
      };
      let result: unknown;
      try {
        result = original.apply(this, args);
      } catch (error) {
        done();
        throw error;
      }
      if (result instanceof Promise) return result.finally(done);
      done();
      return result;
    };
    this.restorers.push(() => {
      if (hadOwn) holder[name] = original;
      else delete holder[name];
    });
  }

  /** Times each statement by its kind, or as busy time of the nesting function it runs in. */
  wrapExecute(connection: Record<string, unknown>): void {
    const execute = connection.execute as (...args: unknown[]) => Promise<unknown>;
    const { nesting } = this;
    const add = (label: string, elapsed: number) => this.add(label, elapsed);
    connection.execute = function (this: unknown, ...args: unknown[]) {
      const sql = typeof args[0] === 'string' ? args[0] : '(query builder)';
      const start = performance.now();
      const inside = nesting.nested > 0;
      const label = inside ? `${nesting.nestedLabel.replace(/: total$/, '')}: its SQL (busy time)` : `SQL ${describeSql(sql)}`;
      if (inside && nesting.active++ === 0) nesting.busySince = start;
      return execute.apply(this, args).finally(() => {
        if (inside) {
          if (--nesting.active === 0) add(label, performance.now() - nesting.busySince);
        } else {
          add(label, performance.now() - start);
        }
      });
    };
    this.restorers.push(() => {
      delete connection.execute;
    });
  }

  restore(): void {
    this.restorers.reverse().forEach((restore) => restore());
  }
}

function installProbe(orm: MikroORM): Probe {
  const probe = new Probe();
  probe.wrap(contextModule, 'createContext', 'createContext (token, rights): total', { nests: true });
  probe.wrap(tableStateModule, 'loadTableState', 'loadTableState: total', { nests: true });
  probe.wrap(tableHistoryModule, 'changesSince', 'changesSince (merge): total', { nests: true });
  probe.wrap(changeParsingModule, 'parseChanges', 'parseChanges');
  probe.wrap(validateTableModule, 'validateTable', 'validateTable');
  probe.wrap(contentHashModule, 'contentHash', 'contentHash');
  const connection = orm.em.getConnection() as unknown as Record<string, unknown>;
  for (const method of ['begin', 'commit'] as const) probe.wrap(connection, method, `SQL ${method.toUpperCase()}`);
  probe.wrapExecute(connection);
  return probe;
}

function describeSql(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  if (text.startsWith('select request_hash')) return 'select change_set by idempotency key';
  if (text.startsWith('insert into table_cell')) return 'upsert table_cell (unnest)';
  if (text.startsWith('delete from table_cell')) return 'delete emptied table_cell';
  if (text.startsWith('update plan_table')) return 'update plan_table version';
  if (text.startsWith('insert into change_set')) return 'insert change_set';
  if (text.startsWith('insert into cell_change')) return 'insert cell_change (unnest)';
  if (text.startsWith('update change_set set result')) return 'update change_set result (jsonb)';
  return text.slice(0, 48);
}

// ---------------------------------------------------------------------------------------------

async function bareSql(em: EntityManager, tableId: number): Promise<number> {
  const [columns, rows, cells] = await Promise.all([
    em.execute(`select c.id, c.key, c.label, c.published_number, c.type, c.scale, c.editable from table_column c where c.table_id = ? order by c.position`, [tableId]),
    em.execute(
      `select r.id, r.key, r.published_number, r.label, r.level, r.kind, r.editable, r.computed, p.key as parent_key
         from table_row r left join table_row p on p.id = r.parent_id where r.table_id = ? order by r.position`,
      [tableId],
    ),
    em.execute(`select row_id, column_id, value from table_cell where table_id = ?`, [tableId]),
  ]);
  return columns.length + rows.length + cells.length;
}

interface ExplainResult {
  executionMs: number;
  planningMs: number;
  triggers: { name: string; ms: number; calls: number }[];
}

/** The two big writes' SQL as the server's em.execute sends it (MikroORM's formatQuery inlines the arrays). */
function pushWriteStatements(orm: MikroORM, state: TableState, changes: CellChangeRequest[]) {
  const platform = orm.em.getPlatform();
  const rowIds = changes.map((change) => state.rowIds.get(change.rowKey)!);
  const columnIds = changes.map((change) => state.columnIds.get(change.columnKey)!);
  const values = changes.map((change) => change.value ?? null);
  const olds = changes.map((change) => state.snapshot.value(change.rowKey, change.columnKey));
  const upsertSql = `insert into table_cell (row_id, column_id, table_id, value)
       select r, c, ?, v from unnest(?::int[], ?::int[], ?::numeric[]) as t(r, c, v)
       on conflict (row_id, column_id) do update set value = excluded.value`;
  const upsertParams = [state.id, pgArray(rowIds), pgArray(columnIds), pgArray(values)];
  const changeSql = `insert into cell_change (change_set_id, table_id, version_after, row_id, column_id, old_value, new_value)
     select ?, ?, ?, r, c, o, n from unnest(?::int[], ?::int[], ?::numeric[], ?::numeric[]) as t(r, c, o, n)`;
  // The arrays are written once, so that only formatQuery is timed.
  const changeArrays = [pgArray(rowIds), pgArray(columnIds), pgArray(olds), pgArray(values)];
  const changeParams = (changeSetId: number) => [changeSetId, state.id, state.version + 1, ...changeArrays];
  return {
    upsertText: () => platform.formatQuery(upsertSql, upsertParams),
    changeText: (changeSetId: number) => platform.formatQuery(changeSql, changeParams(changeSetId)),
  };
}

async function explainPlan(client: pg.Client, sql: string): Promise<ExplainResult> {
  const { rows } = await client.query(`explain (analyze, format json) ${sql}`);
  const plan = rows[0]['QUERY PLAN'][0] as { 'Execution Time': number; 'Planning Time': number; Triggers?: Record<string, unknown>[] };
  return {
    executionMs: plan['Execution Time'],
    planningMs: plan['Planning Time'],
    triggers: (plan.Triggers ?? []).map((trigger) => ({
      name: String(trigger['Constraint Name'] ?? trigger['Trigger Name']),
      ms: Number(trigger.Time),
      calls: Number(trigger.Calls),
    })),
  };
}

function medianExplain(results: ExplainResult[]): ExplainResult {
  return {
    executionMs: summarize(results.map((result) => result.executionMs)).median,
    planningMs: summarize(results.map((result) => result.planningMs)).median,
    triggers: results[0].triggers.map((trigger) => ({
      name: trigger.name,
      calls: trigger.calls,
      ms: summarize(results.map((result) => result.triggers.find((other) => other.name === trigger.name)?.ms ?? 0)).median,
    })),
  };
}

/**
 * Three rounds of the writes in the server's order (lock, upsert, bump the version, change_set, cell_change),
 * each in a transaction rolled back: explained, explained with the foreign-key triggers off, and plain.
 */
async function replayWrites(client: pg.Client, state: TableState, statements: ReturnType<typeof pushWriteStatements>) {
  const insertChangeSet = async (key: string) => {
    const { rows } = await client.query(
      `insert into change_set (table_id, version_before, version_after, author, comment, created_at, idempotency_key, request_hash, result, content_hash)
       values ($1, $2, $3, 'bench', null, now(), $4, 'x', '{}'::jsonb, 'x') returning id`,
      [state.id, state.version, state.version + 1, key],
    );
    return rows[0].id as number;
  };
  const timedQuery = async (sql: string) => (await timed(() => client.query(sql))).ms;
  const lockTable = () => client.query('select id from plan_table where id = $1 for update', [state.id]);
  const bumpVersion = () => client.query('update plan_table set version = version + 1 where id = $1', [state.id]);
  const upsertText = statements.upsertText();
  const runs = { upsert: [] as ExplainResult[], cellChange: [] as ExplainResult[], noTriggers: [] as ExplainResult[], upsertPlain: [] as number[], cellChangePlain: [] as number[] };
  for (let round = 0; round < 3; round++) {
    // As the server does it: lock, upsert, bump the version, change_set, cell_change.
    await client.query('begin');
    await lockTable();
    runs.upsert.push(await explainPlan(client, upsertText));
    await bumpVersion();
    runs.cellChange.push(await explainPlan(client, statements.changeText(await insertChangeSet(`bench-explain-a${round}`))));
    await client.query('rollback');
    // Server order with foreign-key triggers off for this transaction only (what the constraints cost).
    await client.query('begin');
    await client.query(`set local session_replication_role = replica`);
    await lockTable();
    await bumpVersion();
    runs.noTriggers.push(await explainPlan(client, statements.changeText(await insertChangeSet(`bench-explain-d${round}`))));
    await client.query('rollback');
    // Server order without EXPLAIN: the statements end to end through the driver.
    await client.query('begin');
    await lockTable();
    runs.upsertPlain.push(await timedQuery(upsertText));
    await bumpVersion();
    runs.cellChangePlain.push(await timedQuery(statements.changeText(await insertChangeSet(`bench-explain-b${round}`))));
    await client.query('rollback');
  }
  return runs;
}

/**
 * The two big writes of a push, replayed in PostgreSQL with EXPLAIN ANALYZE inside transactions that are
 * rolled back, in the server's order (lock, upsert cells, bump version, insert change_set, insert
 * cell_change), to see what PostgreSQL spends on the statements and on their foreign-key triggers (also
 * with the triggers switched off for the transaction). SQL text is built by MikroORM's formatQuery, as the
 * server's em.execute sends it.
 */
async function explainWrites(url: string, orm: MikroORM, state: TableState, changes: CellChangeRequest[]) {
  const statements = pushWriteStatements(orm, state, changes);
  const formatUpsert = summarize(repeatSync(COMPONENT_RUNS, () => statements.upsertText()));
  const formatChange = summarize(repeatSync(COMPONENT_RUNS, () => statements.changeText(1)));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let runs: Awaited<ReturnType<typeof replayWrites>>;
  try {
    runs = await replayWrites(client, state, statements);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
  return {
    formatUpsert,
    formatChange,
    upsert: medianExplain(runs.upsert),
    cellChange: medianExplain(runs.cellChange),
    cellChangeNoTriggers: medianExplain(runs.noTriggers),
    upsertPlainMs: summarize(runs.upsertPlain).median,
    cellChangePlainMs: summarize(runs.cellChangePlain).median,
  };
}

async function bareSqlRawPg(client: pg.Pool, tableId: number): Promise<number> {
  const [columns, rows, cells] = await Promise.all([
    client.query(`select c.id, c.key, c.label, c.published_number, c.type, c.scale, c.editable from table_column c where c.table_id = $1 order by c.position`, [tableId]),
    client.query(
      `select r.id, r.key, r.published_number, r.label, r.level, r.kind, r.editable, r.computed, p.key as parent_key
         from table_row r left join table_row p on p.id = r.parent_id where r.table_id = $1 order by r.position`,
      [tableId],
    ),
    client.query(`select row_id, column_id, value from table_cell where table_id = $1`, [tableId]),
  ]);
  return columns.rowCount! + rows.rowCount! + cells.rowCount!;
}

type Profile = { totals: number[]; perRun: Map<string, { ms: number; calls: number }>[] };

function printHeader(): void {
  console.log('PlanBridge table-sync benchmark');
  console.log(`command : ${COMMAND}   (ran: ${process.argv.map((arg) => path.basename(arg)).join(' ')})`);
  const cpus = os.cpus();
  console.log(`machine : ${cpus.length} CPU(s) × ${cpus[0]?.model.trim() ?? 'unknown'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} ${process.arch}`);
  // The server's own settings change the figures: graphql-js skips its development checks in production,
  // and a larger young generation spares the garbage collector most of its work on a 10,000-row request.
  console.log(`node    : ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}, flags: ${process.execArgv.join(' ') || '(none)'}`);
  console.log(`load    : ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} (1/5/15 min load average at start; other processes share these CPUs)`);
  console.log(`runs    : pull ${PULL_WARMUP} warm-up + ${PULL_RUNS}; push ${PUSH_WARMUP} warm-up + ${PUSH_RUNS}; stale push ${STALE_RUNS}; profiled ${PROFILE_RUNS}+${PROFILE_RUNS}`);
  console.log('');
}

/** Embedded PostgreSQL, migrated and seeded, with a personal access token for the benchmark's user. */
async function openSeededDatabase() {
  const pgStart = await timed(() => startScratchPostgres());
  const postgresUrl = pgStart.value.url;
  progress(`embedded PostgreSQL on 127.0.0.1:${new URL(postgresUrl).port} in ${setup.tmpDir} (${ms(pgStart.ms)} ms)`);
  const seeded = await timed(async () => {
    const opened = await openScratchDatabase();
    const documents = await seedIfEmpty(opened.em.fork());
    const users = await seedUsersIfNone(opened.em.fork());
    return { orm: opened, fresh: documents && users };
  });
  if (!seeded.value.fresh) throw new Error('expected an empty database to seed');
  const orm = seeded.value.orm;
  const tokenEm = orm.em.fork() as EntityManager;
  const { token } = issueToken(tokenEm, await tokenEm.findOneOrFail(User, { login: BENCH_USER }), TokenKind.PERSONAL, 6 * 3600_000, 'benchmark');
  await tokenEm.flush();
  progress(`migrated, seeded documents and users (${ms(seeded.ms)} ms); requests are made as ${BENCH_USER} with a personal access token`);
  const em = orm.em.fork() as EntityManager;
  const [pgInfo] = await em.execute(
    `select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
            current_setting('synchronous_commit') as synchronous_commit, current_setting('fsync') as fsync`,
  );
  return { orm, em, postgresUrl, token, pgInfo, pgStartMs: pgStart.ms, seedMs: seeded.ms };
}

/** Imports the synthetic table and checks it arrived whole: columns, hierarchy, cells, and valid. */
async function importCheckedTable(orm: MikroORM, em: EntityManager) {
  const synthetic = buildSyntheticTable();
  const imported = await importSynthetic(orm, synthetic.csv);
  const tableId = imported.tableId;
  progress(`synthetic CSV ${(synthetic.csv.length / 1024).toFixed(0)} KiB read in ${ms(imported.parseMs)} ms, imported (importPlanTable + flush) in ${ms(imported.importMs)} ms as table ${tableId}`);

  const initial = await loadTableState(em, tableId);
  if (!initial) throw new Error('the imported table cannot be loaded');
  const columnKeys = initial.snapshot.columns.map((column) => column.key);
  if (JSON.stringify(columnKeys) !== JSON.stringify(EXPECTED_COLUMN_KEYS)) {
    throw new Error(`unexpected columns ${columnKeys.join(', ')}: the headings did not match the funding sources`);
  }
  const rowKeys = initial.snapshot.rows.map((row) => row.key);
  const kindsMatch = initial.snapshot.rows.every((row, index) => row.kind === synthetic.rows[index].kind);
  if (rowKeys.length !== 10_000 || !kindsMatch) throw new Error(`the imported hierarchy differs from the generated one (${rowKeys.length} rows)`);
  const [{ count: storedCells }] = await em.execute(`select count(*)::int as count from table_cell where table_id = ?`, [tableId]);
  if (storedCells !== synthetic.cellCount) throw new Error(`${storedCells} cells stored, ${synthetic.cellCount} generated`);
  const ruleKinds = initial.rules.map((rule) => rule.kind);
  const initialFindings = validateTable(initial.snapshot, initial.rules);
  if (initialFindings.length > 0) {
    throw new Error(`the synthetic table is not valid (${initialFindings.length} findings): ${initialFindings.slice(0, 3).map((finding) => finding.messageEn).join(' | ')}`);
  }
  progress(`table: ${rowKeys.length} rows × ${columnKeys.length} columns, ${storedCells} non-empty cells, rules ${ruleKinds.join(', ')}: 0 findings`);
  return { synthetic, importMs: imported.importMs, tableId, initial, columnKeys, rowKeys, storedCells: storedCells as number };
}

/** Warm-up pulls, checking the last one answers the whole table, editable. Returns its response. */
async function warmUpPull(server: Server, tableId: number, storedCells: number): Promise<unknown> {
  progress('pull: tableGrid');
  let lastPull: { data: { tableGrid: GridData }; response: unknown } | null = null;
  for (let run = 0; run < PULL_WARMUP; run++) lastPull = await server.run<{ tableGrid: GridData }>(PULL, { tableId: String(tableId) });
  const grid = lastPull!.data.tableGrid;
  const filledInGrid = grid.rows.reduce((sum, row) => sum + row.values.filter((value) => value !== null).length, 0);
  if (!grid.editable) throw new Error(`${BENCH_USER} cannot edit the table: ${grid.notEditableReasonEn}`);
  if (grid.rows.length !== 10_000 || grid.columns.length !== 6 || filledInGrid !== storedCells) {
    throw new Error(`tableGrid returned ${grid.rows.length} rows, ${grid.columns.length} columns, ${filledInGrid} values`);
  }
  return lastPull!.response;
}

/**
 * Pull, bare SQL, the context alone, the resolver alone and loadTableState alone, interleaved run by
 * run so that all of them see the same machine load; the pull/bare ratio is also taken run by run.
 */
async function measurePull(server: Server, orm: MikroORM, tableId: number) {
  const resolver = new TableSyncResolver();
  const freshEm = () => orm.em.fork() as EntityManager;
  for (let run = 0; run < 3; run++) await bareSql(freshEm(), tableId);
  const samples = { pull: [] as number[], pullCpu: [] as number[], bare: [] as number[], ratio: [] as number[], context: [] as number[], resolver: [] as number[], load: [] as number[] };
  for (let run = 0; run < PULL_RUNS; run++) {
    const pulledRun = await server.run(PULL, { tableId: String(tableId) });
    samples.pullCpu.push(pulledRun.cpuMs);
    const bareMs = (await timed(() => bareSql(freshEm(), tableId))).ms;
    samples.pull.push(pulledRun.ms);
    samples.bare.push(bareMs);
    samples.ratio.push(pulledRun.ms / bareMs);
    const context = await timed(() => server.context());
    samples.context.push(context.ms);
    samples.resolver.push((await timed(() => resolver.tableGrid(context.value, String(tableId)))).ms);
    samples.load.push((await timed(() => loadTableState(freshEm(), tableId))).ms);
  }
  return {
    pull: summarize(samples.pull),
    pullCpu: summarize(samples.pullCpu),
    bare: summarize(samples.bare),
    pairedRatio: summarize(samples.ratio),
    contextOnly: summarize(samples.context),
    resolverOnly: summarize(samples.resolver),
    loadState: summarize(samples.load),
  };
}

/** The cell queries through MikroORM and the plain pg driver, the hash and the response's serialization, each alone. */
async function measurePullComponents(orm: MikroORM, postgresUrl: string, tableId: number, snapshot: TableSnapshot, pullResponse: unknown) {
  const freshEm = () => orm.em.fork() as EntityManager;
  const bareCells = summarize(
    await repeat(COMPONENT_RUNS, () => freshEm().execute(`select row_id, column_id, value from table_cell where table_id = ?`, [tableId])),
  );
  const serverCells = summarize(await repeat(COMPONENT_RUNS, () => freshEm().execute(CELL_LISTS_SQL, [tableId])));
  const rawPool = new pg.Pool({ connectionString: postgresUrl, max: 3 });
  let rawBare: Summary;
  let rawCells: Summary;
  try {
    for (let run = 0; run < 3; run++) await bareSqlRawPg(rawPool, tableId);
    rawBare = summarize(await repeat(COMPONENT_RUNS, () => bareSqlRawPg(rawPool, tableId)));
    rawCells = summarize(await repeat(COMPONENT_RUNS, () => rawPool.query(`select row_id, column_id, value from table_cell where table_id = $1`, [tableId])));
  } finally {
    await rawPool.end();
  }
  const hashOnly = summarize(repeatSync(COMPONENT_RUNS, () => contentHash(snapshot)));
  const stringify = summarize(repeatSync(COMPONENT_RUNS, () => JSON.stringify(pullResponse)));
  const responseBytes = Buffer.byteLength(JSON.stringify(pullResponse));
  return { bareCells, serverCells, rawBare, rawCells, hashOnly, stringify, responseBytes };
}

/**
 * The pushes of the benchmark, keeping track of the table's version: the big push flips the planned
 * cells between their base and changed values, "someone else" flips one other cell.
 */
class PushSeries {
  private parity = 0;
  private pushes = 0;
  private otherValue: string | null = null;
  cpuOfLastPush = 0;

  constructor(
    private readonly server: Server,
    private readonly tableId: number,
    private readonly synthetic: ReturnType<typeof buildSyntheticTable>,
    private readonly rowKeys: string[],
    private readonly columnKeys: string[],
    public version: number,
  ) {}

  /** The planned changes, at their changed values (target 1) or back at their base values (target 0). */
  changesFor(target: number): CellChangeRequest[] {
    return this.synthetic.plan.map((change) => ({
      rowKey: this.rowKeys[change.row],
      columnKey: this.columnKeys[change.column],
      value: canonical(change.base + (target === 1 ? change.sign * DELTA_TENTHS : 0)),
    }));
  }

  /** The changes the next big push will send. */
  nextChanges(): CellChangeRequest[] {
    return this.changesFor(1 - this.parity);
  }

  input(baseVersion: number, changes: CellChangeRequest[]) {
    return {
      input: { tableId: String(this.tableId), baseVersion, idempotencyKey: `bench-${process.pid}-${++this.pushes}-${Date.now()}`, comment: 'benchmark', changes },
    };
  }

  /** The big push: 10,000 cells against baseVersion; applied on top of the current version. */
  async bigPush(baseVersion: number, what: string): Promise<number> {
    const target = 1 - this.parity;
    const result = await this.server.run<{ pushTable: PushData }>(PUSH, this.input(baseVersion, this.changesFor(target)));
    expectApplied(result.data.pushTable, this.synthetic.plan.length, this.version + 1, what);
    this.version += 1;
    this.parity = target;
    this.cpuOfLastPush = result.cpuMs;
    return result.ms;
  }

  /** "Someone else" changes one cell (empty ↔ 0, which keeps every sum valid). */
  async otherPush(): Promise<void> {
    this.otherValue = this.otherValue === null ? '0' : null;
    const cell = this.synthetic.otherCell;
    const change = { rowKey: this.rowKeys[cell.row], columnKey: this.columnKeys[cell.column], value: this.otherValue };
    const result = await this.server.run<{ pushTable: PushData }>(PUSH, this.input(this.version, [change]));
    expectApplied(result.data.pushTable, 1, this.version + 1, 'the concurrent 1-cell push');
    this.version += 1;
  }
}

function expectApplied(data: PushData, cells: number, expectedVersion: number, what: string): void {
  if (data.status !== 'APPLIED' || data.appliedCells !== cells || data.version !== expectedVersion) {
    const findings = data.findings.slice(0, 3).map((finding) => `${finding.severity} ${finding.messageEn}`).join(' | ');
    throw new Error(`${what}: ${data.status}, ${data.appliedCells} cells, version ${data.version} (expected APPLIED, ${cells}, ${expectedVersion}): ${data.messageEn} ${findings}`);
  }
  if (data.findings.length > 0) throw new Error(`${what}: APPLIED but with ${data.findings.length} findings, the synthetic edits should keep the table clean`);
}

/** Big pushes on the current version, then stale ones (merge path) each after a 1-cell push by "someone else". */
async function measurePushes(pushes: PushSeries, cellCount: number) {
  progress(`push: pushTable with ${cellCount} changed cells`);
  for (let run = 0; run < PUSH_WARMUP; run++) await pushes.bigPush(pushes.version, `warm-up push ${run + 1}`);
  const pushSamples: number[] = [];
  const pushCpuSamples: number[] = [];
  for (let run = 0; run < PUSH_RUNS; run++) {
    pushSamples.push(await pushes.bigPush(pushes.version, `push ${run + 1}`));
    pushCpuSamples.push(pushes.cpuOfLastPush);
  }

  progress('push with a stale baseVersion (merge path)');
  const staleSamples: number[] = [];
  const staleCpuSamples: number[] = [];
  for (let run = 0; run < STALE_RUNS; run++) {
    const base = pushes.version;
    await pushes.otherPush();
    staleSamples.push(await pushes.bigPush(base, `stale push ${run + 1}`));
    staleCpuSamples.push(pushes.cpuOfLastPush);
  }
  return { push: summarize(pushSamples), pushCpu: summarize(pushCpuSamples), stale: summarize(staleSamples), staleCpu: summarize(staleCpuSamples) };
}

/** Components of a push, each timed alone on the same data (medians). */
async function measurePushComponents(schema: GraphQLSchema, orm: MikroORM, tableId: number, pushes: PushSeries) {
  progress('push components, timed alone');
  const state = (await loadTableState(orm.em.fork() as EntityManager, tableId)) as TableState;
  const nextChanges = pushes.nextChanges();
  const operation = parse(PUSH).definitions[0] as OperationDefinitionNode;
  const coercion = summarize(
    repeatSync(COMPONENT_RUNS, () => {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], pushes.input(pushes.version, nextChanges));
      if (coerced.errors) throw new Error(coerced.errors[0].message);
    }),
  );
  const parsedChanges = parseChanges(state.snapshot, nextChanges);
  if (parsedChanges.findings.length) throw new Error('parseChanges found problems in the benchmark changes');
  const parseOnly = summarize(repeatSync(COMPONENT_RUNS, () => parseChanges(state.snapshot, nextChanges)));
  const withChanges = summarize(repeatSync(COMPONENT_RUNS, () => state.snapshot.withChanges(parsedChanges.values)));
  const applied = state.snapshot.withChanges(parsedChanges.values);
  if (!applied.ok) throw new Error('withChanges refused the benchmark changes');
  const nextSnapshot: TableSnapshot = applied.snapshot;
  const validateOnly = summarize(repeatSync(COMPONENT_RUNS, () => validateTable(nextSnapshot, state.rules)));
  const stringifyInput = summarize(repeatSync(COMPONENT_RUNS, () => JSON.stringify(pushes.input(pushes.version, nextChanges))));
  return { coercion, parseOnly, withChanges, validateOnly, stringifyInput };
}

/** In-situ profile of real pushes: where the time of one pushTable request goes. */
async function profilePushes(orm: MikroORM, pushes: PushSeries, runs: number, stalePath: boolean): Promise<Profile> {
  const perRun: Map<string, { ms: number; calls: number }>[] = [];
  const totals: number[] = [];
  for (let run = 0; run < runs; run++) {
    const base = pushes.version;
    if (stalePath) await pushes.otherPush();
    const probe = installProbe(orm);
    let elapsed: number;
    try {
      elapsed = await pushes.bigPush(base, `profiled push ${run + 1}`);
    } finally {
      probe.restore();
    }
    totals.push(elapsed);
    perRun.push(probe.parts);
  }
  return { totals, perRun };
}

/** Sanity: the table is still clean after all these pushes, and at the version the pushes reached. Returns the history's row count. */
async function checkFinalTable(orm: MikroORM, tableId: number, version: number): Promise<number> {
  const finalState = (await loadTableState(orm.em.fork() as EntityManager, tableId)) as TableState;
  const finalFindings = validateTable(finalState.snapshot, finalState.rules);
  if (finalFindings.length > 0 || finalState.version !== version) {
    throw new Error(`after the pushes: ${finalFindings.length} findings, version ${finalState.version} (expected ${version})`);
  }
  const [{ count: historyRows }] = await orm.em.fork().execute(`select count(*)::int as count from cell_change where table_id = ?`, [tableId]);
  return historyRows;
}

function verdict(value: number, target: number): string {
  return value <= target ? 'PASS' : 'MISS';
}

function printHeadlineFigures(
  pulls: Awaited<ReturnType<typeof measurePull>>,
  pushed: Awaited<ReturnType<typeof measurePushes>>,
  bareCells: Summary,
): void {
  const { pull, pullCpu, bare, pairedRatio } = pulls;
  const { push, pushCpu, stale, staleCpu } = pushed;
  console.log('');
  console.log('RESULTS (server-side: in-process graphql() execution through the real schema, wall-clock ms)');
  console.log('');
  printTable(
    ['measure', 'n', 'median', 'p95', 'min', 'max', 'target', 'median', 'p95', 'node CPU'],
    [
      ['pull: tableGrid, 10,000 rows × 6 columns', String(pull.n), ms(pull.median), ms(pull.p95), ms(pull.min), ms(pull.max), `≤ ${TARGET_PULL_MS}`, verdict(pull.median, TARGET_PULL_MS), verdict(pull.p95, TARGET_PULL_MS), ms(pullCpu.median)],
      ['push: pushTable, 10,000 cells (validate+commit)', String(push.n), ms(push.median), ms(push.p95), ms(push.min), ms(push.max), `≤ ${TARGET_PUSH_MS}`, verdict(push.median, TARGET_PUSH_MS), verdict(push.p95, TARGET_PUSH_MS), ms(pushCpu.median)],
      ['push, stale baseVersion (merge path)', String(stale.n), ms(stale.median), ms(stale.p95), ms(stale.min), ms(stale.max), `(≤ ${TARGET_PUSH_MS})`, verdict(stale.median, TARGET_PUSH_MS), verdict(stale.p95, TARGET_PUSH_MS), ms(staleCpu.median)],
      ['bare SQL: columns + rows + cells (parallel)', String(bare.n), ms(bare.median), ms(bare.p95), ms(bare.min), ms(bare.max), '', '', '', ''],
    ],
    [false, true, true, true, true, true, true, false, false, true],
  );
  console.log('node CPU = median CPU time of this Node process during the request (user + system, all its threads); PostgreSQL not included');
  console.log('');
  console.log(`pull / bare SQL: ${(pull.median / bare.median).toFixed(1)}× (ratio of medians, ${ms(pull.median)} / ${ms(bare.median)} ms); paired run by run: median ${pairedRatio.median.toFixed(1)}×, p95 ${pairedRatio.p95.toFixed(1)}×`);
  console.log(`bare SQL = the column and row queries + select row_id, column_id, value from table_cell where table_id = $1, in parallel through the same MikroORM pool (cells query alone: ${ms(bareCells.median)} ms)`);
  console.log(`the stale push is timed alone; before each, a 1-cell push by "someone else" moved the table one version ahead`);
}

function printPullParts(pulls: Awaited<ReturnType<typeof measurePull>>, parts: Awaited<ReturnType<typeof measurePullComponents>>): void {
  const { pull, bare, contextOnly, resolverOnly, loadState } = pulls;
  const share = (value: number) => `${((100 * value) / pull.median).toFixed(0)} %`;
  const graphqlAround = pull.median - contextOnly.median - resolverOnly.median;
  console.log('');
  console.log('PULL: where the time goes (medians; context, loadTableState, bare SQL and resolver are timed interleaved with the pulls above, the rest after them)');
  printTable(
    ['part', 'median ms', 'share of pull'],
    [
      ['createContext: authenticate the token, load the rights', ms(contextOnly.median), share(contextOnly.median)],
      ['loadTableState: 4 SQL statements in parallel + snapshot build', ms(loadState.median), share(loadState.median)],
      ['  of which JS (snapshot build etc.), ≈ loadTableState − bare SQL', ms(loadState.median - bare.median), share(loadState.median - bare.median)],
      ['  bare SQL (3 statements, no trim_scale), for comparison', ms(bare.median), share(bare.median)],
      ['  cells query as loadTableState writes it (CELL_LISTS_SQL: 3 lists)', ms(parts.serverCells.median), share(parts.serverCells.median)],
      ['  bare cells query alone (MikroORM em.execute)', ms(parts.bareCells.median), share(parts.bareCells.median)],
      ['  bare cells query alone (plain pg driver, no ORM)', ms(parts.rawCells.median), share(parts.rawCells.median)],
      ['  bare SQL, 3 statements (plain pg pool, no ORM)', ms(parts.rawBare.median), share(parts.rawBare.median)],
      ['contentHash of the snapshot', ms(parts.hashOnly.median), share(parts.hashOnly.median)],
      ['resolver tableGrid() alone (load, workflow, deadline, hash, mapping)', ms(resolverOnly.median), share(resolverOnly.median)],
      ['graphql() around it (parse, validate, complete 10,000 rows) ≈ pull − context − resolver', ms(graphqlAround), share(graphqlAround)],
      ['(not in the figure) JSON.stringify of the response', ms(parts.stringify.median), `${(parts.responseBytes / 2 ** 20).toFixed(2)} MiB`],
    ],
  );
}

function printPushComponents(
  parts: Awaited<ReturnType<typeof measurePushComponents>>,
  pulls: Awaited<ReturnType<typeof measurePull>>,
  hashOnly: Summary,
): void {
  console.log('');
  console.log('PUSH: components timed alone on the same data (medians)');
  printTable(
    ['part', 'median ms', 'times per push'],
    [
      ['GraphQL variable coercion of 10,000 CellChangeInput', ms(parts.coercion.median), '1'],
      ['createContext: authenticate the token, load the rights', ms(pulls.contextOnly.median), '1'],
      ['loadTableState (timed without lock, outside a transaction: in parallel)', ms(pulls.loadState.median), '1 (locked: one statement after another)'],
      ['parseChanges', ms(parts.parseOnly.median), '1'],
      ['snapshot.withChanges', ms(parts.withChanges.median), '2'],
      ['validateTable (4 rules, 10,000 rows)', ms(parts.validateOnly.median), '2 (before + after)'],
      ['contentHash', ms(hashOnly.median), '2 (hash + outcome)'],
      ['(client side, not in the figure) JSON.stringify of the variables', ms(parts.stringifyInput.median), '1'],
    ],
  );
}

function printProfile(title: string, result: Profile): void {
  const labels = [...new Set(result.perRun.flatMap((parts) => [...parts.keys()]))];
  const total = summarize(result.totals).median;
  const median = (label: string) => summarize(result.perRun.map((parts) => parts.get(label)?.ms ?? 0)).median;
  const calls = (label: string) => result.perRun[0].get(label)?.calls ?? 0;
  const isNested = (label: string) => label.includes(': its SQL');
  const rows = labels
    .map((label) => ({ label, ms: median(label), calls: calls(label) }))
    .sort((a, b) => b.ms - a.ms);
  const accounted = rows.filter((row) => !isNested(row.label)).reduce((sum, row) => sum + row.ms, 0);
  console.log('');
  console.log(`${title}: median of ${result.totals.length} profiled pushes, total ${ms(total)} ms`);
  printTable(
    ['part (in situ)', 'calls', 'median ms', 'share'],
    [
      ...rows.map((row) => [isNested(row.label) ? `  ${row.label}` : row.label, String(row.calls), ms(row.ms), `${((100 * row.ms) / total).toFixed(0)} %`]),
      ['rest: GraphQL coercion + result, withChanges ×2, classify, diff, requestHash, pgArray', '', ms(total - accounted), `${((100 * (total - accounted)) / total).toFixed(0)} %`],
    ],
  );
}

function printWrites(writes: Awaited<ReturnType<typeof explainWrites>>): void {
  const triggerRows = (result: ExplainResult) =>
    result.triggers.map((trigger) => [`  FK trigger ${trigger.name}`, '', ms(trigger.ms), `${trigger.calls} calls`]);
  console.log('');
  console.log('PUSH writes replayed in PostgreSQL with EXPLAIN ANALYZE (medians of 3 rounds, each rolled back; 10,000 rows)');
  printTable(
    ['statement', 'end to end', 'execution', 'note'],
    [
      ['MikroORM formatQuery (JS, inlines the arrays): upsert', ms(writes.formatUpsert.median), '', 'median'],
      ['MikroORM formatQuery (JS, inlines the arrays): cell_change', ms(writes.formatChange.median), '', 'median'],
      ['upsert table_cell, server order', ms(writes.upsertPlainMs), ms(writes.upsert.executionMs), `planning ${ms(writes.upsert.planningMs)}`],
      ...triggerRows(writes.upsert),
      ['insert cell_change, server order (after the version bump)', ms(writes.cellChangePlainMs), ms(writes.cellChange.executionMs), `planning ${ms(writes.cellChange.planningMs)}`],
      ...triggerRows(writes.cellChange),
      ['insert cell_change, FK triggers off (session_replication_role)', '', ms(writes.cellChangeNoTriggers.executionMs), `planning ${ms(writes.cellChangeNoTriggers.planningMs)}`],
    ],
    [false, true, true, false],
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  printHeader();
  const database = await openSeededDatabase();
  const { orm, em, postgresUrl } = database;
  const table = await importCheckedTable(orm, em);
  const { tableId, initial } = table;

  const schema = await createSchema();
  const server = new Server(schema, orm, createLogger('silent'), `Bearer ${database.token}`);
  const pullResponse = await warmUpPull(server, tableId, table.storedCells);
  const pulls = await measurePull(server, orm, tableId);
  const pullParts = await measurePullComponents(orm, postgresUrl, tableId, initial.snapshot, pullResponse);

  const pushes = new PushSeries(server, tableId, table.synthetic, table.rowKeys, table.columnKeys, initial.version);
  const pushed = await measurePushes(pushes, table.synthetic.plan.length);
  const pushParts = await measurePushComponents(schema, orm, tableId, pushes);
  progress('push, profiled in situ');
  const profile = await profilePushes(orm, pushes, PROFILE_RUNS, false);
  const profileStale = await profilePushes(orm, pushes, PROFILE_RUNS, true);

  progress('the two big writes, replayed with EXPLAIN ANALYZE (rolled back)');
  const writeState = (await loadTableState(orm.em.fork() as EntityManager, tableId)) as TableState;
  const writes = await explainWrites(postgresUrl, orm, writeState, pushes.nextChanges());

  progress('pull again, after all the pushes');
  const pullAfter = summarize(await repeat(COMPONENT_RUNS, () => server.run(PULL, { tableId: String(tableId) })));
  const bareAfter = summarize(await repeat(COMPONENT_RUNS, () => bareSql(orm.em.fork() as EntityManager, tableId)));
  const historyRows = await checkFinalTable(orm, tableId, pushes.version);

  printHeadlineFigures(pulls, pushed, pullParts.bareCells);
  printPullParts(pulls, pullParts);
  printPushComponents(pushParts, pulls, pullParts.hashOnly);
  printProfile('PUSH profiled in situ (current baseVersion)', profile);
  printProfile('PUSH profiled in situ (stale baseVersion, merge path)', profileStale);
  printWrites(writes);

  const { pgInfo } = database;
  console.log('');
  console.log(`pull after the ${pushes.version - initial.version} pushes: median ${ms(pullAfter.median)} ms, p95 ${ms(pullAfter.p95)} ms (n=${pullAfter.n}); bare SQL ${ms(bareAfter.median)} ms; ratio ${(pullAfter.median / bareAfter.median).toFixed(1)}×`);
  console.log('');
  console.log(`PostgreSQL ${pgInfo.version} (embedded, 127.0.0.1): shared_buffers ${pgInfo.shared_buffers}, synchronous_commit ${pgInfo.synchronous_commit}, fsync ${pgInfo.fsync}`);
  console.log(`table ${tableId}: ${table.rowKeys.length} rows × ${table.columnKeys.length} columns, ${table.storedCells} non-empty cells; ended at version ${pushes.version} with ${historyRows} cell_change rows; 0 findings`);
  console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log(`setup: PostgreSQL start ${ms(database.pgStartMs)} ms, open + migrate + seed ${ms(database.seedMs)} ms, import ${ms(table.importMs)} ms; whole run ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

runBenchmark(main);
