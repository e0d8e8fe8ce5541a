import ExcelJS from 'exceljs';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { importTestTable } from '../support/tables';
import { columnOf, readBook, rowOf, workbookClient, writeBook, XLSX_TYPE, type WorkbookClient } from './support';

let db: TestDatabase;
let app: TestApp;
let client: WorkbookClient;
let seeded: string;
let counter = 0;

/** A small table of its own with a computed grand total and a non-negative rule. */
async function sampleTable(): Promise<string> {
  counter += 1;
  const id = await importTestTable(db, ['STT,Nội dung,Tổng số,Ngân sách Trung ương', '1,Dự án A,100,60', '2,Dự án B,50,', ',TỔNG CỘNG,150,60'].join('\n'), {
    title: `Workbook sample ${counter}`,
    rules: [{ id: 'non-negative', kind: 'NON_NEGATIVE', severity: 'ERROR' }],
  });
  await db.orm.em.fork().getConnection().execute(`update table_row set computed = true where table_id = ? and kind = 'GRAND_TOTAL'`, [id]);
  return String(id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  client = await workbookClient(app, db);
  const found = await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`);
  seeded = found.data!.findTable.id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

async function tableSheet(buffer: Buffer): Promise<{ book: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  const book = await readBook(buffer);
  return { book, sheet: book.worksheets.find((sheet) => sheet.name !== 'PlanBridge')! };
}

async function cellValue(tableId: string, rowKey: string, columnKey: string): Promise<string | null> {
  const response = await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version columns { key } rows { key values } } }`, { id: tableId });
  const grid = response.data!.tableGrid;
  const column = grid.columns.findIndex((candidate: any) => candidate.key === columnKey);
  return grid.rows.find((row: any) => row.key === rowKey).values[column];
}

describe('download', () => {
  it('lays the table out like the add-in: title, headers, keys, values, formulas, protection, validation and a hidden keys sheet', async () => {
    const { book, sheet } = await tableSheet(await client.download(seeded));
    expect(String(sheet.getCell('A1').value)).toBe('132/KH-UBND — Phụ lục 2');
    expect(sheet.getCell('A6').value).toBe('Mã dòng');
    expect(sheet.getCell('C6').value).toBe('Nội dung');
    expect(sheet.getCell('A8').value).toBe('#KEY');
    expect(sheet.getCell('D8').value).toBe('total');
    const total = sheet.getCell(rowOf(sheet, 'TOTAL'), columnOf(sheet, 'total'));
    expect(total.value).toBe(5600826);
    expect(total.numFmt).toBe('#,##0');
    const empty = sheet.getCell(rowOf(sheet, 'I.2'), columnOf(sheet, 'central-budget'));
    expect(empty.value).toBeNull();
    const editable = sheet.getCell(rowOf(sheet, 'III.2.1'), columnOf(sheet, 'central-budget'));
    expect(editable.protection?.locked).toBe(false);
    expect(sheet.getCell(rowOf(sheet, 'III.2.1'), 1).protection?.locked).not.toBe(false);
    expect((sheet as any).sheetProtection).toMatchObject({ sheet: true });
    expect((sheet as any).sheetProtection.hashValue).toBeUndefined();
    const labelCell = sheet.getCell(rowOf(sheet, 'III.2.1'), 3);
    expect(labelCell.alignment?.indent).toBe(2);
    expect(editable.dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    const keys = book.getWorksheet('PlanBridge')!;
    expect(keys.state).toBe('veryHidden');
    expect(keys.getCell('B2').value).toBe(seeded);
    expect(keys.getCell('B3').value).toBe('1');
    expect(String(keys.getCell('B4').value)).toMatch(/^sha256:/);
  });

  it('writes a computed total as a live formula whose cached result is the server\'s value, empty when its terms are', async () => {
    const { sheet } = await tableSheet(await client.download(await sampleTable()));
    const grand = sheet.getRow(sheet.rowCount);
    expect(grand.getCell(1).value).toBe('TOTAL');
    expect(grand.getCell(4).value).toEqual({ formula: 'IF(COUNT(D9:D10)=0,"",SUM(D9:D10))', result: 150 });
    expect(grand.getCell(4).protection?.locked).not.toBe(false);
  });

  it('refuses without a token, for an unknown table and a version that does not exist', async () => {
    expect((await fetch(`${client.base}/tables/${seeded}.xlsx`)).status).toBe(401);
    await expect(client.download('987654')).rejects.toThrow(/404.*No table/);
    await expect(client.download(seeded, '?version=99')).rejects.toThrow(/400.*has no version 99/);
  });
});

describe('upload', () => {
  it('pushes only the changed cell, found by key after rows were moved; the same file twice applies once; a dry run writes nothing', async () => {
    const tableId = await sampleTable();
    const { book, sheet } = await tableSheet(await client.download(tableId));
    sheet.getCell(rowOf(sheet, '2'), columnOf(sheet, 'central-budget')).value = 77;
    // Two rows inserted above the table: every cell moves down, the keys still match.
    sheet.spliceRows(1, 0, ['inserted'], ['rows']);
    const file = await writeBook(book);
    const dry = await client.upload(tableId, file, { query: '?dryRun=true' });
    expect(dry.json).toMatchObject({ status: 'APPLIED', dryRun: true, appliedCells: 1, changeSetId: null });
    expect(await cellValue(tableId, '2', 'central-budget')).toBeNull();
    const first = await client.upload(tableId, file);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'APPLIED', appliedCells: 1, baseVersion: 1, version: 2, replayed: false });
    expect(await cellValue(tableId, '2', 'central-budget')).toBe('77');
    const again = await client.upload(tableId, file);
    expect(again.json).toMatchObject({ status: 'APPLIED', version: 2, replayed: true });
    expect((await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version } }`, { id: tableId })).data!.tableGrid.version).toBe(2);
  });

  it('an unchanged re-save changes nothing', async () => {
    const file = await client.download(seeded);
    const answer = await client.upload(seeded, await writeBook(await readBook(file)));
    expect(answer.json).toMatchObject({ status: 'UNCHANGED', changedCells: 0, appliedCells: 0 });
  });
});
