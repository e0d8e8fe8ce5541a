/**
 * The "Reports from units below" card of the BUILT task pane in Chromium, against the real server: a round of
 * a form made from Cần Thơ's Phụ lục 2 for the communes of today's Cần Thơ, one report approved, one submitted,
 * one in draft. The province's approver loads the rounds, sees the units late first, writes the status sheet
 * and pulls the consolidation (approved and submitted reports) into two read-only sheets, whose figures are
 * checked against the server's exact decimals, empty cells staying empty.
 */
import type { Page } from 'playwright-core';
import { numberToCanonical } from '../../domain/sheet/cell-numbers';
import { LISTED_UNITS } from '../../addin/src/pane/units-below-card';
import { describeInChromium } from '../support/chromium';
import { tokenFor, type TestApp } from '../support/graphql';
import { type PaneInChromium, openPaneInChromium } from './support/pane-in-chromium';

type Query = Awaited<ReturnType<TestApp['as']>>;

describeInChromium('the browser test of the "reports from units below" card')('the "reports from units below" card in Chromium against the real server', () => {
  let pane: PaneInChromium;
  let page: Page;
  let admin: Query;
  let approver: Query;
  let roundId: string;
  let cantho: string;
  /** The three communes that reported: A approved, B submitted, C in draft. */
  const reported: { key: string; name: string; tableId: string }[] = [];
  let rowKey: string;
  let total: string;
  let city: string;

  const ok = async (query: Query, text: string, variables: Record<string, unknown> = {}) => {
    const answer = await query(text, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };

  beforeAll(async () => {
    pane = await openPaneInChromium({ width: 420, height: 1400 });
    page = pane.page;
    admin = await pane.app.as('admin');
    approver = await pane.app.as('cantho.approver');
    const found = await ok(admin, `{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } findUnit(name: "Thành phố Cần Thơ", asOf: "2025-12-31") { id } }`);
    cantho = found.findUnit.id;
    const grid = (await ok(admin, `query ($id: ID!) { tableGrid(tableId: $id) { columns { key label } rows { key label } } }`, { id: found.findTable.id })).tableGrid;
    rowKey = grid.rows.find((r: any) => r.label.startsWith('Cấp thẻ bảo hiểm y tế')).key;
    total = grid.columns.find((c: any) => c.label === 'Tổng số').key;
    city = grid.columns.find((c: any) => c.label === 'Ngân sách thành phố').key;
    const form = (await ok(approver, `mutation ($table: ID!) { createReportForm(input: { templateTableId: $table, title: "Báo cáo kinh phí năm", periodType: YEAR, reportingLevel: COMMUNE }) { id } }`, { table: found.findTable.id })).createReportForm;
    const round = (await ok(approver, `mutation ($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { id } }`, { input: { formId: form.id, periodKey: '2025', scopeUnitId: cantho, deadline: '2025-11-15' } })).openReportingRound;
    roundId = round.id;
    const status = (await ok(approver, `query ($round: ID!) { reportingStatus(roundId: $round) { units { unitKey unitName tableId } } }`, { round: roundId })).reportingStatus;
    // Three decimals (triệu đồng to the đồng) whose double sum is not exact: 0.1 + 0.2.
    const values = ['0.1', '0.2', '7.125'];
    for (const [index, unit] of status.units.slice(0, 3).entries()) {
      reported.push({ key: unit.unitKey, name: unit.unitName, tableId: unit.tableId });
      const changes = [{ rowKey, columnKey: total, value: values[index] }, { rowKey, columnKey: city, value: values[index] }];
      const pushed = (await ok(admin, `mutation ($input: PushTableInput!) { pushTable(input: $input) { status } }`, { input: { tableId: unit.tableId, baseVersion: 1, idempotencyKey: `units-below-${index}`, changes } })).pushTable;
      expect(pushed.status).toBe('APPLIED');
    }
    const [A, B] = reported;
    for (const unit of [A, B]) await ok(admin, `mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: unit.tableId });
    await ok(approver, `mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: A.tableId });
    // A and B were sent before the deadline (15 November 2025); everyone else is late.
    await pane.db.orm.em.fork().getConnection().execute(`update workflow_event set at = '2025-11-10T03:00:00Z' where table_id in (?, ?) and to_status = 'SUBMITTED'`, [A.tableId, B.tableId]);
  }, 240000);

  afterAll(async () => {
    await pane?.close();
  });

  /** Values of a block of a sheet, by name: rows × columns from A1. */
  const sheetValues = (sheet: string, rows: number, columns: number) =>
    page.evaluate(
      ({ sheet, rows, columns }) => {
        const book = (window as any).__fake.book;
        return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => book.valueAt(book.sheet(sheet), r, c)));
      },
      { sheet, rows, columns },
    ) as Promise<unknown[][]>;
  const canonical = (value: unknown) => (value === '' ? null : typeof value === 'number' ? numberToCanonical(value) : value);

  it('lists the round and the communes of Cần Thơ late first, for the province\'s approver', async () => {
    await page.goto(`${pane.server}/addin/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#rounds-heading').textContent()).toBe('Báo cáo của cấp dưới');
    await page.click('details.pb-details summary');
    await page.fill('#token', await tokenFor(pane.db.orm, 'cantho.approver'));
    await page.click('#save-token');
    await page.click('#rounds-load');
    await page.waitForFunction(() => document.getElementById('rounds-message')!.className.includes('pb-success'));
    expect(await page.locator('#rounds-round option:checked').textContent()).toBe('Báo cáo kinh phí năm — kỳ 2025 — Thành phố Cần Thơ (hạn 15/11/2025)');
    expect(await page.locator('#rounds-view-field').isHidden()).toBe(true);
    // What the approver has to do: B's report, submitted and waiting for a decision.
    const tasks = page.locator('#rounds-tasks li');
    expect(await tasks.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.tableId))).toEqual([reported[1].tableId]);
    expect(await tasks.first().textContent()).toMatch(new RegExp(`^Duyệt: Báo cáo kinh phí năm kỳ 2025 — ${reported[1].name} \\(hạn 15/11/2025, trễ \\d+ ngày\\)$`));

    const server = (await ok(approver, `query ($round: ID!, $unit: ID) { reportingStatus(roundId: $round, unitId: $unit) { units { unitKey daysLate } total { expected late received completenessPercent } } }`, { round: roundId, unit: cantho })).reportingStatus;
    const expected = server.total.expected;
    expect(server.total).toMatchObject({ late: expected - 2, received: 2 });
    expect(await page.locator('#rounds-summary').textContent()).toContain(`Đã nhận 2/${expected} (${server.total.completenessPercent}%)`);
    const rows = page.locator('#rounds-units tr');
    expect(await rows.count()).toBe(Math.min(LISTED_UNITS, expected));
    // Late first: the first row is late by the days since 15 November 2025; A and B (on time) are not listed before any late unit.
    const first = await rows.first().locator('td').allTextContents();
    expect(first[1]).toBe(String(server.units[0].daysLate));
    expect(Number(first[1])).toBeGreaterThan(0);
    const listedKeys = await rows.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.unitKey));
    expect(listedKeys).toEqual(server.units.slice(0, LISTED_UNITS).map((unit: any) => unit.unitKey));
    expect(await page.locator('#rounds-more').textContent()).toBe(`… và ${expected - LISTED_UNITS} đơn vị nữa: xem trong trang tình hình.`);
    await page.locator('#rounds-card').screenshot({ path: pane.browser.screenshot('addin-units-below.png') });
  }, 120000);

  it('writes the status sheet: counts as numbers, percentages exact, days late empty when on time', async () => {
    await page.click('#rounds-status-sheet');
    await page.waitForFunction(() => document.getElementById('rounds-message')!.className.includes('pb-success'));
    const server = (await ok(approver, `query ($round: ID!, $unit: ID) { reportingStatus(roundId: $round, unitId: $unit) {
      units { unitKey state daysLate } total { expected notStarted draft submitted approved late received onTime completenessPercent timelinessPercent } } }`, { round: roundId, unit: cantho })).reportingStatus;
    const n = server.units.length;
    expect(await page.locator('#rounds-message').textContent()).toBe(`Đã ghi tình hình của ${n} đơn vị vào trang tính "Tình hình báo cáo" (chỉ đọc).`);
    const sheets = await pane.fake<{ name: string; protected: boolean }[]>('sheets');
    expect(sheets.find((sheet) => sheet.name === 'Tình hình báo cáo')).toMatchObject({ protected: true });
    const values = await sheetValues('Tình hình báo cáo', 9 + n + 1, 11);
    expect(values[0][0]).toBe('Tình hình báo cáo — Báo cáo kinh phí năm — kỳ 2025');
    const t = server.total;
    expect(values[5].map(canonical)).toEqual(['Tổng cộng', ...[t.expected, t.notStarted, t.draft, t.submitted, t.approved, t.late, t.received, t.onTime].map(String), t.completenessPercent, t.timelinessPercent]);
    expect([t.draft, t.submitted, t.approved, t.onTime]).toEqual([1, 1, 1, 2]);
    expect(values[8].slice(0, 5)).toEqual(['Đơn vị', 'Mã', 'Trực thuộc', 'Trạng thái', 'Số ngày trễ']);
    const unitRows = values.slice(9, 9 + n);
    expect(unitRows.map((row) => row[1])).toEqual(server.units.map((unit: any) => unit.unitKey));
    const [A, B, C] = reported;
    const rowOf = (key: string) => unitRows.find((row) => row[1] === key)!;
    expect(rowOf(A.key).slice(3, 5)).toEqual(['Đã duyệt', '']);
    expect(rowOf(B.key).slice(3, 5)).toEqual(['Đã gửi', '']);
    expect(rowOf(C.key)[3]).toBe('Đang nhập');
    expect(rowOf(C.key)[4]).toBe(server.units.find((unit: any) => unit.unitKey === C.key).daysLate);
  }, 120000);

  it('pulls the consolidation of approved and submitted reports read-only, the units side by side', async () => {
    await page.selectOption('#rounds-include', '1');
    await page.click('#rounds-consolidate');
    await page.waitForFunction(() => document.getElementById('rounds-message')!.className.includes('pb-success'), undefined, { timeout: 60000 });
    const server = (await ok(approver, `query ($round: ID!, $unit: ID) { consolidatedTable(roundId: $round, unitId: $unit, include: [APPROVED, SUBMITTED]) {
      columns { key } rows { key values } missingUnits { unitKey } } }`, { round: roundId, unit: cantho })).consolidatedTable;
    const missing = server.missingUnits.length;
    expect(await page.locator('#rounds-message').textContent()).toBe(`Đã lấy bảng tổng hợp của 2 đơn vị vào "Tổng hợp" và "Tổng hợp theo đơn vị" (chỉ đọc); ${missing} đơn vị chưa tính (không tính là 0).`);
    const sheets = await pane.fake<{ name: string; protected: boolean }[]>('sheets');
    expect(sheets.filter((sheet) => sheet.name.startsWith('Tổng hợp'))).toEqual([
      expect.objectContaining({ name: 'Tổng hợp', protected: true }),
      expect.objectContaining({ name: 'Tổng hợp theo đơn vị', protected: true }),
    ]);
    const width = server.columns.length;
    const r = server.rows.findIndex((row: any) => row.key === rowKey);
    const t = server.columns.findIndex((column: any) => column.key === total);
    const c = server.columns.findIndex((column: any) => column.key === city);

    // The consolidated table, cell by cell as the server has it: 0.1 + 0.2 is exactly 0.3; empty stays empty.
    const table = await sheetValues('Tổng hợp', server.rows.length + missing + 12, 2 + width);
    expect(table[1][0]).toContain('Tính các báo cáo: Đã duyệt, Đã gửi');
    const body = table.slice(5, 5 + server.rows.length).map((row) => row.slice(2).map(canonical));
    expect(body).toEqual(server.rows.map((row: any) => row.values));
    expect(body[r][t]).toBe('0.3');
    expect(body[r].filter((value) => value === null).length).toBe(width - 2);
    const lists = table.slice(5 + server.rows.length + 1);
    expect(lists[0][0]).toBe('Đơn vị đã tính (2) — trạng thái — tỷ lệ tính vào');
    expect(lists.slice(1, 3).map((row) => row.slice(0, 2))).toEqual([[reported[0].name, 'Đã duyệt'], [reported[1].name, 'Đã gửi']]);
    expect(lists[4][0]).toBe(`Đơn vị chưa tính (${missing}) — không tính là 0`);
    expect(lists.slice(5).map((row) => row[0])).toContain(reported[2].name);

    // Side by side: one group of the form's columns per unit, each unit's own figures.
    const side = await sheetValues('Tổng hợp theo đơn vị', 6 + server.rows.length, 2 + 2 * width);
    expect([side[4][2], side[4][2 + width]]).toEqual([`${reported[0].name} (Đã duyệt)`, `${reported[1].name} (Đã gửi)`]);
    const at = (u: number, column: number) => canonical(side[6 + r][2 + u * width + column]);
    expect([at(0, t), at(0, c), at(1, t), at(1, c)]).toEqual(['0.1', '0.1', '0.2', '0.2']);
    expect(side.slice(6).flatMap((row) => row.slice(2)).filter((value) => value !== '').map(canonical).sort()).toEqual(['0.1', '0.1', '0.2', '0.2']);

    // Read-only: a person cannot type into it (every cell locked, the sheet protected).
    await expect(pane.fake('type', 'C6', '5')).rejects.toThrow();
    expect(pane.offSite).toEqual([]);
  }, 120000);
});
