/**
 * Entering actuals and targets: an indicator table goes through the same pull, validate, push and
 * approval as an appendix, and its approved values answer indicatorProgress.
 */
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

const CREATE = `mutation ($input: IndicatorTableInput!) { createIndicatorTable(input: $input) { id title kind status version } }`;
const GRID = `query ($id: ID!) {
  tableGrid(tableId: $id) { version rules columns { key label type scale } rows { key label values } }
}`;
const PUSH = `mutation ($input: PushTableInput!) {
  pushTable(input: $input) { status version messageEn findings { ruleId severity messageVi messageEn cells { rowKey columnKey rowLabel columnLabel } } }
}`;
const PROGRESS = `query ($unit: ID!, $keys: [String!]!) {
  indicatorProgress(unitId: $unit, indicatorKeys: $keys, asOf: "2025-03-01", breakdown: CHILDREN) { unit { key } indicator { key } actual { periodKey value rolledUp } }
}`;

let db: TestDatabase;
let app: TestApp;
const unitIds: Record<string, string> = {};
let planId: string;
let pushes = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  for (const unit of (await app.query(`{ units { id key } }`)).data!.units) unitIds[unit.key] = unit.id;
  planId = (await app.query(`{ plans(documentNumber: "132/KH-UBND") { id } }`)).data!.plans[0].id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

const column = (indicatorKey: string, kind: string, periodKey: string) => ({ indicatorKey, kind, periodKey });
const POVERTY_2024 = [
  column('POOR_HOUSEHOLDS', 'ACTUAL', '2023'),
  column('HOUSEHOLDS_ESCAPED_POVERTY', 'ACTUAL', '2024'),
  column('POOR_HOUSEHOLDS_FELL_BACK', 'ACTUAL', '2024'),
  column('NEW_POOR_HOUSEHOLDS', 'ACTUAL', '2024'),
  column('POOR_HOUSEHOLDS', 'ACTUAL', '2024'),
  column('TOTAL_HOUSEHOLDS', 'ACTUAL', '2024'),
  column('POOR_HOUSEHOLD_RATE', 'ACTUAL', '2024'),
];

function input(overrides: Record<string, unknown> = {}) {
  return {
    planId,
    title: 'Kết quả giảm nghèo năm 2024',
    reportingPeriodKey: '2024',
    unitIds: [unitIds['916@2021'], unitIds['926@2021']],
    columns: POVERTY_2024,
    ...overrides,
  };
}

async function push(as: Awaited<ReturnType<TestApp['as']>>, tableId: string, baseVersion: number, changes: [string, string, string | null][]) {
  const response = await as(PUSH, {
    input: { tableId, baseVersion, idempotencyKey: `indicator-${++pushes}`, changes: changes.map(([rowKey, columnKey, value]) => ({ rowKey, columnKey, value })) },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.pushTable;
}

/** Ninh Kiều's stock over 2024 (120 − 30 + 2 + 5 = 97) and Phong Điền's rate (450 of 30.000 households = 1,50 %). */
function povertyFigures(ninhKieuEnd: string, phongDienRate: string): [string, string, string][] {
  return [
    ['916@2021', 'POOR_HOUSEHOLDS:ACTUAL:2023', '120'],
    ['916@2021', 'HOUSEHOLDS_ESCAPED_POVERTY:ACTUAL:2024', '30'],
    ['916@2021', 'POOR_HOUSEHOLDS_FELL_BACK:ACTUAL:2024', '2'],
    ['916@2021', 'NEW_POOR_HOUSEHOLDS:ACTUAL:2024', '5'],
    ['916@2021', 'POOR_HOUSEHOLDS:ACTUAL:2024', ninhKieuEnd],
    ['926@2021', 'POOR_HOUSEHOLDS:ACTUAL:2024', '450'],
    ['926@2021', 'TOTAL_HOUSEHOLDS:ACTUAL:2024', '30000'],
    ['926@2021', 'POOR_HOUSEHOLD_RATE:ACTUAL:2024', phongDienRate],
  ];
}

describe('an indicator table', () => {
  let tableId: string;
  let editor: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    editor = await app.as('cantho.editor');
    const created = await editor(CREATE, { input: input() });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createIndicatorTable).toMatchObject({ kind: 'INDICATOR_VALUES', status: 'DRAFT', version: 1 });
    tableId = created.data!.createIndicatorTable.id;
  });

  it('has a row per unit, a column per indicator, kind and period, and rules derived from the indicators', async () => {
    const grid = (await editor(GRID, { id: tableId })).data!.tableGrid;
    expect(grid.rows.map((row: any) => [row.key, row.label])).toEqual([['916@2021', 'Quận Ninh Kiều'], ['926@2021', 'Huyện Phong Điền']]);
    expect(grid.columns[0]).toMatchObject({ key: 'POOR_HOUSEHOLDS:ACTUAL:2023', label: 'Số hộ nghèo — Thực hiện Năm 2023', type: 'COUNT', scale: 0 });
    expect(grid.columns[6]).toMatchObject({ key: 'POOR_HOUSEHOLD_RATE:ACTUAL:2024', type: 'RATE', scale: 2 });
    const rules = grid.rules;
    expect(rules.map((rule: any) => rule.id)).toEqual([
      'percent-range',
      'non-negative',
      'balance:POOR_HOUSEHOLDS:ACTUAL:2024',
      'ratio:POOR_HOUSEHOLD_RATE:ACTUAL:2024',
    ]);
    expect(rules[2]).toMatchObject({
      kind: 'BALANCE', start: 'POOR_HOUSEHOLDS:ACTUAL:2023',
      plus: ['POOR_HOUSEHOLDS_FELL_BACK:ACTUAL:2024', 'NEW_POOR_HOUSEHOLDS:ACTUAL:2024'], minus: ['HOUSEHOLDS_ESCAPED_POVERTY:ACTUAL:2024'],
    });
  });

  it('refuses a stock that does not balance and a rate that disagrees with its parts, naming row and column, and writes nothing', async () => {
    const outcome = await push(editor, tableId, 1, povertyFigures('99', '1.6'));
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.messageEn).toContain('nothing was written');
    const found = outcome.findings.map((finding: any) => [finding.ruleId, finding.cells[0].rowKey, finding.cells[0].columnKey]);
    expect(found).toEqual([
      ['balance:POOR_HOUSEHOLDS:ACTUAL:2024', '916@2021', 'POOR_HOUSEHOLDS:ACTUAL:2024'],
      ['ratio:POOR_HOUSEHOLD_RATE:ACTUAL:2024', '926@2021', 'POOR_HOUSEHOLD_RATE:ACTUAL:2024'],
    ]);
    const balance = outcome.findings[0];
    expect(balance.cells[0]).toMatchObject({ rowLabel: 'Quận Ninh Kiều', columnLabel: 'Số hộ nghèo — Thực hiện Năm 2024' });
    expect(balance.messageEn).toContain('97');
    expect((await editor(GRID, { id: tableId })).data!.tableGrid.version).toBe(1);
  });

  it('refuses a rate above 100 % and a negative count', async () => {
    const outcome = await push(editor, tableId, 1, [
      ['916@2021', 'POOR_HOUSEHOLD_RATE:ACTUAL:2024', '120'],
      ['926@2021', 'NEW_POOR_HOUSEHOLDS:ACTUAL:2024', '-3'],
    ]);
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.findings.map((finding: any) => [finding.ruleId, finding.cells[0].rowKey])).toEqual(
      expect.arrayContaining([['percent-range', '916@2021'], ['non-negative', '926@2021']]),
    );
  });

  it('records consistent values only when approved, and they then answer indicatorProgress', async () => {
    const applied = await push(editor, tableId, 1, povertyFigures('97', '1.5'));
    expect(applied.status).toBe('APPLIED');
    const poorIn2024 = async () => {
      const response = await app.query(PROGRESS, { unit: unitIds['92@2004'], keys: ['POOR_HOUSEHOLDS'] });
      expect(response.errors).toBeUndefined();
      // Old Cần Thơ and the two districts of the table; its seven other districts have nothing.
      return response.data!.indicatorProgress
        .filter((entry: any) => ['92@2004', '916@2021', '926@2021'].includes(entry.unit.key))
        .map((entry: any) => [entry.unit.key, entry.actual?.periodKey ?? null, entry.actual?.value ?? null]);
    };
    expect(await poorIn2024()).toEqual([['92@2004', null, null], ['926@2021', null, null], ['916@2021', null, null]]);

    expect((await editor(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: tableId })).data!.submitTable.status).toBe('SUBMITTED');
    const approver = await app.as('ministry.approver');
    expect((await approver(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: tableId })).data!.approveTable.status).toBe('APPROVED');
    // The province's own 2023 figure stands; its 2024 actual is now the sum of its districts.
    expect(await poorIn2024()).toEqual([['92@2004', '2024', '547'], ['926@2021', '2024', '450'], ['916@2021', '2024', '97']]);

    // Reopened, corrected and approved again: the table's earlier values are replaced, not added to.
    expect((await approver(`mutation ($id: ID!) { reopenTable(tableId: $id, reason: "Sửa số liệu Phong Điền") { status } }`, { id: tableId })).errors).toBeUndefined();
    expect(await poorIn2024()).toEqual([['92@2004', '2024', '547'], ['926@2021', '2024', '450'], ['916@2021', '2024', '97']]);
    const version = (await editor(GRID, { id: tableId })).data!.tableGrid.version;
    expect((await push(editor, tableId, version, [['926@2021', 'POOR_HOUSEHOLDS:ACTUAL:2024', '420'], ['926@2021', 'POOR_HOUSEHOLD_RATE:ACTUAL:2024', '1.4']])).status).toBe('APPLIED');
    await editor(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: tableId });
    await approver(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: tableId });
    expect(await poorIn2024()).toEqual([['92@2004', '2024', '517'], ['926@2021', '2024', '420'], ['916@2021', '2024', '97']]);
    const [{ recorded, cells }] = await db.orm.em.fork().execute(
      `select (select count(*)::int from indicator_value where source_table_id = ?) as recorded, (select count(*)::int from table_cell where table_id = ?) as cells`,
      [Number(tableId), Number(tableId)],
    );
    expect([recorded, cells]).toEqual([8, 8]); // each non-empty cell, once
  });
});

it('starts from the plain values already recorded, leaving qualified ones ("dưới 0,15 %") to be entered', async () => {
  const created = await app.query(CREATE, {
    input: input({ title: 'Cần Thơ 2023', unitIds: [unitIds['92@2004']], columns: [column('POOR_HOUSEHOLD_RATE', 'ACTUAL', '2023'), column('POOR_HOUSEHOLD_RATE', 'TARGET', '2021-2025')] }),
  });
  expect(created.errors).toBeUndefined();
  const grid = (await app.query(GRID, { id: created.data!.createIndicatorTable.id })).data!.tableGrid;
  expect(grid.rows[0].values).toEqual(['0.21', null]);
});

describe('refuses, naming the row and column, and creates nothing', () => {
  const tableCount = async () => Number((await db.orm.em.fork().execute(`select count(*) as count from plan_table`))[0].count);

  it('values of a unit for a period it did not exist in, and units outside the plan\'s unit', async () => {
    const before = await tableCount();
    const response = await app.query(CREATE, {
      input: input({ title: 'Sai', unitIds: [unitIds['916@2021'], unitIds['04@1978']], columns: [column('POOR_HOUSEHOLDS', 'ACTUAL', '2025'), column('POOR_HOUSEHOLDS', 'TARGET', '2025')] }),
    });
    const error = response.errors![0];
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: '04@1978', column: null }),
        expect.objectContaining({ row: '916@2021', column: 'Số hộ nghèo — Thực hiện Năm 2025' }),
      ]),
    );
    // A target may run past the unit's end; an actual measured at the end of 2025 may not.
    expect(error.extensions!.problems).not.toEqual(expect.arrayContaining([expect.objectContaining({ row: '916@2021', column: 'Số hộ nghèo — Mục tiêu Năm 2025' })]));
    expect(error.extensions!.messageVi).toContain('đơn vị không tồn tại vào ngày 2025-12-31');
    expect(error.extensions!.messageEn).toContain('row "Quận Ninh Kiều" (916@2021), column "Số hộ nghèo — Thực hiện Năm 2025": the unit did not exist on 2025-12-31');
    expect(await tableCount()).toBe(before);
  });

  it('unknown indicators, periods and units, duplicate titles and bad extra rules', async () => {
    const code = async (overrides: Record<string, unknown>) => (await app.query(CREATE, { input: input(overrides) })).errors![0].extensions!;
    expect(await code({ columns: [column('NO_SUCH', 'ACTUAL', '2024')] })).toMatchObject({ code: 'NOT_FOUND', id: 'NO_SUCH' });
    expect(await code({ columns: [column('POOR_HOUSEHOLDS', 'ACTUAL', '2099')] })).toMatchObject({ code: 'NOT_FOUND', id: '2099' });
    expect(await code({ unitIds: ['987654'] })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await code({ title: 'Cần Thơ 2023' })).messageEn).toContain('already has a table "Cần Thơ 2023"');
    const rules = await code({ title: 'Quy tắc', extraRules: JSON.stringify([{ id: 'x', kind: 'RANGE', severity: 'ERROR', columns: ['NO_COLUMN'] }]) });
    expect(rules.messageEn).toContain('Rule "x"');
    expect((await code({ title: 'JSON', extraRules: '[{' })).messageEn).toContain('extraRules is not valid JSON');
  });

  it('a table for a plan the caller may not edit', async () => {
    const caoBang = await app.as('caobang.editor');
    expect((await caoBang(CREATE, { input: input({ title: 'Khác' }) })).errors![0].extensions!.code).toBe('NOT_FOUND');
    const viewer = await app.as('cantho.viewer');
    expect((await viewer(CREATE, { input: input({ title: 'Khác' }) })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
