import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import XLSX from 'xlsx';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { columnOf, readBook, rowOf, workbookClient, writeBook, XLSX_TYPE, type WorkbookClient, sampleTable } from './support';

let db: TestDatabase;
let app: TestApp;
let client: WorkbookClient;
let seeded: string;
let counter = 0;

async function newTable(): Promise<string> {
  counter += 1;
  return sampleTable(db, `Workbook sample ${counter}`);
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
    const { sheet } = await tableSheet(await client.download(await newTable()));
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
    const tableId = await newTable();
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

  it('racing uploads from one download: the same file applies once, different values in one cell give one write and conflicts', async () => {
    const tableId = await newTable();
    const downloaded = await client.download(tableId);
    const withTotal = async (value: number) => {
      const { book, sheet } = await tableSheet(downloaded);
      sheet.getCell(rowOf(sheet, '1'), columnOf(sheet, 'total')).value = value;
      return writeBook(book);
    };
    const same = await withTotal(300);
    const twice = await Promise.all([client.upload(tableId, same), client.upload(tableId, same), client.upload(tableId, same)]);
    expect(twice.map((answer) => answer.json.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    expect(twice.filter((answer) => !answer.json.replayed).map((answer) => answer.json.version)).toEqual([2]);
    const files = await Promise.all([301, 302, 303, 304].map(withTotal));
    const racing = await Promise.all(files.map((file) => client.upload(tableId, file)));
    // All four were downloaded at version 1, after which the cell became 300: every one conflicts with that write.
    expect(racing.map((answer) => answer.json.status)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await cellValue(tableId, '1', 'total')).toBe('300');
    const fresh = await client.download(tableId);
    const fromFresh = await Promise.all([401, 402, 403].map(async (value) => {
      const { book, sheet } = await tableSheet(fresh);
      sheet.getCell(rowOf(sheet, '1'), columnOf(sheet, 'total')).value = value;
      return client.upload(tableId, await writeBook(book));
    }));
    const applied = fromFresh.filter((answer) => answer.json.status === 'APPLIED');
    expect(applied).toHaveLength(1);
    expect(fromFresh.filter((answer) => answer.json.status === 'CONFLICT')).toHaveLength(2);
    expect(applied[0].json.version).toBe(3);
    expect(await cellValue(tableId, '1', 'total')).toBe(String(401 + fromFresh.indexOf(applied[0])));
  });

  it('an unchanged re-save changes nothing', async () => {
    const file = await client.download(seeded);
    const answer = await client.upload(seeded, await writeBook(await readBook(file)));
    expect(answer.json).toMatchObject({ status: 'UNCHANGED', changedCells: 0, appliedCells: 0 });
  });
});

describe('bad input: a clear answer naming the cells, and nothing written', () => {
  async function versionOf(tableId: string): Promise<number> {
    return (await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version } }`, { id: tableId })).data!.tableGrid.version;
  }

  it('refuses files that are not a table workbook: .xls, .csv, .ods, a zip of something else, a zip bomb, an empty body, a body over the limit', async () => {
    const tableId = await newTable();
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await client.upload(tableId, xls)).json).toMatchObject({ code: 'XLS_FORMAT', messageEn: expect.stringContaining('save it as "Excel Workbook (.xlsx)"') });
    expect((await client.upload(tableId, Buffer.from('STT,Nội dung,Tổng số\n1,A,5\n'))).json).toMatchObject({ code: 'CSV_FORMAT' });
    const odsBook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(odsBook, XLSX.utils.aoa_to_sheet([[1]]), 'Sheet1');
    const ods = XLSX.write(odsBook, { type: 'buffer', bookType: 'ods' });
    expect((await client.upload(tableId, ods)).json).toMatchObject({ code: 'ODS_FORMAT' });
    const other = new JSZip();
    other.file('readme.txt', 'not a workbook');
    expect((await client.upload(tableId, await other.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).json).toMatchObject({ code: 'NOT_A_WORKBOOK' });
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<Types/>');
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(70 * 1024 * 1024, 0x20));
    const bombFile = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bombFile.length).toBeLessThan(1024 * 1024);
    const bombAnswer = await client.upload(tableId, bombFile);
    expect(bombAnswer.status).toBe(413);
    expect(bombAnswer.json).toMatchObject({ code: 'WORKBOOK_TOO_LARGE' });
    expect((await client.upload(tableId, Buffer.alloc(0))).json).toMatchObject({ code: 'EMPTY_FILE' });
    const small = await startTestApp(db.orm, { settings: { maxBodyBytes: 1000 } });
    const smallClient = await workbookClient(small, db);
    const tooBig = await smallClient.upload(tableId, await client.download(tableId));
    await small.close();
    expect(tooBig.status).toBe(413);
    expect(tooBig.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', messageVi: expect.stringContaining('1000 byte') });
    expect(await versionOf(tableId)).toBe(1);
  });

  it('refuses a workbook with a million rows while reading it, under the size limit', async () => {
    const tableId = await newTable();
    const zip = await JSZip.loadAsync(await client.download(tableId));
    // The table sheet is the download's first.
    const sheetPath = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(sheetPath)!.async('string');
    const rows: string[] = [];
    for (let row = 20; row < 1_000_020; row++) rows.push(`<row r="${row}"><c r="D${row}"><v>1</v></c></row>`);
    zip.file(sheetPath, xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
    const file = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    const answer = await client.upload(tableId, file);
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', messageEn: expect.stringContaining('more than 100,006 rows') });
    expect(await versionOf(tableId)).toBe(1);
  });

  it('refuses a date typed into a number cell as not a figure, naming the cell', async () => {
    const tableId = await newTable();
    const { book, sheet } = await tableSheet(await client.download(tableId));
    const cell = sheet.getCell(rowOf(sheet, '2'), columnOf(sheet, 'central-budget'));
    cell.value = new Date(Date.UTC(2026, 0, 1));
    cell.numFmt = 'dd/mm/yyyy';
    const answer = await client.upload(tableId, await writeBook(book));
    expect(answer.json).toMatchObject({ status: 'REJECTED', findings: [expect.objectContaining({ address: expect.stringMatching(/!E10$/), messageEn: expect.stringContaining('2026-01-01') })] });
    expect(await versionOf(tableId)).toBe(1);
  });

  it('refuses another table\'s workbook, removed or damaged keys, merged cells over keys and changed read-only cells', async () => {
    const tableId = await newTable();
    const otherId = await newTable();
    const file = await client.download(tableId);
    expect((await client.upload(otherId, file)).json).toMatchObject({ code: 'WRONG_TABLE', messageEn: expect.stringContaining(`belongs to table ${tableId}`) });
    const noKeys = await readBook(file);
    noKeys.removeWorksheet(noKeys.getWorksheet('PlanBridge')!.id);
    expect((await client.upload(tableId, await writeBook(noKeys))).json).toMatchObject({ code: 'KEYS_MISSING' });
    const badHash = await readBook(file);
    badHash.getWorksheet('PlanBridge')!.getCell('B4').value = 'sha256:0000';
    expect((await client.upload(tableId, await writeBook(badHash))).json).toMatchObject({ code: 'KEYS_DAMAGED' });
    const badRowKey = await tableSheet(file);
    badRowKey.sheet.getCell(rowOf(badRowKey.sheet, '2'), 1).value = 'X9';
    expect((await client.upload(tableId, await writeBook(badRowKey.book))).json).toMatchObject({ code: 'KEYS_DAMAGED', cells: [expect.stringMatching(/!A10$/)] });
    const merged = await tableSheet(file);
    merged.sheet.mergeCells('A9:B9');
    expect((await client.upload(tableId, await writeBook(merged.book))).json).toMatchObject({ code: 'MERGED_CELLS' });
    const readOnly = await tableSheet(file);
    readOnly.sheet.getCell(rowOf(readOnly.sheet, '1'), 3).value = 'Renamed';
    readOnly.sheet.getCell(rowOf(readOnly.sheet, 'TOTAL'), 4).value = 1;
    // The label column is not a table cell; the computed total is skipped (a formula); nothing to push.
    expect((await client.upload(tableId, await writeBook(readOnly.book))).json).toMatchObject({ status: 'UNCHANGED' });
    expect(await versionOf(tableId)).toBe(1);
  });

  it('uses the value of a formula typed into a cell and notes the formula; marks findings on the workbook sent back', async () => {
    const tableId = await newTable();
    const { book, sheet } = await tableSheet(await client.download(tableId));
    sheet.getCell(rowOf(sheet, '2'), columnOf(sheet, 'central-budget')).value = { formula: 'D9/10', result: 10 };
    const answer = await client.upload(tableId, await writeBook(book), { query: '?dryRun=true' });
    expect(answer.json).toMatchObject({ status: 'APPLIED', appliedCells: 1, notes: [{ code: 'FORMULA_VALUE_USED', address: expect.stringMatching(/!E10$/) }] });
    sheet.getCell(rowOf(sheet, '1'), columnOf(sheet, 'central-budget')).value = 'abc';
    const marked = await client.upload(tableId, await writeBook(book), { accept: XLSX_TYPE });
    expect(marked.type).toContain(XLSX_TYPE);
    const back = await tableSheet(marked.body);
    const cell = back.sheet.getCell(rowOf(back.sheet, '1'), columnOf(back.sheet, 'central-budget'));
    expect(String(cell.note)).toContain('PlanBridge — Lỗi');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE7E9');
    expect(await versionOf(tableId)).toBe(1);
  });

  it('lists conflicts with base, theirs and mine when someone else changed the same cell since the download', async () => {
    const tableId = await newTable();
    const { book, sheet } = await tableSheet(await client.download(tableId));
    const other = await app.query(`mutation ($input: PushTableInput!) { pushTable(input: $input) { status } }`, {
      input: { tableId, baseVersion: 1, idempotencyKey: `other-${tableId}`, changes: [{ rowKey: '1', columnKey: 'total', value: '111' }] },
    });
    expect(other.data!.pushTable.status).toBe('APPLIED');
    sheet.getCell(rowOf(sheet, '1'), columnOf(sheet, 'total')).value = 222;
    const answer = await client.upload(tableId, await writeBook(book));
    expect(answer.json).toMatchObject({ status: 'CONFLICT', conflicts: [{ rowKey: '1', columnKey: 'total', base: '100', theirs: '111', mine: '222', address: expect.stringMatching(/!D9$/) }] });
  });

  it('refuses an upload without a token or by someone who may only read', async () => {
    const tableId = await newTable();
    const file = await client.download(tableId);
    expect((await client.upload(tableId, file, { token: null })).status).toBe(401);
    const viewer = await workbookClient(app, db, 'cantho.viewer');
    const answer = await viewer.upload(seeded, await client.download(seeded));
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'FORBIDDEN', messageVi: expect.stringContaining('không có quyền') });
  });
});
