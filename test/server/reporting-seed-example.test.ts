import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

/** The worked example of docs/reporting.md, as the seed users, on the seed alone. */
let db: TestDatabase;
let app: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

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
  expect(round.data!.openReportingRound).toMatchObject({ periodEnd: '2025-06-30', deadline: '2025-06-15', reportCount: 1 });
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
  expect(status.units).toHaveLength(1);
  expect(status.units[0]).toMatchObject({ unitName: 'Thành phố Bạc Liêu', state: 'SUBMITTED' });
  expect(status.units[0].daysLate).toBeGreaterThan(500); // submitted today, long after 15 June 2025
  expect(status.total).toMatchObject({ expected: 1, received: 1, late: 1, completenessPercent: '100', timelinessPercent: '0' });
  expect((await approver(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: task.tableId })).data!.approveTable.status).toBe('APPROVED');
  const table = (await approver(`query ($round: ID!, $unit: ID!) {
    consolidatedTable(roundId: $round, unitId: $unit) { includedStatuses cells { rowKey columnKey value contributors { unitName value share } } missingUnits { unitName } findings { ruleId } }
  }`, { round: roundId, unit: camau })).data!.consolidatedTable;
  expect(table.includedStatuses).toEqual(['APPROVED']);
  const cell = (columnKey: string) => ({ rowKey: 'I.2.-1', columnKey, value: '15349', contributors: [{ unitName: 'Thành phố Bạc Liêu', value: '15349', share: '1' }] });
  expect(table.cells).toEqual(expect.arrayContaining([cell('total'), cell('local-budget')]));
  expect(table.cells).toHaveLength(2);
  expect(table.missingUnits).toEqual([]);
});
