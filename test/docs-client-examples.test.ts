/**
 * The client examples of docs/api.md (docs/examples/) run against a fresh server: the TypeScript one with its
 * generated types up to date, typechecked, compiled and run; the Python one (standard library only) and the curl one
 * when python3 and curl are on the machine. Each must answer what the database holds, page after page.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import ts from 'typescript';
import type { TestDatabase } from './support/database';
import { tokenFor, useTestApp, type TestApp } from './support/graphql';
import { ROOT } from './support/markdown-files';

const EXAMPLES = path.join(ROOT, 'docs/examples');
/** Old Cần Thơ (92@2004), the unit the examples ask about. */
const UNIT_ID = '5';

const installed = (command: string) => spawnSync(command, ['--version']).status === 0;

/**
 * Runs a command with the server's address and a token in the environment, as the examples' usage lines say.
 * Asynchronously: the server answering it runs in this process.
 */
async function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  try {
    return (await promisify(execFile)(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 })).stdout;
  } catch (error) {
    const failed = error as { code?: number; stderr?: string; stdout?: string };
    throw new Error(`${command} ${args.join(' ')} exited ${failed.code}: ${failed.stderr || failed.stdout}`);
  }
}

describe('the client examples of docs/api.md', () => {
  let db: TestDatabase;
  let app: TestApp;
  let env: Record<string, string>;
  /** The poor household rates of unit 5 and the units below it, by period as the API sorts, read straight from SQL. */
  let expected: string[];
  /** Where the TypeScript example is compiled to: under the repository, so that it finds its packages. */
  let outDir: string;

  useTestApp((made) => ({ db, app } = made));

  beforeAll(async () => {
    mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
    outDir = mkdtempSync(path.join(ROOT, 'dist', 'docs-example-'));
    const em = db.orm.em.fork() as EntityManager;
    // More values than a page (100), so that the examples have to follow the cursors.
    const below = `with recursive below(id) as (select ${UNIT_ID} union select u.id from administrative_unit u join below b on u.parent_id = b.id)`;
    await em.execute(`${below} insert into indicator_value (indicator_id, unit_id, period_id, kind, value)
      select i.id, u.id, p.id, 'ACTUAL', (u.id % 97) / 100.0
        from indicator i, administrative_unit u, period p
       where i.key = 'POOR_HOUSEHOLD_RATE' and u.id in (select id from below) and u.id <> ${UNIT_ID} and p.key in ('2022', '2023', '2024')`);
    const rows: { line: string }[] = await em.execute(`${below}
      select concat_ws(E'\\t', p.key, u.key, u.name, v.kind, trim_scale(v.value)::text) as line
        from indicator_value v join indicator i on i.id = v.indicator_id join period p on p.id = v.period_id join administrative_unit u on u.id = v.unit_id
       where i.key = 'POOR_HOUSEHOLD_RATE' and v.unit_id in (select id from below)
       order by p.starts_on, p.ends_on desc, p.id, v.unit_id, v.indicator_id, v.kind, v.id`);
    expected = rows.map((row) => row.line);
    env = { PLANBRIDGE_URL: app.url, PLANBRIDGE_TOKEN: await tokenFor(db.orm, 'admin') };
  });
  afterAll(() => outDir && rmSync(outDir, { recursive: true, force: true }));

  it('has more values to show than one page holds, among them the published 0.21 % of 2023', () => {
    expect(expected.length).toBeGreaterThan(100);
    expect(expected).toContain('2023\t92@2004\tThành phố Cần Thơ\tACTUAL\t0.21');
  });

  it('generated types up to date with the schema and the query (npm run codegen)', () => {
    const check = spawnSync(process.execPath, [path.join(ROOT, 'tools/codegen/client-types.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).not.toMatch(/stale/);
    expect(check.status).toBe(0);
  });

  it('TypeScript: typechecks, compiles and reads every page', async () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), { outDir }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts.createProgram([path.join(EXAMPLES, 'poor-household-rates.ts')], { ...config.options, sourceMap: false });
    const { diagnostics } = program.emit();
    const problems = [...ts.getPreEmitDiagnostics(program), ...diagnostics].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    const compiled = path.join(outDir, 'docs/examples/poor-household-rates.js');
    expect((await run('node', [compiled, UNIT_ID], env)).trimEnd().split('\n')).toEqual(expected);
    // A refusal is an error and a failed exit, not an empty answer.
    await expect(run('node', [compiled, UNIT_ID], { ...env, PLANBRIDGE_TOKEN: 'not-a-token' })).rejects.toThrow(/exited 1/);
  });

  (installed('python3') ? it : it.skip)('Python: plain HTTP with the standard library, every page', async () => {
    const lines = (await run('python3', [path.join(EXAMPLES, 'poor_household_rates.py'), UNIT_ID], env)).trimEnd().split('\n');
    expect(lines).toEqual(expected);
  });

  (installed('curl') ? it : it.skip)('curl: the first page and the total', async () => {
    const answer = JSON.parse(await run('sh', [path.join(EXAMPLES, 'poor-household-rates.sh'), UNIT_ID], env));
    const page = answer.data.indicatorValuesConnection;
    expect(page.totalCount).toBe(expected.length);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const lines = page.nodes.map((node: any) => [node.period.key, node.unit.key, node.unit.name, node.kind, node.value].join('\t'));
    expect(lines).toEqual(expected.slice(0, 100));
  });

  it('docs/api.md shows each example file as it is', () => {
    const api = readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8');
    for (const file of ['poor-household-rates.graphql', 'poor-household-rates.ts', 'poor_household_rates.py', 'poor-household-rates.sh']) {
      expect({ file, shown: api.includes(readFileSync(path.join(EXAMPLES, file), 'utf8').trim()) }).toEqual({ file, shown: true });
    }
  });
});
