/**
 * How LibreOffice Calc shows and prints a downloaded workbook: wrapped labels get the height they need, and the
 * table prints one page wide (values on the same page as their labels). With PLANBRIDGE_UPDATE_SCREENSHOTS=1 the
 * picture in docs/workbooks.md (docs/workbook-libreoffice.png) is made again from LibreOffice's PDF of the sheet
 * (needs pdftoppm); otherwise nothing tracked is written.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { LibreOffice } from './libreoffice';
import { importTestTable } from '../support/tables';
import { readBook, rowOf, workbookClient, writeBook } from './support';

let db: TestDatabase;
let app: TestApp;
let office: LibreOffice;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  office = new LibreOffice();
});
afterAll(async () => {
  office.remove();
  await app.close();
  await db.drop();
});

/** Pages of a PDF LibreOffice wrote (its page objects are not compressed). */
const pagesOf = (pdf: string) => (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

it('prints the table one page wide with wrapped labels at their height, as LibreOffice renders it', async () => {
  const client = await workbookClient(app, db, 'cantho.viewer');
  const tableId = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
  const body = await client.download(tableId);
  const book = await readBook(body);
  const sheet = book.worksheets[0];
  // A label longer than its column wraps onto a second line, and its row is written two lines high.
  const long = rowOf(sheet, 'III.2');
  expect(String(sheet.getCell(long, 3).value).length).toBeGreaterThan(60);
  expect(sheet.getRow(long).height).toBeGreaterThanOrEqual(30);
  expect(sheet.getRow(rowOf(sheet, 'I.5')).height ?? 15).toBeLessThanOrEqual(15);
  expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });

  // A table of six value columns prints on one page with our setup; without it, its columns spill onto more.
  const wide = await importTestTable(db, ['STT,Nội dung,Tổng số,Ngân sách Trung ương,Ngân sách địa phương,Vốn vay ưu đãi,Huy động cộng đồng,Vốn lồng ghép', '1,Dự án A,100,60,10,10,10,10', '2,Dự án B,50,10,10,10,10,10'].join('\n'), { title: 'Rộng' });
  const wideBody = await client.download(String(wide));
  const wideBook = await readBook(wideBody);
  (wideBook.worksheets[0] as any).pageSetup = { ...wideBook.worksheets[0].pageSetup, orientation: 'portrait', fitToPage: false };
  const fitted = path.join(office.dir, 'fitted.xlsx');
  const unfitted = path.join(office.dir, 'unfitted.xlsx');
  const ours = path.join(office.dir, 'ours.xlsx');
  writeFileSync(fitted, wideBody);
  writeFileSync(unfitted, await writeBook(wideBook));
  writeFileSync(ours, body);
  const [fittedPdf, unfittedPdf, oursPdf] = await office.convert([fitted, unfitted, ours], 'pdf');
  expect(pagesOf(fittedPdf)).toBe(1);
  expect(pagesOf(unfittedPdf)).toBeGreaterThan(1);

  expect(pagesOf(oursPdf)).toBeGreaterThan(0);

  // LibreOffice's rendering of the first page is the picture of docs/workbooks.md, made again only when asked
  // (pdftoppm, Debian's poppler-utils: Calc without a GUI has no PNG export of its own).
  if (process.env.PLANBRIDGE_UPDATE_SCREENSHOTS === '1') {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', oursPdf, path.join(office.dir, 'page')]);
    copyFileSync(path.join(office.dir, 'page.png'), path.resolve(__dirname, '../../docs/workbook-libreoffice.png'));
  }
}, 600000);
