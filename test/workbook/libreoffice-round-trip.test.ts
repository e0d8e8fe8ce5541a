/**
 * LibreOffice Calc and SheetJS as other programs: download a workbook, let them open, recalculate, edit
 * and re-save it, upload what they wrote.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { editFodsCell, fodsCell, cellNumber } from './fods';
import { LibreOffice } from './libreoffice';
import { readBook, workbookClient, type WorkbookClient, sampleTable } from './support';

let db: TestDatabase;
let app: TestApp;
let client: WorkbookClient;
let office: LibreOffice;
let counter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  client = await workbookClient(app, db);
  office = new LibreOffice();
});
afterAll(async () => {
  office.remove();
  await app.close();
  await db.drop();
});

/** Columns on the sheet: A key, B STT, C label, D total, E central budget. */
const TOTAL_COLUMN = 3;
const CENTRAL_COLUMN = 4;

async function newTable(): Promise<string> {
  counter += 1;
  return sampleTable(db, `Round trip ${counter}`, ['1,Dự án A,100,60', '2,Dự án B,"50,5",', ',TỔNG CỘNG,"150,5",60']);
}

async function grid(tableId: string): Promise<{ version: number; value(rowKey: string, column: string): string | null }> {
  const response = await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version columns { key } rows { key values } } }`, { id: tableId });
  const table = response.data!.tableGrid;
  return {
    version: table.version,
    value: (rowKey, columnKey) => table.rows.find((row: any) => row.key === rowKey).values[table.columns.findIndex((column: any) => column.key === columnKey)],
  };
}

function save(name: string, body: Buffer): string {
  const file = path.join(office.dir, name);
  writeFileSync(file, body);
  return file;
}

describe('LibreOffice Calc', () => {
  it('recalculates the totals to the server\'s, keeps the keys on re-save, and its edits arrive; a bad value is refused by cell', async () => {
    const tableId = await newTable();
    const downloaded = save(`table-${tableId}.xlsx`, await client.download(tableId));
    const [flat] = await office.convert([downloaded], 'fods');
    const document = readFileSync(flat, 'utf8');
    // LibreOffice computed the grand total's formula itself (recalculation on load is forced in its profile).
    expect(cellNumber(fodsCell(document, 'TOTAL', TOTAL_COLUMN))).toBe('150.5');
    expect(cellNumber(fodsCell(document, 'TOTAL', CENTRAL_COLUMN))).toBe('60');

    // Edits as a person would make them: a Vietnamese-notation number typed as text, and a number; then bad values.
    const edited = editFodsCell(editFodsCell(document, '2', CENTRAL_COLUMN, { text: '1.234,5' }), '1', TOTAL_COLUMN, { number: '101' });
    const unreadable = editFodsCell(document, '2', CENTRAL_COLUMN, { text: 'năm mươi' });
    const negative = editFodsCell(document, '1', CENTRAL_COLUMN, { number: '-5' });
    // One LibreOffice run saves them all back as .xlsx.
    const [resaved, editedBack, unreadableBack, negativeBack] = await office.convert(
      [save('resaved.fods', Buffer.from(document)), save('edited.fods', Buffer.from(edited)), save('unreadable.fods', Buffer.from(unreadable)), save('negative.fods', Buffer.from(negative))],
      'xlsx:Calc MS Excel 2007 XML',
      path.join(office.dir, 'back'),
    );

    // An unchanged re-save by LibreOffice changes nothing. The keys sheet survives, hidden: LibreOffice has
    // no "very hidden" and saves it as plain hidden.
    expect((await readBook(readFileSync(resaved))).getWorksheet('PlanBridge')?.state).toBe('hidden');
    expect((await client.upload(tableId, readFileSync(resaved))).json).toMatchObject({ status: 'UNCHANGED', appliedCells: 0 });

    const applied = await client.upload(tableId, readFileSync(editedBack));
    expect(applied.json).toMatchObject({ status: 'APPLIED', appliedCells: 2, version: 2 });
    const after = await grid(tableId);
    expect(after.value('2', 'central-budget')).toBe('1234.5');
    expect(after.value('1', 'total')).toBe('101');

    // Bad values are refused naming their cell (text that is no number; a negative against the rule); nothing is written.
    const unreadableAnswer = await client.upload(tableId, readFileSync(unreadableBack));
    expect(unreadableAnswer.status).toBe(422);
    expect(unreadableAnswer.json).toMatchObject({ status: 'REJECTED', findings: [{ address: `'Round trip ${counter}'!E10`, severity: 'ERROR' }] });
    const negativeAnswer = await client.upload(tableId, readFileSync(negativeBack));
    expect(negativeAnswer.json.status).toBe('REJECTED');
    expect(negativeAnswer.json.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleKind: 'NON_NEGATIVE', address: `'Round trip ${counter}'!E9` })]));
    expect((await grid(tableId)).version).toBe(2);
  }, 600_000);
});

describe('SheetJS', () => {
  it('a workbook written by another library is read by its keys: the edit arrives, an unchanged one changes nothing', async () => {
    const tableId = await newTable();
    const downloaded = await client.download(tableId);
    const unchanged = XLSX.write(XLSX.read(downloaded, { type: 'buffer', cellFormula: true, cellStyles: true }), { type: 'buffer', bookType: 'xlsx' });
    expect((await client.upload(tableId, unchanged)).json).toMatchObject({ status: 'UNCHANGED' });
    const book = XLSX.read(downloaded, { type: 'buffer', cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0]];
    sheet['E10'] = { t: 'n', v: 12.25 };
    const answer = await client.upload(tableId, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    expect(answer.json).toMatchObject({ status: 'APPLIED', appliedCells: 1 });
    expect((await grid(tableId)).value('2', 'central-budget')).toBe('12.25');
  });
});

