/**
 * A 10,000-row table through the real Office.js gateway over the fake Office.js (which fails any request
 * over Excel on the web's 5 MB, as Excel on the web does): chunked reads and writes, a bounded number of
 * syncs, and a push of ~2,000 cells.
 */
import { EXCEL_WEB_PAYLOAD_LIMIT } from '../../domain/sheet/chunks';
import { OfficeWorkbookGateway } from '../../addin/src/excel/office-gateway';
import { SheetSync } from '../../addin/src/table-sync/sheet-sync';
import { StubServer, bigGrid, editItems } from './support/big-table';
import { createFakeOffice } from './support/fake-office';
import { MemoryBook } from './support/memory-book';

it('pulls, validates and pushes a 10,000-row table in chunks under the payload limit', async () => {
  const book = new MemoryBook(['Sheet1']);
  const fake = createFakeOffice(book, { requirementSets: { ExcelApi: '1.18' } });
  const gateway = new OfficeWorkbookGateway(fake.Excel.run as typeof Excel.run, (set, version) => fake.Office.context.requirements.isSetSupported(set, version));
  const server = new StubServer(bigGrid(10_000));
  const sync = new SheetSync(gateway, () => server, { lang: () => 'vi', newKey: () => 'large-1' });

  const { sheet } = await sync.pull('1', {});
  expect(book.stats.syncs).toBeLessThan(30);
  expect(book.usedRange(book.sheet(sheet.id))).toBe('A1:H10008');
  const validated = await sync.validate(sheet.id);
  expect(validated).toMatchObject({ changes: 0, blocking: false, rulesChecked: true });

  const edited = editItems(book, sheet.id, 1000);
  expect(edited).toBeGreaterThan(900);
  const syncsBefore = book.stats.syncs;
  const outcome = await sync.push(sheet.id);
  expect(outcome.kind).toBe('applied');
  if (outcome.kind === 'applied') expect(outcome.result.appliedCells).toBe(edited * 2);
  expect(book.stats.syncs - syncsBefore).toBeLessThan(60); // never one per cell or row
  expect(book.stats.maxRequestBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT / 4);
  expect(book.stats.maxResponseBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT / 4);
  expect((await sync.bound(sheet.id))!.table.version).toBe(2);
}, 60000);
