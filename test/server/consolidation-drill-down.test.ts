import type { EntityManager } from '@mikro-orm/postgresql';
import { ExactDecimal, toCanonical } from '../../domain/exact-decimal';
import { AdministrativeUnit, PlanTable, Role, RoleAssignment, TableTemplate, User } from '../../server/entities';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { importTestTable } from '../support/tables';

/**
 * The consolidation's figures (one summing statement) and its drill-down (a second one, read only when a
 * query asks for contributors), through HTTP, on a form with a rate recomputed from its numerator and
 * denominator, a cell only some units filled, and units not counted. The figures are checked against
 * the same sums done here from each unit's own grid.
 */
let db: TestDatabase;
let app: TestApp;
let statements = 0;
type Query = Awaited<ReturnType<TestApp['as']>>;
let approver: Query;
let roundId: string;
let scopeId: string;
/** Three communes of today's Cần Thơ, by unit id: their key, id and report table. */
let reporting: { key: string; id: number; tableId: string }[];
let keys: { households: string; poor: string; rate: string; first: string; second: string };

const CSV = ['STT,Nội dung,Số hộ,Số hộ nghèo,Tỷ lệ hộ nghèo (%)', '1,Xã vùng đồng bằng,,,', '2,Xã vùng ven biển,,,'].join('\n');
const GRID = `query ($id: ID!) { tableGrid(tableId: $id) { version columns { key type } rows { key values } } }`;
const FIGURES = `query ($round: ID!, $unit: ID, $include: [IncludedStatus!]) {
  consolidatedTable(roundId: $round, unitId: $unit, include: $include) {
    columns { key } rows { key values } cells { rowKey columnKey value } rates { rowKey columnKey value ruleId problem }
    contributingUnits { unitKey } missingUnits { unitKey state }
  }
}`;
const DRILL_DOWN = `query ($round: ID!, $unit: ID, $include: [IncludedStatus!]) {
  consolidatedTable(roundId: $round, unitId: $unit, include: $include) { cells { rowKey columnKey value contributors { unitId unitKey value share } } }
}`;

async function push(query: Query, tableId: string, changes: { rowKey: string; columnKey: string; value: string }[]): Promise<void> {
  const { version } = (await query(GRID, { id: tableId })).data!.tableGrid;
  const pushed = await query(`mutation ($input: PushTableInput!) { pushTable(input: $input) { status messageEn } }`, { input: { tableId, baseVersion: version, idempotencyKey: `drill-${tableId}`, changes } });
  expect(pushed.data!.pushTable).toMatchObject({ status: 'APPLIED' });
}

async function move(query: Query, mutation: 'submitTable' | 'approveTable', tableId: string): Promise<void> {
  expect((await query(`mutation ($id: ID!) { ${mutation}(tableId: $id) { status } }`, { id: tableId })).errors).toBeUndefined();
}

beforeAll(async () => {
  db = await createTestDatabase({ orm: { debug: ['query'], logger: () => (statements += 1) } });
  app = await startTestApp(db.orm);
  approver = await app.as('cantho.approver');
  const em = db.orm.em.fork() as EntityManager;
  const tableId = await importTestTable(db, CSV, { title: 'Hộ nghèo theo vùng' });
  const table = await em.findOneOrFail(PlanTable, tableId, { populate: ['template'] });
  // The appendix CSV reads every column as money: the households are measured to 2 decimals, the rate is a rate.
  await em.execute(`update table_column set type = case position when 2 then 'RATE' else 'MEASURE' end, scale = 2 where table_id = ?`, [tableId]);
  const grid = (await approver(GRID, { id: String(tableId) })).data!.tableGrid;
  const [households, poor, rate] = grid.columns.map((column: { key: string }) => column.key);
  expect(grid.columns.map((column: { type: string }) => column.type)).toEqual(['MEASURE', 'MEASURE', 'RATE']);
  keys = { households, poor, rate, first: grid.rows[0].key, second: grid.rows[1].key };
  // The rate is poor ÷ households × 100, to 2 decimals: consolidated, it is recomputed from the sums.
  em.assign(table.template as TableTemplate, { rules: [{ id: 'poverty-rate', kind: 'RATIO', severity: 'ERROR', axis: 'ROW', rate, numerator: poor, denominator: households, scale: '100', tolerance: '0.01' }] });
  await em.flush();
  const form = await approver(`mutation ($input: CreateReportFormInput!) { createReportForm(input: $input) { id } }`, {
    input: { templateTableId: String(tableId), title: 'Hộ nghèo theo vùng', periodType: 'YEAR', reportingLevel: 'COMMUNE' },
  });
  scopeId = String((await em.findOneOrFail(AdministrativeUnit, { key: '92@2025' })).id);
  const opened = await approver(`mutation ($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { id } }`, {
    input: { formId: form.data!.createReportForm.id, periodKey: '2025', scopeUnitId: scopeId, deadline: '2099-11-15' },
  });
  roundId = opened.data!.openReportingRound.id;
  const status = (await approver(`query ($round: ID!) { reportingStatus(roundId: $round) { units { unitKey tableId } } }`, { round: roundId })).data!.reportingStatus;
  const ids = new Map((await em.find(AdministrativeUnit, { key: { $in: status.units.map((u: any) => u.unitKey) } })).map((unit) => [unit.key, unit.id]));
  // Three communes listed by code; their unit ids need not be in that order, the drill-down lists by unit id.
  reporting = status.units.slice(0, 3).map((u: any) => ({ key: u.unitKey, id: ids.get(u.unitKey)!, tableId: u.tableId })).sort((a: any, b: any) => a.id - b.id);
  for (const unit of reporting) {
    const user = em.create(User, { login: `drill.${unit.key}`, displayName: unit.key, passwordHash: 'not-used' });
    em.create(RoleAssignment, { user, unit: await em.findOneOrFail(AdministrativeUnit, unit.id), role: Role.EDITOR });
  }
  await em.flush();
  // [households, poor, rate] of the first row; the second row's households only for the first unit.
  const figures: [string, string, string][] = [['200', '10', '5'], ['300', '30', '10'], ['100.25', '50', '49.88']];
  for (const [index, unit] of reporting.entries()) {
    const editor = await app.as(`drill.${unit.key}`);
    const [h, p, r] = figures[index];
    const changes = [{ rowKey: keys.first, columnKey: households, value: h }, { rowKey: keys.first, columnKey: poor, value: p }, { rowKey: keys.first, columnKey: rate, value: r }];
    if (index === 0) changes.push({ rowKey: keys.second, columnKey: households, value: '7.5' });
    await push(editor, unit.tableId, changes);
    await move(editor, 'submitTable', unit.tableId);
  }
  // The first two approved; the third submitted, waiting.
  await move(approver, 'approveTable', reporting[0].tableId);
  await move(approver, 'approveTable', reporting[1].tableId);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

/** The cell sums done here from the units' own grids: rate cells left out (they are recomputed, never added). */
async function sumsOfGrids(units: { tableId: string }[]): Promise<Map<string, string>> {
  const sums = new Map<string, InstanceType<typeof ExactDecimal>>();
  for (const unit of units) {
    const grid = (await approver(GRID, { id: unit.tableId })).data!.tableGrid;
    for (const row of grid.rows) {
      row.values.forEach((value: string | null, c: number) => {
        if (value === null || grid.columns[c].type === 'RATE') return;
        const key = `${row.key}/${grid.columns[c].key}`;
        sums.set(key, (sums.get(key) ?? new ExactDecimal(0)).plus(value));
      });
    }
  }
  return new Map([...sums].map(([key, sum]) => [key, toCanonical(sum)]));
}

function filledCells(table: { columns: { key: string }[]; rows: { key: string; values: (string | null)[] }[] }): Map<string, string> {
  return new Map(table.rows.flatMap((row) => row.values.flatMap((value, c) => (value === null ? [] : [[`${row.key}/${table.columns[c].key}`, value] as [string, string]]))));
}

describe('consolidated figures and their drill-down', () => {
  it('adds up the approved reports, recomputes the rate from the sums, leaves a half-filled rate empty and lists the units not counted', async () => {
    const answer = await approver(FIGURES, { round: roundId, unit: scopeId });
    expect(answer.errors).toBeUndefined();
    const table = answer.data!.consolidatedTable;
    const expected = await sumsOfGrids(reporting.slice(0, 2));
    // 40 poor of 500 households: 8 %, not 5 + 10 added nor their average.
    expected.set(`${keys.first}/${keys.rate}`, '8');
    expect(filledCells(table)).toEqual(expected);
    expect(expected.get(`${keys.first}/${keys.households}`)).toBe('500');
    expect(table.rates).toEqual(
      expect.arrayContaining([
        { rowKey: keys.first, columnKey: keys.rate, value: '8', ruleId: 'poverty-rate', problem: null },
        { rowKey: keys.second, columnKey: keys.rate, value: null, ruleId: 'poverty-rate', problem: 'NO_NUMERATOR' },
      ]),
    );
    expect(table.contributingUnits.map((u: any) => u.unitKey).sort()).toEqual([reporting[0].key, reporting[1].key].sort());
    expect(table.missingUnits).toEqual(expect.arrayContaining([{ unitKey: reporting[2].key, state: 'SUBMITTED' }]));
    expect(table.missingUnits.map((u: any) => u.unitKey)).not.toContain(reporting[0].key);
  });

  it('counts the submitted report too when asked, and the figures still equal the sums of the grids', async () => {
    const table = (await approver(FIGURES, { round: roundId, unit: scopeId, include: ['APPROVED', 'SUBMITTED'] })).data!.consolidatedTable;
    const expected = await sumsOfGrids(reporting);
    // 90 poor of 600.25 households: 14.993… %, to the column's 2 decimals.
    expected.set(`${keys.first}/${keys.rate}`, '14.99');
    expect(filledCells(table)).toEqual(expected);
  });

  it('lists each cell\'s contributors by unit id, each with its own value, the values adding up to the cell', async () => {
    const cells = (await approver(DRILL_DOWN, { round: roundId, unit: scopeId, include: ['APPROVED', 'SUBMITTED'] })).data!.consolidatedTable.cells;
    const cell = (rowKey: string, columnKey: string) => cells.find((c: any) => c.rowKey === rowKey && c.columnKey === columnKey);
    const [first, second, third] = reporting;
    expect(cell(keys.first, keys.households).contributors).toEqual([
      { unitId: String(first.id), unitKey: first.key, value: '200', share: '1' },
      { unitId: String(second.id), unitKey: second.key, value: '300', share: '1' },
      { unitId: String(third.id), unitKey: third.key, value: '100.25', share: '1' },
    ]);
    expect(cell(keys.second, keys.households).contributors).toEqual([{ unitId: String(first.id), unitKey: first.key, value: '7.5', share: '1' }]);
    for (const summed of cells.filter((c: any) => c.columnKey !== keys.rate)) {
      const total = summed.contributors.reduce((sum: InstanceType<typeof ExactDecimal>, c: any) => sum.plus(c.value), new ExactDecimal(0));
      expect(toCanonical(total)).toBe(summed.value);
    }
  });

  it('reads the drill-down in one more statement for all the cells, and only when contributors are asked for', async () => {
    const count = async (query: string) => {
      statements = 0;
      expect((await approver(query, { round: roundId, unit: scopeId })).errors).toBeUndefined();
      return statements;
    };
    const figures = await count(`query ($round: ID!, $unit: ID) { consolidatedTable(roundId: $round, unitId: $unit) { cells { rowKey columnKey value } } }`);
    const drilled = await count(DRILL_DOWN);
    expect(drilled).toBe(figures + 1);
  });
});
