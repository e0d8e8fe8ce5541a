/** POST /plans/:planId/tables with an .xlsx or .csv body, and the files that must be refused. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { workbookGrid } from '../../server/import/workbook-grid';
import { ImportRefused } from '../../server/import/import-table';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, tokenFor, type TestApp } from '../support/graphql';
import { SEED_APPENDIX_CSV, seedAppendixGrid } from './seed-appendix';

let db: TestDatabase;
let app: TestApp;
let planId: string;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  planId = (await app.query(`{ plans(documentNumber: "132/KH-UBND") { id } }`)).data!.plans[0].id;
  token = await tokenFor(db.orm, 'cantho.editor');
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

/** The seeded appendix as a workbook made from its CSV: figures as numbers with a thousands format, totals as formulas. */
async function seedWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục 2');
  seedAppendixGrid().forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      if (r >= 2 && c >= 2 && text !== '') {
        const value = Number(text.replace(/\./g, ''));
        // The grand total as Excel would keep it: a formula with its cached value.
        cell.value = text === '5.600.826' ? { formula: 'C3+C15', result: value } : value;
        cell.numFmt = '#,##0';
      } else if (r === 1) {
        cell.value = Number(text);
      } else {
        cell.value = text;
      }
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function post(query: string, body: Buffer | string, type: string, auth = true) {
  const url = app.url.replace(/\/graphql$/, `/plans/${planId}/tables?${query}`);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': type, ...(auth ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: response.status, json: (await response.json()) as any };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const problems = (json: any) => json.errors[0].extensions.problems.map((p: any) => [p.code, p.cell ?? p.line ?? null]);

describe('the seeded appendix from a workbook made from its CSV', () => {
  it('gives the same structure and rules as the seed, and the "Dự án 2" warning', async () => {
    const { status, json } = await post(`title=${encodeURIComponent('PL2 từ xlsx')}&dryRun=true&unitOfMeasure=${encodeURIComponent('triệu đồng')}`, await seedWorkbook(), XLSX);
    expect(status).toBe(200);
    expect(json.dryRun).toBe(true);
    const seededId = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
    const seeded = (await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { columns { key label } rows { key label kind level parentKey } rules } }`, { id: seededId })).data!.tableGrid;
    expect(json.structure.columns.filter((c: any) => c.key).map((c: any) => ({ key: c.key, label: c.header }))).toEqual(seeded.columns);
    expect(json.structure.rows.map((r: any) => [r.key, r.label, r.kind, r.level, r.parentKey])).toEqual(seeded.rows.map((r: any) => [r.key, r.label, r.kind, r.level, r.parentKey]));
    const kept = json.rules.filter((r: any) => r.kept).map((r: any) => [r.rule.kind, r.rule.totalColumn ?? null, r.rule.partColumns ?? null]);
    expect(kept).toEqual(seeded.rules.map((rule: any) => [rule.kind, rule.totalColumn ?? null, rule.partColumns ?? null]));
    expect(json.warnings.filter((w: any) => w.code === 'PARTIAL_PARENT').map((w: any) => w.messageEn)).toEqual([expect.stringContaining('2,000 appears only in its children')]);
    expect(json.findings).toEqual([]);
  });

  it('creates the table from the workbook (201), then it pulls like any table', async () => {
    const { status, json } = await post(`title=${encodeURIComponent('PL2 tạo từ xlsx')}&unitOfMeasure=${encodeURIComponent('triệu đồng')}`, await seedWorkbook(), XLSX);
    expect(status).toBe(201);
    const pulled = await (await app.as('cantho.editor'))(`query ($id: ID!) { tableGrid(tableId: $id) { rows { key values } } }`, { id: json.tableId });
    expect(pulled.data!.tableGrid.rows.find((r: any) => r.key === 'TOTAL').values).toEqual(['5600826', '101534', '102813', '5334799', '61680']);
  });

  it('reads a CSV body the same way', async () => {
    const csv = readFileSync(SEED_APPENDIX_CSV, 'utf8').split('\n').filter((line) => !line.startsWith('#')).join('\n');
    const { status, json } = await post('title=PL2-csv&dryRun=true', csv, 'text/csv');
    expect(status).toBe(200);
    expect(json.structure).toMatchObject({ headerRows: 2, dataRows: 29 });
  });
});

describe('choices in the query', () => {
  it('notation: inferred from a table written with decimal points, or given; columnEmptyMeans: column by column; bad values refused', async () => {
    const csv = readFileSync(`${__dirname}/../corpus/bac-giang-2010-2018-poverty-indicators.csv`, 'utf8');
    const inferred = await post('title=BG&dryRun=true', csv, 'text/csv');
    expect([inferred.status, inferred.json.structure.notation]).toEqual([200, 'DECIMAL_POINT']);
    const told = await post('title=BG&dryRun=true&notation=VIETNAMESE', csv, 'text/csv');
    expect([told.status, problems(told.json)[0]]).toEqual([422, ['BAD_GROUPING', 'C3']]);
    const grid = 'STT,Nội dung,Tổng số,Vốn vay\nI,Phần I,,90\n1,Dự án 1,100,40\n2,Dự án 2,100,\n,Tổng cộng,200,90\n';
    const chosen = await post('title=Cot&dryRun=true&columnEmptyMeans=von-vay:NONE', grid, 'text/csv');
    expect(chosen.json.columnEmptyMeans).toEqual([{ columnKey: 'total', means: 'ROLLUP' }, { columnKey: 'von-vay', means: 'NONE' }]);
    const bad = await post('title=Cot&dryRun=true&notation=ENGLISH&columnEmptyMeans=von-vay', grid, 'text/csv');
    expect([bad.status, problems(bad.json)]).toEqual([422, [['BAD_NOTATION', null], ['BAD_COLUMN_EMPTY_MEANS', null]]]);
  });

  it('columnTypes and totalRow: a column\'s type and the total row as the person chose them; bad values refused', async () => {
    const grid = 'STT,Nội dung,Tổng số,Vốn vay\n,Cả tỉnh,200,90\n1,Dự án 1,100,40\n2,Dự án 2,100,50\n';
    const found = await post('title=Chon&dryRun=true', grid, 'text/csv');
    expect(found.json.structure.rows.map((r: any) => r.kind)).not.toContain('GRAND_TOTAL');
    const chosen = await post('title=Chon&dryRun=true&columnTypes=von-vay:COUNT&totalRow=0', grid, 'text/csv');
    expect(chosen.status).toBe(200);
    expect(chosen.json.structure.rows.map((r: any) => r.kind)).toEqual(['GRAND_TOTAL', 'ITEM', 'ITEM']);
    expect(chosen.json.structure.columns.filter((c: any) => c.key).map((c: any) => [c.key, c.type])).toEqual([['total', found.json.structure.columns[2].type], ['von-vay', 'count']]);
    const bad = await post('title=Chon&dryRun=true&columnTypes=von-vay:PERCENT&totalRow=first', grid, 'text/csv');
    expect([bad.status, problems(bad.json)]).toEqual([422, [['BAD_COLUMN_TYPES', null], ['BAD_TOTAL_ROW', null]]]);
    const unknown = await post('title=Chon&dryRun=true&totalRow=7', grid, 'text/csv');
    expect([unknown.status, problems(unknown.json)]).toEqual([422, [['UNKNOWN_ROW', null]]]);
  });
});

describe('workbook cells', () => {
  it('percentages stored as 0.0752 with a % format, merged header cells, text, formulas by their cached value', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['STT', 'Huyện', 'Hộ nghèo', null]);
    sheet.addRow([null, null, 'Số hộ', 'Tỷ lệ']);
    sheet.mergeCells('C1:D1');
    sheet.mergeCells('A1:A2');
    sheet.addRow(['1', 'Huyện A', 1234, 0.0752]);
    sheet.addRow(['2', 'Huyện B', { formula: 'C3*2', result: 2468 }, 0.1]);
    sheet.getCell('C3').numFmt = '#,##0';
    sheet.getCell('D3').numFmt = '0.00%';
    sheet.getCell('D4').numFmt = '0.00%';
    const { grid } = await workbookGrid(Buffer.from(await workbook.xlsx.writeBuffer()), {});
    expect(grid).toEqual([
      ['STT', 'Huyện', 'Hộ nghèo', ''],
      ['', '', 'Số hộ', 'Tỷ lệ'],
      ['1', 'Huyện A', '1.234', '7,52'],
      ['2', 'Huyện B', '2.468', '10'],
    ]);
  });

  it('refuses #REF! formulas naming the cell, a missing sheet naming the sheets, a bad range', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['STT', 'Nội dung', 'Tổng số']);
    sheet.addRow(['1', 'A', { formula: 'Z99/0', result: { error: '#REF!' } }]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const refusal = async (options: { sheet?: string; range?: string }) => {
      try {
        await workbookGrid(body, options);
      } catch (error) {
        return (error as ImportRefused).problems.map((p) => [p.code, p.cell, p.messageEn]);
      }
      throw new Error('not refused');
    };
    expect(await refusal({})).toEqual([['FORMULA_ERROR', 'C2', 'Cell C2: the cell holds the error #REF!; fix the formula or enter the value']]);
    expect(await refusal({ sheet: 'Phụ lục 9' })).toEqual([['SHEET_NOT_FOUND', null, 'There is no sheet "Phụ lục 9"; the sheets are: Data']]);
    expect((await refusal({ range: 'A1-C2' }))[0][0]).toBe('BAD_RANGE');
    expect(await workbookGrid(body, { range: 'A1:B2' })).toEqual({ grid: [['STT', 'Nội dung'], ['1', 'A']], origin: { row: 0, column: 0 } });
  });
});

describe('files refused over HTTP, nothing written', () => {
  async function count(): Promise<number> {
    const [row] = await db.orm.em.fork().getConnection().execute(`select count(*) as n from plan_table`);
    return Number(row.n);
  }

  it('not a workbook, a password-protected workbook, 100,000 rows, a 1 MB cell, a ragged CSV, no title, no sign-in', async () => {
    const before = await count();
    const notWorkbook = await post('title=X', Buffer.from('hello, this is not a workbook'), XLSX);
    expect([notWorkbook.status, problems(notWorkbook.json)]).toEqual([422, [['NOT_A_WORKBOOK', null]]]);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const protectedBook = await post('title=X', ole, XLSX);
    expect(problems(protectedBook.json)).toEqual([['PROTECTED_WORKBOOK', null]]);
    expect(protectedBook.json.errors[0].extensions.messageVi).toContain('mật khẩu');
    const huge = ['STT,Nội dung,Tổng số', ...Array.from({ length: 100_000 }, (_, i) => `${i + 1},Mục ${i + 1},${i}`)].join('\n');
    expect(problems((await post('title=X', huge, 'text/csv')).json)).toEqual([['TOO_MANY_ROWS', 50001]]);
    const bigCell = `STT,Nội dung,Tổng số\n1,${'x'.repeat(1024 * 1024)},5\n`;
    expect(problems((await post('title=X', bigCell, 'text/csv')).json)).toEqual([['CELL_TOO_LONG', 'B2']]);
    const ragged = await post('title=Ragged&dryRun=true', 'STT,Nội dung,Tổng số\n1,A\n2,B,5\n', 'text/csv');
    expect(ragged.status).toBe(200);
    expect(ragged.json.warnings.map((w: any) => [w.code, w.line])).toEqual([['RAGGED_ROWS', 2]]);
    expect(problems((await post('', 'STT,Nội dung,Tổng số\n1,A,5\n', 'text/csv')).json)).toEqual([['MISSING_TITLE', null]]);
    expect((await post('title=X', 'STT,Nội dung,Tổng số\n1,A,5\n', 'text/csv', false)).status).toBe(401);
    expect(await count()).toBe(before);
  });
});
