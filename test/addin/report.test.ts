/**
 * The indicator report through the add-in's code over the in-memory workbook, against the REAL server on a
 * cloned seeded database: Cần Thơ's poor-household rate (0,80 % at the start, 0,21 % at the end of 2023,
 * below 0,15 % targeted for 2025), refresh in place, and table sync keeping off the report sheet.
 */
import { boxA1 } from '../../domain/sheet/a1';
import { STATUS_FILL } from '../../domain/indicators/indicator-report';
import type { ReportQuery } from '../../domain/indicators/report-query';
import { REPORT_NS, ReportSheetError } from '../../addin/src/report/report-store';
import { t } from '../../addin/src/pane/i18n';
import { AdministrativeUnit, Comparator, Indicator, IndicatorValue, Period, ValueKind } from '../../server/entities';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, tokenFor, type TestApp } from '../support/graphql';
import { harness, serverOf } from './support/harness';

let db: TestDatabase;
let app: TestApp;
let server: string;
let admin: string;
let editor: string;
let canTho: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  server = serverOf(app.url);
  admin = await tokenFor(db.orm, 'admin');
  editor = await tokenFor(db.orm, 'cantho.editor');
  const { units } = (await app.query(`{ units { id key } }`)).data!;
  canTho = units.find((unit: { key: string }) => unit.key === '92@2004').id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

const RATE_QUERY = (): ReportQuery => ({ unitId: canTho, indicatorKeys: ['POOR_HOUSEHOLD_RATE', 'POOR_HOUSEHOLDS'], asOf: '2024-06-30', from: null, to: null, breakdown: 'NONE' });

describe('indicator report', () => {
  it("pulls Cần Thơ's report into a new read-only sheet: figures, status colour, chart, the query remembered", async () => {
    const h = harness(server, editor);
    const outcome = await h.reports.pull(RATE_QUERY());
    const sheet = h.book.sheet(outcome.sheet.id);
    const get = (address: string) => h.book.get(sheet.id, address);
    expect(sheet.name).toBe('Báo cáo chỉ tiêu');
    expect(get('A1')).toBe('Báo cáo chỉ tiêu — Thành phố Cần Thơ');
    expect(get('A2')).toBe('Đơn vị hành chính ngày 30/06/2024 · Phạm vi: chỉ đơn vị đã chọn');
    expect(outcome.rows).toBe(2);
    // Baseline 0,80 % (2021), target below 0,15 % (2021-2025), actual 0,21 % (2023): on track, 90,77 % achieved.
    expect(['A6', 'B6', 'C6', 'D6', 'E6', 'F6', 'G6', 'H6', 'I6', 'J6', 'K6', 'L6', 'N6'].map(get)).toEqual(
      ['Thành phố Cần Thơ', 'Tỷ lệ hộ nghèo (so với hộ dân)', '%', '2021', 0.8, '2021-2025', '<', 0.15, '2023', 0.21, 0.06, 90.77, 'Đúng tiến độ'],
    );
    expect(h.book.cellAt(sheet.id, 'E6')!.numberFormat).toBe('#,##0.0');
    expect(h.book.cellAt(sheet.id, 'J6')!.numberFormat).toBe('#,##0.00');
    expect(h.book.shownFill(sheet.id, 'N6')).toBe(STATUS_FILL.ON_TRACK);
    // Poor households: 2,901 at the start and nothing else in the seed: target, actual, gap and shares stay empty, never 0.
    expect(['B7', 'D7', 'E7', 'F7', 'G7', 'H7', 'I7', 'J7', 'K7', 'L7', 'M7', 'N7'].map(get)).toEqual(['Số hộ nghèo', '2021', 2901, '', '', '', '', '', '', '', '', 'Chưa đánh giá']);
    expect(h.book.shownFill(sheet.id, 'N7')).toBe(STATUS_FILL.NOT_ASSESSED);
    // One conditional fill per status on the status column; one native chart per indicator over its block.
    expect(sheet.conditionalFills.map((rule) => [boxA1(rule.box), rule.color])).toEqual(Object.values(STATUS_FILL).map((color) => ['N6:N7', color]));
    expect(sheet.charts).toEqual(outcome.layout.charts.map((chart) => ({ type: 'ColumnClustered', source: chart.source, title: chart.title, position: chart.position })));
    expect(sheet.charts[0]).toMatchObject({ source: 'A10:C11', title: 'Tỷ lệ hộ nghèo (so với hộ dân) (%): mục tiêu và thực hiện' });
    expect(['A10', 'B10', 'C10', 'A11', 'B11', 'C11'].map(get)).toEqual(['Đơn vị', 'Mục tiêu', 'Thực hiện', 'Thành phố Cần Thơ', 0.15, 0.21]);
    // Read-only: protected, every cell locked.
    expect(sheet.protected).toBe(true);
    expect(() => h.book.type(sheet.id, 'J6', '0,1')).toThrow(/protected/);
    // The query is kept in the workbook, in the report namespace.
    const parts = h.book.partsOf(REPORT_NS);
    expect(parts).toHaveLength(1);
    expect((await h.reports.store.forSheet(sheet.id))!.query).toEqual(RATE_QUERY());
  });

  it('refreshes in place with the same query: new figures, the sheet rewritten, one set of formats and charts', async () => {
    const h = harness(server, editor);
    const { sheet } = await h.reports.pull({ ...RATE_QUERY(), indicatorKeys: ['POOR_HOUSEHOLD_RATE'], asOf: '2025-06-30' });
    const get = (address: string) => h.book.get(sheet.id, address);
    expect([get('I6'), get('J6')]).toEqual(['2023', 0.21]);
    // Someone defaces a cell (forcing past protection); the server records a 2024 actual.
    h.book.type(sheet.id, 'A6', 'sửa tay', { force: true });
    await recordActual('92@2004', 'POOR_HOUSEHOLD_RATE', '2024', '0.14');

    const refreshed = await h.reports.refresh(sheet.id);
    expect(refreshed.sheet.id).toBe(sheet.id);
    expect(h.book.sheets).toHaveLength(2);
    expect([get('A6'), get('I6'), get('J6'), get('N6')]).toEqual(['Thành phố Cần Thơ', '2024', 0.14, 'Đã đạt']);
    expect(h.book.shownFill(sheet.id, 'N6')).toBe(STATUS_FILL.ACHIEVED);
    const memory = h.book.sheet(sheet.id);
    expect(memory.conditionalFills).toHaveLength(5);
    expect(memory.charts).toHaveLength(1);
    expect(memory.protected).toBe(true);
    expect(h.book.partsOf(REPORT_NS)).toHaveLength(1);
    // After the file is closed and reopened, the report is still known.
    const reopened = harness(server, editor, { book: h.book.reopen() });
    expect((await reopened.reports.refresh(sheet.id)).rows).toBe(1);
  });

  it('pulls the whole country for a national reader, and refuses it to a provincial one with the server\'s message', async () => {
    const query: ReportQuery = { unitId: null, indicatorKeys: ['HOUSES_SUPPORTED'], asOf: '2023-12-31', from: null, to: null, breakdown: 'NONE' };
    const national = harness(server, admin, { lang: 'en' });
    const { sheet } = await national.reports.pull(query);
    expect(national.book.get(sheet.id, 'A1')).toBe('Indicator report — Whole country');
    expect(national.book.get(sheet.id, 'A6')).toBe('Whole country');
    const provincial = harness(server, editor);
    await expect(provincial.reports.pull(query)).rejects.toMatchObject({ messageVi: expect.stringContaining('toàn quốc') });
    expect(provincial.book.sheets).toHaveLength(1); // no empty sheet left behind
  });

  it('table sync refuses to validate, push or pull a table into a report sheet, in Vietnamese and English', async () => {
    const h = harness(server, editor);
    const { sheet } = await h.reports.pull(RATE_QUERY());
    const before = h.book.get(sheet.id, 'J6');
    await expect(h.sync.push(sheet.id)).rejects.toBeInstanceOf(ReportSheetError);
    await expect(h.sync.validate(sheet.id)).rejects.toBeInstanceOf(ReportSheetError);
    await expect(h.sync.inspectTarget(sheet.id)).rejects.toBeInstanceOf(ReportSheetError);
    const seeded = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
    const refused = await h.sync.pull(seeded, { sheetId: sheet.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ReportSheetError);
    expect((refused as ReportSheetError).sheetName).toBe('Báo cáo chỉ tiêu');
    expect(t('vi', 'reportSheetRefused', { sheet: 'Báo cáo chỉ tiêu' })).toContain('là báo cáo chỉ tiêu (chỉ đọc)');
    expect((refused as Error).message).toContain('is an indicator report (read-only)');
    // The report is untouched.
    expect(h.book.get(sheet.id, 'J6')).toBe(before);
    expect(typeof before).toBe('number');
  });

  it('forgets the report of a deleted sheet', async () => {
    const h = harness(server, editor);
    const first = await h.reports.pull(RATE_QUERY());
    h.book.deleteSheet(first.sheet.id);
    await h.reports.pull(RATE_QUERY());
    const records = await h.reports.store.list();
    expect(records.map((record) => record.sheetId)).toEqual([h.book.sheets[1].id]);
    await expect(h.reports.refresh(first.sheet.id)).rejects.toThrow(/no indicator report/);
  });
});

/** A figure recorded on the server, as an approved indicator table would. */
async function recordActual(unitKey: string, indicatorKey: string, periodKey: string, value: string): Promise<void> {
  const em = db.orm.em.fork();
  const [unit, indicator, period] = await Promise.all([
    em.findOneOrFail(AdministrativeUnit, { key: unitKey }),
    em.findOneOrFail(Indicator, { key: indicatorKey }),
    em.findOneOrFail(Period, { key: periodKey }),
  ]);
  em.create(IndicatorValue, { unit, indicator, period, kind: ValueKind.ACTUAL, value, comparator: Comparator.EQ });
  await em.flush();
}
