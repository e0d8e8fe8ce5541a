import type { EntityManager } from '@mikro-orm/postgresql';
import { ExactDecimal } from '../../domain/exact-decimal';
import { daysBetween, vietnamDay } from '../../domain/reporting/calendar';
import { AdministrativeUnit, PlanTable, Role, RoleAssignment, User } from '../../server/entities';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { importTestTable } from '../support/tables';

/**
 * Reporting rounds through the real HTTP endpoint: a form built from Cần Thơ's Phụ lục 2, opened for the
 * communes of today's Cần Thơ, filled in, submitted and approved by their own staff, then consolidated.
 */
let db: TestDatabase;
let app: TestApp;
type Query = Awaited<ReturnType<TestApp['as']>>;
let approver: Query; // cantho.approver: approves the units below today's Cần Thơ
const units = new Map<string, number>();
const names = new Map<string, string>();
let communes: string[];
let oldCommunes: string[];
let A: string, B: string, C: string, D: string;
let appendixId: string;

async function addUser(em: EntityManager, login: string, role: Role, unitKey: string): Promise<void> {
  const user = em.create(User, { login, displayName: login, passwordHash: 'not-used' });
  em.create(RoleAssignment, { user, unit: await em.findOneOrFail(AdministrativeUnit, { key: unitKey }), role });
  await em.flush();
}

const GRID = `query ($id: ID!) { tableGrid(tableId: $id) { version status reportDeadline title documentNumber columns { key label } rows { key label kind values } } }`;
const PUSH = `mutation ($input: PushTableInput!) { pushTable(input: $input) { status version messageEn } }`;
const CONSOLIDATED = `query ($round: ID!, $unit: ID, $include: [IncludedStatus!]) {
  consolidatedTable(roundId: $round, unitId: $unit, include: $include) {
    includedStatuses title rows { key values } columns { key }
    cells { rowKey columnKey value contributors { unitKey value share } }
    contributingUnits { unitKey state } missingUnits { unitKey state } findings { ruleId severity }
  }
}`;
const STATUS = `query ($round: ID!) { reportingStatus(roundId: $round) {
  deadline today units { unitKey state daysLate lastBy tableId parentName }
  total { expected notStarted draft submitted approved late received onTime completenessPercent timelinessPercent }
  byLevel { key expected received } byParent { key name expected received completenessPercent }
} }`;
const OPEN = `mutation ($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { id periodKey periodEnd deadline formVersion reportCount } }`;

let pushes = 0;
async function push(query: Query, tableId: string, changes: { rowKey: string; columnKey: string; value: string }[]) {
  const grid = await query(GRID, { id: tableId });
  const pushed = await query(PUSH, { input: { tableId, baseVersion: grid.data!.tableGrid.version, idempotencyKey: `p${++pushes}`, changes } });
  expect(pushed.errors).toBeUndefined();
  expect(pushed.data!.pushTable.status).toBe('APPLIED');
}

async function workflow(query: Query, mutation: 'submitTable' | 'approveTable', tableId: string) {
  const done = await query(`mutation ($id: ID!) { ${mutation}(tableId: $id) { status } }`, { id: tableId });
  expect(done.errors).toBeUndefined();
}

async function instanceCount(): Promise<number> {
  const [row] = await db.orm.em.fork().getConnection().execute(`select count(*)::int as n from report_instance`);
  return row.n;
}

let formId: string;
let halfYearFormId: string;
let roundId: string;
let firstHalfRoundId: string;
const tableOf = new Map<string, string>();
// A leaf row and two columns of Phụ lục 2: "Cấp thẻ bảo hiểm y tế cho người nghèo", total and the city budget.
let row: string;
let total: string;
let city: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  const em = db.orm.em.fork() as EntityManager;
  // Today's Cần Thơ (92@2025) and four of its communes; two communes of old Cần Thơ (92@2004), gone since 1 July 2025.
  // The seed's communes of today's Cần Thơ, and those of the three provinces it was formed from as they were on 30 June 2025.
  const today: { key: string; name: string; id: number }[] = await em.execute(
    `select u.key, u.name, u.id from administrative_unit u join administrative_unit p on p.id = u.parent_id where p.key = '92@2025' and u.level = 'COMMUNE' order by u.code, u.id`,
  );
  communes = today.map((unit) => unit.key);
  for (const unit of today) {
    names.set(unit.key, unit.name);
    units.set(unit.key, unit.id);
  }
  [A, B, C, D] = communes;
  const before: { key: string }[] = await em.execute(
    `select u.key from administrative_unit u join administrative_unit d on d.id = u.parent_id join administrative_unit p on p.id = d.parent_id
      where p.key in ('92@2004', '93@2004', '94@1992') and u.level = 'COMMUNE' and u.valid_to >= '2025-06-30' and u.valid_from <= '2025-06-30' order by u.code, u.id`,
  );
  oldCommunes = before.map((unit) => unit.key);
  for (const key of [A, B, C, D]) await addUser(em, `editor.${key}`, Role.EDITOR, key);
  approver = await app.as('cantho.approver');
  appendixId = String((await em.findOneOrFail(PlanTable, { title: 'Phụ lục 2', plan: { documentNumber: '132/KH-UBND' } })).id);
  const grid = (await approver(GRID, { id: appendixId })).data!.tableGrid;
  row = grid.rows.find((r: any) => r.label.startsWith('Cấp thẻ bảo hiểm y tế')).key;
  total = grid.columns.find((c: any) => c.label === 'Tổng số').key;
  city = grid.columns.find((c: any) => c.label === 'Ngân sách thành phố').key;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

describe('report forms', () => {
  it('copies the rows, columns and rules of Cần Thơ\'s Phụ lục 2 as version 1', async () => {
    const created = await approver(
      `mutation ($input: CreateReportFormInput!) { createReportForm(input: $input) { id title periodType reportingLevel versions { number rowCount columnCount sourceTableId } } }`,
      { input: { templateTableId: appendixId, title: 'Báo cáo kinh phí giảm nghèo', periodType: 'YEAR', reportingLevel: 'COMMUNE' } },
    );
    expect(created.errors).toBeUndefined();
    const form = created.data!.createReportForm;
    expect(form.versions).toEqual([{ number: 1, rowCount: 29, columnCount: 5, sourceTableId: appendixId }]);
    formId = form.id;
    const halfYear = await approver(`mutation ($input: CreateReportFormInput!) { createReportForm(input: $input) { id } }`, {
      input: { templateTableId: appendixId, title: 'Báo cáo 6 tháng', periodType: 'HALF_YEAR', reportingLevel: 'COMMUNE' },
    });
    halfYearFormId = halfYear.data!.createReportForm.id;
  });

  it('a viewer may not create forms, and a table one may not read is not found', async () => {
    const viewer = await app.as('cantho.viewer');
    const refused = await viewer(`mutation ($input: CreateReportFormInput!) { createReportForm(input: $input) { id } }`, {
      input: { templateTableId: appendixId, title: 'X', periodType: 'YEAR', reportingLevel: 'COMMUNE' },
    });
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const camau = await app.as('camau.approver');
    const hidden = await camau(`mutation ($input: CreateReportFormInput!) { createReportForm(input: $input) { id } }`, {
      input: { templateTableId: appendixId, title: 'Y', periodType: 'YEAR', reportingLevel: 'COMMUNE' },
    });
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('opening a round', () => {
  it('gives every commune of today\'s Cần Thơ its own table of the form, found in browse and pulled with tableGrid', async () => {
    const opened = await approver(OPEN, { input: { formId, periodKey: '2025', scopeUnitId: String(await unitIdOf('92@2025')), deadline: '2099-11-15' } });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openReportingRound).toMatchObject({ periodKey: '2025', periodEnd: '2025-12-31', deadline: '2099-11-15', formVersion: 1, reportCount: communes.length });
    roundId = opened.data!.openReportingRound.id;
    const status = (await approver(STATUS, { round: roundId })).data!.reportingStatus;
    expect(status.units.map((u: any) => u.unitKey).sort()).toEqual([...communes].sort());
    for (const unit of status.units) tableOf.set(unit.unitKey, unit.tableId);
    const editor = await app.as(`editor.${A}`);
    const browse = await editor(`query ($unit: ID) { plans(issuingUnitId: $unit) { documentNumber tables { id title } } }`, { unit: String(units.get(A)) });
    expect(browse.data!.plans).toEqual([{ documentNumber: `BC 2025 #${roundId}`, tables: [{ id: tableOf.get(A), title: 'Báo cáo kinh phí giảm nghèo' }] }]);
    const grid = (await editor(GRID, { id: tableOf.get(A) })).data!.tableGrid;
    expect(grid).toMatchObject({ version: 1, status: 'DRAFT', reportDeadline: '2099-11-15' });
    expect(grid.rows).toHaveLength(29);
    expect(grid.rows.every((r: any) => r.values.every((v: unknown) => v === null))).toBe(true);
  });

  it('refuses a period of another type, a scope without communes and a bad deadline, writing nothing', async () => {
    const before = await instanceCount();
    const scope = String(await unitIdOf('92@2025'));
    const wrongPeriod = await approver(OPEN, { input: { formId, periodKey: '2025-H1', scopeUnitId: scope, deadline: '2025-11-15' } });
    expect(wrongPeriod.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'periodKey' });
    expect(wrongPeriod.errors![0].extensions!.messageVi).toContain('không khớp loại kỳ');
    const admin = app.query;
    const noCommunes = await admin(OPEN, { input: { formId, periodKey: '2025', scopeUnitId: String(await unitIdOf('954@2010')), deadline: '2025-11-15' } });
    expect(noCommunes.errors![0].extensions!.code).toBe('NO_REPORTING_UNITS');
    expect(noCommunes.errors![0].message).toContain('Thành phố Bạc Liêu');
    const badDeadline = await approver(OPEN, { input: { formId, periodKey: '2024', scopeUnitId: scope, deadline: '2024-02-30' } });
    expect(badDeadline.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'deadline' });
    const twice = await approver(OPEN, { input: { formId, periodKey: '2025', scopeUnitId: scope, deadline: '2099-11-15' } });
    expect(twice.errors![0].extensions!.code).toBe('ROUND_EXISTS');
    expect(await instanceCount()).toBe(before);
  });

  it('of two openings of the same form, period and scope sent at once, exactly one wins', async () => {
    const before = await instanceCount();
    const input = { formId: halfYearFormId, periodKey: '2025-H2', scopeUnitId: String(await unitIdOf('92@2025')), deadline: '2099-12-15' };
    const answers = await Promise.all([approver(OPEN, { input }), approver(OPEN, { input }), approver(OPEN, { input })]);
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0].extensions!.code === 'ROUND_EXISTS')).toHaveLength(2);
    expect(await instanceCount()).toBe(before + communes.length);
  });

  it('a first-half 2025 round goes to the communes that existed on 30 June, now reorganised', async () => {
    const opened = await approver(OPEN, { input: { formId: halfYearFormId, periodKey: '2025-H1', scopeUnitId: String(await unitIdOf('92@2025')), deadline: '2025-06-15' } });
    expect(opened.errors).toBeUndefined();
    firstHalfRoundId = opened.data!.openReportingRound.id;
    const status = (await approver(STATUS, { round: firstHalfRoundId })).data!.reportingStatus;
    expect(status.units.map((u: any) => u.unitKey).sort()).toEqual([...oldCommunes].sort());
    // Past the deadline and not submitted: late by the days since 15 June 2025, today in Vietnam.
    const late = daysBetween('2025-06-15', vietnamDay(new Date()));
    expect(new Set(status.units.map((u: any) => u.daysLate))).toEqual(new Set([late]));
    expect(status.total).toMatchObject({ expected: oldCommunes.length, notStarted: oldCommunes.length, late: oldCommunes.length, received: 0, completenessPercent: '0', timelinessPercent: '0' });
  });
});

/** 3 of the communes in percent, one decimal, as reportingStatus counts. */
const percent = (part: number) => new ExactDecimal(part).times(100).div(communes.length).toDecimalPlaces(1).toFixed();

async function unitIdOf(key: string): Promise<number> {
  const em = db.orm.em.fork() as EntityManager;
  return (await em.findOneOrFail(AdministrativeUnit, { key })).id;
}

describe('filling in, approving and consolidating', () => {
  beforeAll(async () => {
    const fill: [string, string, string][] = [
      [A, '10', '10'],
      [B, '20.5', '20.5'],
      [C, '7', '7'],
    ];
    for (const [key, totalValue, cityValue] of fill) {
      const editor = await app.as(`editor.${key}`);
      await push(editor, tableOf.get(key)!, [{ rowKey: row, columnKey: total, value: totalValue }, { rowKey: row, columnKey: city, value: cityValue }]);
      await workflow(editor, 'submitTable', tableOf.get(key)!);
    }
    await workflow(approver, 'approveTable', tableOf.get(A)!);
    await workflow(approver, 'approveTable', tableOf.get(B)!);
  });

  it('counts who has reported, per level and per parent', async () => {
    const status = (await approver(STATUS, { round: roundId })).data!.reportingStatus;
    expect(status.total).toEqual({
      expected: communes.length, notStarted: communes.length - 3, draft: 0, submitted: 1, approved: 2, late: 0, received: 3, onTime: 3, completenessPercent: percent(3), timelinessPercent: percent(3),
    });
    expect(status.byLevel).toEqual([{ key: 'COMMUNE', expected: communes.length, received: 3 }]);
    expect(status.byParent).toEqual([{ key: String(await unitIdOf('92@2025')), name: 'Thành phố Cần Thơ', expected: communes.length, received: 3, completenessPercent: percent(3) }]);
    const byKey = new Map(status.units.map((u: any) => [u.unitKey, u]));
    expect(byKey.get(A)).toMatchObject({ state: 'APPROVED', lastBy: 'Sở LĐ-TB&XH Cần Thơ – duyệt', daysLate: null });
    expect(byKey.get(C)).toMatchObject({ state: 'SUBMITTED', lastBy: `editor.${C}` });
    expect(byKey.get(D)).toMatchObject({ state: 'NOT_STARTED', lastBy: null });
  });

  it('adds up the approved reports cell by cell, with the contributors of each cell and the units missing', async () => {
    const answer = await approver(CONSOLIDATED, { round: roundId, unit: String(await unitIdOf('92@2025')) });
    expect(answer.errors).toBeUndefined();
    const table = answer.data!.consolidatedTable;
    expect(table.includedStatuses).toEqual(['APPROVED']);
    const totalCell = table.cells.find((c: any) => c.rowKey === row && c.columnKey === total);
    expect(totalCell).toEqual({
      rowKey: row,
      columnKey: total,
      value: '30.5',
      contributors: [
        { unitKey: A, value: '10', share: '1' },
        { unitKey: B, value: '20.5', share: '1' },
      ],
    });
    // Cell by cell: exactly the two cells filled hold figures; every other cell is empty, not zero.
    const filled = table.rows.flatMap((r: any) => r.values.map((v: string | null, c: number) => (v === null ? null : [r.key, table.columns[c].key, v])).filter(Boolean));
    expect(filled).toEqual([[row, total, '30.5'], [row, city, '30.5']]);
    expect(table.contributingUnits.map((u: any) => u.unitKey)).toEqual([A, B]);
    expect(table.missingUnits).toHaveLength(communes.length - 2);
    expect(table.missingUnits).toEqual(expect.arrayContaining([{ unitKey: C, state: 'SUBMITTED' }, { unitKey: D, state: 'NOT_STARTED' }]));
  });

  it('also counts submitted reports when asked, saying so', async () => {
    const table = (await approver(CONSOLIDATED, { round: roundId, include: ['APPROVED', 'SUBMITTED'] })).data!.consolidatedTable;
    expect(table.includedStatuses).toEqual(['APPROVED', 'SUBMITTED']);
    expect(table.cells.find((c: any) => c.rowKey === row && c.columnKey === total).value).toBe('37.5');
    expect(table.missingUnits).toHaveLength(communes.length - 3);
    expect(table.missingUnits.map((u: any) => u.unitKey)).not.toContain(C);
  });

  it('answers a round one may not read like a round that does not exist', async () => {
    const caobang = await app.as('caobang.editor');
    const hidden = await caobang(CONSOLIDATED, { round: roundId });
    const missing = await caobang(CONSOLIDATED, { round: '999999' });
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(hidden.errors![0].message).toBe(missing.errors![0].message.replaceAll('999999', roundId));
    expect((await caobang(STATUS, { round: roundId })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('lists what each user has to do', async () => {
    const editor = await app.as(`editor.${D}`);
    const tasks = `{ myReportingTasks { kind tableId unitName deadline } }`;
    // The annual round's report, then the second half-year's (opened in the race above), soonest deadline first.
    // Its own commune's reports; the commune's editors also fill in those of the old communes it was formed from (deadline 15 June 2025).
    const mine = (await editor(tasks)).data!.myReportingTasks.filter((task: any) => task.deadline.startsWith('2099'));
    expect(mine.map((task: any) => [task.kind, task.unitName, task.deadline])).toEqual([['FILL', names.get(D), '2099-11-15'], ['FILL', names.get(D), '2099-12-15']]);
    expect(mine[0].tableId).toBe(tableOf.get(D));
    const waiting = (await approver(tasks)).data!.myReportingTasks.filter((task: any) => task.kind === 'APPROVE');
    expect(waiting.map((task: any) => task.tableId)).toEqual([tableOf.get(C)]);
  });

  it('the province adopts the consolidation as its own report, and cannot submit it while a commune waits for a decision unless it says why', async () => {
    const provinceEditor = await app.as('cantho.editor');
    const adopted = await provinceEditor(`mutation ($round: ID!, $unit: ID!) { adoptConsolidation(roundId: $round, unitId: $unit) { id } }`, { round: roundId, unit: String(await unitIdOf('92@2025')) });
    expect(adopted.errors).toBeUndefined();
    const tableId = adopted.data!.adoptConsolidation.id;
    const grid = (await provinceEditor(GRID, { id: tableId })).data!.tableGrid;
    expect(grid.rows.find((r: any) => r.key === row).values[grid.columns.findIndex((c: any) => c.key === total)]).toBe('30.5');
    const again = await provinceEditor(`mutation ($round: ID!, $unit: ID!) { adoptConsolidation(roundId: $round, unitId: $unit) { id } }`, { round: roundId, unit: String(await unitIdOf('92@2025')) });
    expect(again.errors![0].extensions!.code).toBe('REPORT_EXISTS');

    const refused = await provinceEditor(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: tableId });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'PENDING_BELOW', pendingUnits: [C] });
    expect(refused.errors![0].extensions!.messageVi).toContain(names.get(C));
    const submitted = await provinceEditor(`mutation ($id: ID!, $why: String) { submitTable(tableId: $id, pendingBelowReason: $why) { status } }`, { id: tableId, why: 'Hạn nộp Bộ; Tân An sẽ bổ sung' });
    expect(submitted.data!.submitTable.status).toBe('SUBMITTED');
    const history = await provinceEditor(`query ($id: ID!) { tableWorkflow(tableId: $id) { toStatus pendingBelowReason } }`, { id: tableId });
    expect(history.data!.tableWorkflow).toEqual([{ toStatus: 'SUBMITTED', pendingBelowReason: 'Hạn nộp Bộ; Tân An sẽ bổ sung' }]);
    // The province's own report is not counted again when the round is consolidated.
    const table = (await approver(CONSOLIDATED, { round: roundId })).data!.consolidatedTable;
    expect(table.cells.find((c: any) => c.rowKey === row && c.columnKey === total).value).toBe('30.5');
  });
});

describe('reorganisation and form versions', () => {
  it('consolidates a first-half 2025 round of old communes for today\'s Cần Thơ, through the merger', async () => {
    const round = (await approver(`query ($round: ID!) { reportingStatus(roundId: $round) { units { unitKey tableId } } }`, { round: firstHalfRoundId })).data!.reportingStatus;
    const O1 = oldCommunes[0];
    const old = new Map(round.units.map((u: any) => [u.unitKey, u.tableId]));
    expect([...old.keys()].sort()).toEqual([...oldCommunes].sort());
    // The old commune no longer exists; the national administrator fills its report in, the province approves it.
    await push(app.query, old.get(O1) as string, [{ rowKey: row, columnKey: total, value: '4.25' }, { rowKey: row, columnKey: city, value: '4.25' }]);
    await workflow(app.query, 'submitTable', old.get(O1) as string);
    await workflow(approver, 'approveTable', old.get(O1) as string);
    const table = (await approver(CONSOLIDATED, { round: firstHalfRoundId, unit: String(await unitIdOf('92@2025')) })).data!.consolidatedTable;
    expect(table.cells.find((c: any) => c.rowKey === row && c.columnKey === total)).toMatchObject({ value: '4.25', contributors: [{ unitKey: O1, value: '4.25', share: '1' }] });
    expect(table.missingUnits).toHaveLength(oldCommunes.length - 1);
    expect(table.missingUnits.map((u: any) => u.unitKey)).not.toContain(O1);
    // Seen from the old province it merged into today's Cần Thơ, the same.
    const fromOld = (await approver(CONSOLIDATED, { round: firstHalfRoundId, unit: String(await unitIdOf('92@2004')) })).data!.consolidatedTable;
    expect(fromOld.contributingUnits).toEqual([{ unitKey: O1, state: 'APPROVED' }]);
    expect(fromOld.missingUnits.length).toBeLessThan(oldCommunes.length); // old Cần Thơ's own communes only
  });

  it('the report of a commune reorganised during the round is filled in by its successor\'s staff, and only theirs', async () => {
    const em = db.orm.em.fork() as EntityManager;
    const links: { old_key: string; new_key: string }[] = await em.execute(
      `select o.key as old_key, n.key as new_key from unit_succession s join administrative_unit o on o.id = s.predecessor_id join administrative_unit n on n.id = s.successor_id
        where o.key = any(?::text[]) and n.level = 'COMMUNE' order by o.code, n.code`,
      [`{${oldCommunes.slice(1).join(',')}}`],
    );
    const { old_key: old, new_key: successor } = links[0];
    const stranger = [A, B, C, D].find((key) => !links.some((link) => link.old_key === old && link.new_key === key))!;
    await addUser(em, `heir.${successor}`, Role.EDITOR, successor);
    const status = (await approver(`query ($round: ID!) { reportingStatus(roundId: $round) { units { unitKey tableId unitValidTo } } }`, { round: firstHalfRoundId })).data!.reportingStatus;
    const report = status.units.find((u: any) => u.unitKey === old);
    expect(report.unitValidTo).toBe('2025-06-30');
    const change = [{ rowKey: row, columnKey: total, value: '1.5' }, { rowKey: row, columnKey: city, value: '1.5' }];
    // Someone else's commune: answered like a table that does not exist, nothing written.
    const refused = await (await app.as(`editor.${stranger}`))(PUSH, { input: { tableId: report.tableId, baseVersion: 1, idempotencyKey: 'stranger', changes: change } });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await approver(GRID, { id: report.tableId })).data!.tableGrid.version).toBe(1);
    // The commune it became: its editor fills it in and submits it.
    const heir = await app.as(`heir.${successor}`);
    await push(heir, report.tableId, change);
    await workflow(heir, 'submitTable', report.tableId);
    expect((await approver(GRID, { id: report.tableId })).data!.tableGrid).toMatchObject({ version: 2, status: 'SUBMITTED' });
  });

  it('a structure changed while a round is open applies from the next round', async () => {
    const changed = String(await importTestTable(db, 'STT,Nội dung,Tổng số\n1,Hỗ trợ nhà ở,\n2,Truyền thông,', { title: 'Biểu mới', unitKey: '92@2025' }));
    const revised = await approver(`mutation ($form: ID!, $table: ID!) { reviseReportForm(formId: $form, templateTableId: $table) { number rowCount columnCount } }`, { form: formId, table: changed });
    expect(revised.data!.reviseReportForm).toEqual({ number: 2, rowCount: 2, columnCount: 1 });
    const same = await approver(`mutation ($form: ID!, $table: ID!) { reviseReportForm(formId: $form, templateTableId: $table) { number } }`, { form: formId, table: changed });
    expect(same.data!.reviseReportForm.number).toBe(2);
    // The open round keeps version 1: its tables and its consolidation keep the appendix's 29 rows.
    expect((await approver(`query ($id: ID!) { reportingRound(id: $id) { formVersion } }`, { id: roundId })).data!.reportingRound.formVersion).toBe(1);
    expect((await approver(GRID, { id: tableOf.get(D) })).data!.tableGrid.rows).toHaveLength(29);
    const next = await approver(OPEN, { input: { formId, periodKey: '2025', scopeUnitId: String(units.get(A)), deadline: '2099-11-15' } });
    expect(next.data!.openReportingRound).toMatchObject({ formVersion: 2, reportCount: 1 });
  });
});

/** The worked example of docs/reporting.md, as the seed users: the seed has districts but no communes. */
describe('the worked example of docs/reporting.md', () => {
  it('a district of old Bạc Liêu reports the first half of 2025 to today\'s Cà Mau, which consolidates it', async () => {
    const admin = await app.as('admin');
    const lookup = (await admin(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } units(level: PROVINCE) { id key } }`)).data!;
    const camau = lookup.units.find((unit: any) => unit.key === '96@2025').id;
    const form = await admin(`mutation ($table: ID!) {
      createReportForm(input: { templateTableId: $table, title: "Báo cáo kinh phí 6 tháng", periodType: HALF_YEAR, reportingLevel: DISTRICT }) { id versions { number rowCount columnCount } }
    }`, { table: lookup.findTable.id });
    expect(form.data!.createReportForm.versions).toEqual([{ number: 1, rowCount: 29, columnCount: 5 }]);
    const round = await admin(`mutation ($form: ID!, $scope: ID!) {
      openReportingRound(input: { formId: $form, periodKey: "2025-H1", scopeUnitId: $scope, deadline: "2025-06-15" }) { id periodEnd deadline reportCount }
    }`, { form: form.data!.createReportForm.id, scope: camau });
    expect(round.data!.openReportingRound).toMatchObject({ periodEnd: '2025-06-30', deadline: '2025-06-15' });
    const districts = round.data!.openReportingRound.reportCount; // every district of old Bạc Liêu and old Cà Mau
    expect(districts).toBeGreaterThan(1);
    const roundId = round.data!.openReportingRound.id;
  
    const editor = await app.as('baclieu-city.editor');
    const [task] = (await editor(`{ myReportingTasks { kind tableId unitName deadline daysRemaining } }`)).data!.myReportingTasks;
    expect(task).toMatchObject({ kind: 'FILL', unitName: 'Thành phố Bạc Liêu', deadline: '2025-06-15' });
    const pushed = await editor(`mutation ($id: ID!) {
      pushTable(input: { tableId: $id, baseVersion: 1, idempotencyKey: "bl-2025-h1", changes: [
        { rowKey: "I.2.-1", columnKey: "total", text: "15.349" }, { rowKey: "I.2.-1", columnKey: "local-budget", text: "15.349" }
      ] }) { status version messageEn }
    }`, { id: task.tableId });
    expect(pushed.data!.pushTable).toMatchObject({ status: 'APPLIED', version: 2 });
    expect((await editor(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: task.tableId })).data!.submitTable.status).toBe('SUBMITTED');
  
    const approver = await app.as('camau.approver');
    const status = (await approver(`query ($round: ID!) { reportingStatus(roundId: $round) { units { unitName state daysLate } total { expected received late completenessPercent timelinessPercent } } }`, { round: roundId })).data!.reportingStatus;
    expect(status.units).toHaveLength(districts);
    const baclieu = status.units.find((unit: any) => unit.unitName === 'Thành phố Bạc Liêu');
    expect(baclieu.state).toBe('SUBMITTED');
    expect(baclieu.daysLate).toBeGreaterThan(500); // submitted today, long after 15 June 2025
    expect(status.total).toMatchObject({ expected: districts, received: 1, late: districts, timelinessPercent: '0' });
    expect((await approver(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: task.tableId })).data!.approveTable.status).toBe('APPROVED');
    const table = (await approver(`query ($round: ID!, $unit: ID!) {
      consolidatedTable(roundId: $round, unitId: $unit) { includedStatuses cells { rowKey columnKey value contributors { unitName value share } } missingUnits { unitName } findings { ruleId } }
    }`, { round: roundId, unit: camau })).data!.consolidatedTable;
    expect(table.includedStatuses).toEqual(['APPROVED']);
    const cell = (columnKey: string) => ({ rowKey: 'I.2.-1', columnKey, value: '15349', contributors: [{ unitName: 'Thành phố Bạc Liêu', value: '15349', share: '1' }] });
    expect(table.cells).toEqual(expect.arrayContaining([cell('total'), cell('local-budget')]));
    expect(table.cells).toHaveLength(2);
    expect(table.missingUnits).toHaveLength(districts - 1);
  });
});
