/**
 * Benchmark (not a test): pull and push a 10,000-row table through the add-in's code — SheetSync, the
 * layout, diff, local rule engine, snapshot store and the REAL Office.js gateway — against the fake
 * Office.js over an in-memory workbook. The server is a stub in this process (so the figures are the
 * add-in's alone). Prints: context.sync() calls, Excel.run calls, largest request and response payload,
 * and wall time without the time spent inside the fake Excel and the stub server.
 *
 *   npm run bench:addin            (builds, then node dist/bench/addin-sync.js [rows])
 */
import { EXCEL_WEB_PAYLOAD_LIMIT, DEFAULT_CHUNK_BYTES } from '../domain/sheet/chunks';
import { OfficeWorkbookGateway } from '../addin/src/excel/office-gateway';
import { SheetSync } from '../addin/src/table-sync/sheet-sync';
import { StubServer, bigGrid, editItems } from '../test/addin/support/big-table';
import { createFakeOffice } from '../test/addin/support/fake-office';
import { MemoryBook } from '../test/addin/support/memory-book';

const ROWS = Number(process.argv[2] ?? 10_000);
interface Figures {
  syncs: number;
  runs: number;
  maxRequest: number;
  maxResponse: number;
  wall: number;
  office: number;
  server: number;
}

async function measure(book: MemoryBook, server: StubServer, work: () => Promise<unknown>): Promise<Figures> {
  const before = { ...book.stats, officeMs: book.stats.officeMs ?? 0 };
  const serverBefore = server.ms;
  book.stats.maxRequestBytes = 0;
  book.stats.maxResponseBytes = 0;
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  return {
    syncs: book.stats.syncs - before.syncs,
    runs: book.stats.runs - before.runs,
    maxRequest: book.stats.maxRequestBytes,
    maxResponse: book.stats.maxResponseBytes,
    wall,
    office: (book.stats.officeMs ?? 0) - before.officeMs,
    server: server.ms - serverBefore,
  };
}

function line(name: string, f: Figures): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  return `${name.padEnd(26)} ${String(f.syncs).padStart(6)} ${String(f.runs).padStart(6)} ${kb(f.maxRequest).padStart(10)} ${kb(f.maxResponse).padStart(10)} ${f.wall.toFixed(0).padStart(8)} ${(f.wall - f.office - f.server).toFixed(0).padStart(10)}`;
}

async function main(): Promise<void> {
  const grid = bigGrid(ROWS);
  const book = new MemoryBook(['Sheet1']);
  const fake = createFakeOffice(book, { requirementSets: { ExcelApi: '1.18' } });
  const gateway = new OfficeWorkbookGateway(fake.Excel.run as typeof Excel.run, (set, version) => fake.Office.context.requirements.isSetSupported(set, version));
  const server = new StubServer(grid);
  let keys = 0;
  const sync = new SheetSync(gateway, () => server, { lang: () => 'vi', newKey: () => `bench-${++keys}` });

  const results: [string, Figures][] = [];
  let sheetId = '';
  results.push(['pull', await measure(book, server, async () => (sheetId = (await sync.pull('1', {})).sheet.id))]);
  results.push(['validate (no change)', await measure(book, server, () => sync.validate(sheetId))]);

  // 1,000 consistent edits: move 1 from central to local budget in 1,000 items (row totals unchanged).
  const edited = editItems(book, sheetId, 1000);
  let outcome = '';
  results.push([`push (${edited * 2} cells)`, await measure(book, server, async () => (outcome = (await sync.push(sheetId)).kind))]);
  if (outcome !== 'applied') throw new Error(`push was ${outcome}`);
  results.push(['push again (nothing)', await measure(book, server, async () => (outcome = (await sync.push(sheetId)).kind))]);

  console.log(`PlanBridge add-in, ${grid.rows.length} rows × ${grid.columns.length} value columns (fake Office.js over an in-memory workbook, stub server)`);
  console.log(`chunk budget ${(DEFAULT_CHUNK_BYTES / 1024).toFixed(0)} KiB per request; Excel on the web refuses over ${(EXCEL_WEB_PAYLOAD_LIMIT / 1024 / 1024).toFixed(0)} MiB\n`);
  console.log(`${'operation'.padEnd(26)} ${'syncs'.padStart(6)} ${'runs'.padStart(6)} ${'max req'.padStart(10)} ${'max resp'.padStart(10)} ${'wall ms'.padStart(8)} ${'add-in ms'.padStart(10)}`);
  for (const [name, figures] of results) console.log(line(name, figures));
  console.log(`\nlargest pushTable request body: ${(server.largestPushBytes / 1024).toFixed(0)} KiB; stored snapshot: ${book.partsOf('urn:planbridge:snapshot:1').length} custom XML parts`);
  console.log('add-in ms = wall time minus the time inside the fake Excel (executing requests) and the stub server');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
