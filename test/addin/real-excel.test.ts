/**
 * What real Excel does that a lenient fake would hide (issue 19), through the real Office.js gateway over the
 * stricter fake: protection calls clear the person's undo history, Excel.run fails while a cell is being edited
 * unless it waits (delayForCellEdit), a failed batch keeps what ran before it, protect() on a protected sheet
 * fails, more than 512 merged areas fail, a dialog's first page on another origin fails with 12004.
 */
import { MemoryStorage, PartitionedStorage } from '../../addin/src/api/session-store';
import { mergedAreaAddresses } from '../../domain/sheet/a1';
import { ExcelError } from '../../addin/src/excel/excel-errors';
import { OfficeWorkbookGateway } from '../../addin/src/excel/office-gateway';
import { PROTECTION } from '../../addin/src/excel/protection';
import { errorText } from '../../addin/src/pane/error-text';
import { platformRefusal } from '../../addin/src/pane/platform';
import { dialogErrorKey, fromChosenServer, signInDialogUrl } from '../../addin/src/pane/sign-in';
import { BINDING_NS } from '../../addin/src/table-sync/snapshot-store';
import { NotAReportError, REPORT_NS } from '../../addin/src/report/report-store';
import { IndicatorReports } from '../../addin/src/report/report-sync';
import { NotBoundError, SheetSync } from '../../addin/src/table-sync/sheet-sync';
import { KEY_MARKER } from '../../addin/src/table-sync/layout';
import { StubServer, bigGrid, editItems } from './support/big-table';
import { createFakeOffice } from './support/fake-office';
import { MemoryBook, OfficeError } from './support/memory-book';

function setup(rows = 40) {
  const book = new MemoryBook(['Sheet1']);
  const fake = createFakeOffice(book, { requirementSets: { ExcelApi: '1.18' } });
  const gateway = new OfficeWorkbookGateway(fake.Excel.run as never, (set, version) => fake.Office.context.requirements.isSetSupported(set, version), async () => undefined);
  const server = new StubServer(bigGrid(rows));
  let keys = 0;
  const sync = new SheetSync(gateway, () => server, { lang: () => 'vi', newKey: () => `key-${++keys}` });
  return { book, fake, gateway, server, sync };
}

describe('the stricter fake itself', () => {
  it('refuses protect() on a protected sheet, and protection calls clear the undo history', () => {
    const book = new MemoryBook(['S']);
    book.type('S', 'A1', 'typed');
    expect(book.undo).toHaveLength(1);
    book.protect(book.sheet('S'), PROTECTION);
    expect(book.undo).toHaveLength(0);
    expect(() => book.protect(book.sheet('S'), PROTECTION)).toThrow(expect.objectContaining({ code: 'InvalidOperation' }));
  });

  it('fails a batch while a cell is being edited, unless the batch waits for the edit', async () => {
    const { book, fake } = setup();
    book.startEdit('Sheet1', 'B2', '5');
    await expect(fake.Excel.run(async () => 1)).rejects.toMatchObject({ code: 'InvalidOperation' });
    const waiting = fake.Excel.run({ delayForCellEdit: true }, async () => book.get('Sheet1', 'B2'));
    book.finishEdit();
    expect(await waiting).toBe(5);
  });

  it('keeps the operations before a failing one, and drops those after', async () => {
    const { book, fake } = setup();
    await expect(
      fake.Excel.run(async (context: any) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1').values = [['first']];
        sheet.getRange('A2:A3').values = [['wrong shape']];
        sheet.getRange('A4').values = [['never']];
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
    expect(book.get('Sheet1', 'A1')).toBe('first');
    expect(book.get('Sheet1', 'A4')).toBe('');
  });

  it('fails a dialog whose first page is not on the pane origin with 12004', () => {
    const book = new MemoryBook();
    const fake = createFakeOffice(book, { paneOrigin: 'https://pane.example' });
    const results: any[] = [];
    fake.Office.context.ui.displayDialogAsync('https://server.example/signin', {}, (result: any) => results.push(result));
    fake.Office.context.ui.displayDialogAsync('https://pane.example/addin/signin-start.html?server=x', {}, (result: any) => results.push(result));
    expect(results.map((result) => result.status)).toEqual(['failed', 'succeeded']);
    expect(results[0].error.code).toBe(12004);
  });
});

describe('protection without clearing the undo history', () => {
  it('leaves the person\'s undo history alone on Validate, marks and Push; only pull sets protection', async () => {
    const { book, sync } = setup();
    const { sheet } = await sync.pull('1', {});
    const afterPull = book.protectionChanges;
    expect(afterPull).toBeGreaterThan(0); // the pull writes keys and locks: protection is set there, once
    expect(book.sheet(sheet.id).protected).toBe(true);
    const edited = editItems(book, sheet.id, 3);
    const undoBefore = book.undo.length;
    expect(undoBefore).toBe(edited * 2);
    // A finding (marks: fill and note) and a format normalisation, all under protection.
    book.type(sheet.id, 'E12', '1,5');
    await sync.validate(sheet.id);
    expect(book.protectionChanges).toBe(afterPull);
    expect(book.undo.length).toBe(undoBefore + 1);
    book.undoLast();
    const pushed = await sync.push(sheet.id);
    expect(pushed.kind).toBe('applied');
    expect(book.protectionChanges).toBe(afterPull);
    expect(book.undo.length).toBe(undoBefore);
    expect(book.sheet(sheet.id).protected).toBe(true);
    expect(book.undoLast()).toBe(true); // Ctrl+Z still takes back the person's own typing
  });

  it('lifts protection only for what needs it, and a failed batch leaves the sheet protected', async () => {
    const { book, gateway, sync } = setup();
    const { sheet } = await sync.pull('1', {});
    expect((await gateway.apply(sheet.id, [{ kind: 'fill', address: 'A1', color: '#FFFFFF' }], { protection: PROTECTION })).protectionTouched).toBe(false);
    const failing = gateway.apply(sheet.id, [
      { kind: 'locked', address: 'H20', locked: false },
      { kind: 'values', address: 'H20', values: [['kept']] },
      { kind: 'values', address: 'H21:H22', values: [['wrong shape']] },
    ], { protection: PROTECTION });
    await expect(failing).rejects.toBeInstanceOf(ExcelError);
    await expect(failing).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(book.get(sheet.id, 'H20')).toBe('kept');
    expect(book.sheet(sheet.id).protected).toBe(true);
  });

  it('lets a push clicked while a cell is still being edited wait for the edit, and includes it', async () => {
    const { book, sync } = setup();
    const { sheet } = await sync.pull('1', {});
    book.startEdit(sheet.id, 'E12', '7');
    const pushing = sync.push(sheet.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    book.finishEdit();
    const outcome = await pushing;
    // The typed cell was read after the edit ended (here the rules then block the unbalanced row).
    expect(outcome).toMatchObject({ changes: 1 });
  });
});

describe('text cells: the text format alone, never also an apostrophe (item 6)', () => {
  it('the fake keeps an apostrophe written into a text-formatted cell as a character, as Excel does', () => {
    const book = new MemoryBook(['S']);
    const sheet = book.sheet('S');
    book.applyOp(sheet, { kind: 'values', address: 'A1:B1', values: [["'III.2.1", '2.1']] });
    expect([book.get('S', 'A1'), book.get('S', 'B1')]).toEqual(['III.2.1', 2.1]);
    book.applyOp(sheet, { kind: 'numberFormat', address: 'A2:C2', numberFormat: [['@', '@', '@']] });
    book.applyOp(sheet, { kind: 'values', address: 'A2:C2', values: [["'III.2.1", '2.1', '=1+1']] });
    expect([book.get('S', 'A2'), book.get('S', 'B2'), book.get('S', 'C2')]).toEqual(["'III.2.1", '2.1', '=1+1']);
  });

  it('writes keys, STT, labels and titles as text without an apostrophe, so they read back as written and a push goes through', async () => {
    const { book, server, sync } = setup();
    const { sheet } = await sync.pull('1', {});
    const grid = await server.grid();
    const firstRow = grid.rows[0];
    expect([book.get(sheet.id, 'A9'), book.get(sheet.id, 'B9')]).toEqual([firstRow.key, firstRow.publishedNumber ?? '']);
    expect([book.cellAt(sheet.id, 'A9')!.numberFormat, book.cellAt(sheet.id, 'B9')!.numberFormat, book.cellAt(sheet.id, 'A8')!.numberFormat]).toEqual(['@', '@', '@']);
    expect(book.get(sheet.id, 'A8')).toBe(KEY_MARKER);
    const apostrophes = [...book.sheet(sheet.id).cells.values()].filter((cell) => typeof cell.value === 'string' && cell.value.startsWith("'"));
    expect(apostrophes).toEqual([]);
    editItems(book, sheet.id, 2);
    expect((await sync.push(sheet.id)).kind).toBe('applied');
    // Pulled again into the same sheet, whose cells are now formatted as text: still no apostrophe anywhere.
    await sync.pull('1', { sheetId: sheet.id });
    expect(book.get(sheet.id, 'A9')).toBe(firstRow.key);
  });

  it('reads keys, STT and labels back from a sheet an earlier version left with a literal apostrophe', async () => {
    const { book, sync } = setup();
    const { sheet } = await sync.pull('1', {});
    editItems(book, sheet.id, 1);
    const memory = book.sheet(sheet.id);
    let quoted = 0;
    for (const [key, cell] of memory.cells) {
      const [row, column] = key.split(',').map(Number);
      if (cell.numberFormat === '@' && typeof cell.value === 'string' && cell.value !== '' && row >= 7 && (column <= 2 || row === 7)) {
        cell.value = `'${cell.value}`;
        quoted += 1;
      }
    }
    expect(quoted).toBeGreaterThan(40);
    const validated = await sync.validate(sheet.id);
    expect(validated.problems).toEqual([]);
    expect(validated.changes).toBe(2);
    expect((await sync.push(sheet.id)).kind).toBe('applied');
  });
});

describe('what Excel reports', () => {
  it('reads Excel\'s own separators when it does not follow the system\'s (ExcelApi 1.11)', async () => {
    const { book, gateway } = setup();
    book.systemSeparators = { decimal: '.', group: ',' };
    expect(await gateway.separators()).toEqual({ decimal: '.', group: ',', system: true });
    book.excelSeparators = { decimal: ',', group: '.' };
    expect(await gateway.separators()).toEqual({ decimal: ',', group: '.', system: false });
  });

  it('reads merged areas of a sheet whose quoted name holds a comma, and past 512 areas', async () => {
    expect(mergedAreaAddresses("'Báo cáo, 2025'!A1:B2,'Báo cáo, 2025'!C3:D3,'It''s'!E5")).toEqual(['A1:B2', 'C3:D3', 'E5']);
    const book = new MemoryBook(['Báo cáo, 2025']);
    const fake = createFakeOffice(book);
    const gateway = new OfficeWorkbookGateway(fake.Excel.run as never, () => true);
    for (let row = 1; row <= 1200; row += 2) book.merge('Báo cáo, 2025', `A${row}:B${row}`);
    const areas = await gateway.mergedAreas(book.sheets[0].id, 'A1:D1200');
    expect(areas).toHaveLength(600);
    expect(areas[0]).toBe('A1:B1');
  });

  it('words errors from their codes in the person\'s language, never from the exception\'s message', () => {
    expect(errorText('vi', new ExcelError('ItemNotFound', 'sheet {X} gone'))).toMatch(/đã bị xoá/);
    expect(errorText('en', new ExcelError('InvalidOperation', 'x'))).toMatch(/Press Enter/);
    expect(errorText('en', new ExcelError('Weird', 'x'))).toContain('(Weird)');
    const raw = new OfficeError('GeneralException', 'internal stack detail');
    expect(errorText('en', raw)).not.toContain('internal stack detail');
    expect(errorText('vi', new TypeError('x is undefined'))).not.toContain('undefined');
  });

  it('removes the bindings of deleted sheets, so a new sheet given a deleted one\'s id starts clean', async () => {
    const { book, sync } = setup();
    const first = await sync.pull('1', {});
    book.deleteSheet(first.sheet.id);
    book.addSheet('Reused', first.sheet.id); // Excel on Mac may reuse a deleted sheet's id
    expect(await sync.forgetDeletedSheets()).toBe(0); // the id exists again: nothing to tell apart here
    book.deleteSheet(first.sheet.id);
    expect(await sync.forgetDeletedSheets()).toBe(1);
    expect(book.partsOf(BINDING_NS)).toHaveLength(0);
    const second = await sync.pull('1', {});
    expect(book.partsOf(BINDING_NS)).toHaveLength(1);
    expect((await sync.bound(second.sheet.id))!.binding.generation).toBe(1);
  });
});

describe('a worksheet id reused while the pane stays open (item 7)', () => {
  it('never writes through a stale binding into an unrelated sheet that received a deleted sheet\'s id', async () => {
    const { book, sync } = setup();
    const first = await sync.pull('1', {});
    const id = first.sheet.id;
    book.type(id, 'E12', '1,5'); // a finding: the binding now records a marked cell
    await sync.validate(id);
    expect((await sync.bound(id))!.binding.state.marks.length).toBeGreaterThan(0);
    // The person deletes the sheet and inserts another; Excel (Mac) gives it the deleted sheet's id.
    book.deleteSheet(id);
    const other = book.addSheet('Sổ riêng', id);
    book.type(id, 'A1', 'dữ liệu riêng');
    book.type(id, 'E12', 42);
    const before = JSON.stringify([...other.cells]);
    expect(await sync.bound(id)).toBeNull();
    await sync.clearMarks(id);
    await expect(sync.validate(id)).rejects.toBeInstanceOf(NotBoundError);
    await expect(sync.push(id)).rejects.toBeInstanceOf(NotBoundError);
    expect(JSON.stringify([...other.cells])).toBe(before);
    expect(book.partsOf(BINDING_NS)).toHaveLength(0); // the stale binding is gone
    expect((await sync.inspectTarget(id)).binding).toBeNull();
  });

  it('never refreshes a report into an unrelated sheet that received a deleted report sheet\'s id', async () => {
    const { book, gateway } = setup();
    const client = { serverUrl: 'http://stub', indicatorProgress: async () => [] };
    const reports = new IndicatorReports(gateway, () => client as never, { lang: () => 'vi' });
    const { sheet } = await reports.pull({ unitId: '1', indicatorKeys: ['poverty-rate'], asOf: null, from: null, to: null, breakdown: 'NONE' });
    expect(await reports.store.forSheet(sheet.id)).not.toBeNull();
    book.deleteSheet(sheet.id);
    const other = book.addSheet('Sổ riêng', sheet.id);
    book.type(sheet.id, 'A1', 'dữ liệu riêng');
    await expect(reports.refresh(sheet.id)).rejects.toBeInstanceOf(NotAReportError);
    expect(book.get(sheet.id, 'A1')).toBe('dữ liệu riêng');
    expect(other.protected).toBe(false);
    expect(book.partsOf(REPORT_NS)).toHaveLength(0);
  });

  it('keeps the binding of the pulled sheet through a rename and a second pull into it', async () => {
    const { book, gateway, sync } = setup();
    const { sheet } = await sync.pull('1', {});
    const firstTag = await gateway.sheetTag(sheet.id);
    expect(firstTag).not.toBeNull();
    book.sheet(sheet.id).name = 'Đổi tên';
    expect(await sync.bound(sheet.id)).not.toBeNull();
    await sync.pull('1', { sheetId: sheet.id });
    const bound = await sync.bound(sheet.id);
    expect(bound!.binding.sheetTag).toBe(await gateway.sheetTag(sheet.id));
    expect(bound!.binding.sheetTag).not.toBe(firstTag);
  });
});

describe('the pane around Excel', () => {
  it('refuses to start on Excel on iPad, in Vietnamese and English, and starts everywhere else', () => {
    const refusal = platformRefusal(createFakeOffice(new MemoryBook(), { platform: 'iOS' }).Office);
    expect(refusal).toContain('chưa hỗ trợ Excel trên iPad');
    expect(refusal).toContain('does not support Excel on iPad');
    for (const platform of ['PC', 'Mac', 'OfficeOnline']) expect(platformRefusal(createFakeOffice(new MemoryBook(), { platform }).Office)).toBeNull();
  });

  it('opens the sign-in dialog on its own origin and accepts the session only from the chosen server', () => {
    expect(signInDialogUrl('https://pane.example/addin/taskpane.html', 'https://pane.example')).toBe('https://pane.example/signin');
    expect(signInDialogUrl('https://pane.example/addin/taskpane.html', 'https://server.example')).toBe('https://pane.example/addin/signin-start.html?server=https%3A%2F%2Fserver.example');
    expect(fromChosenServer('https://server.example', 'https://server.example', 'https://pane.example')).toBe(true);
    expect(fromChosenServer('https://evil.example', 'https://server.example', 'https://pane.example')).toBe(false);
    expect(fromChosenServer(undefined, 'https://server.example', 'https://pane.example')).toBe(false);
    expect(fromChosenServer(undefined, 'https://pane.example', 'https://pane.example')).toBe(true);
    expect([12002, 12003, 12004, 12006].map(dialogErrorKey)).toEqual(['dialogNotFound', 'dialogInsecure', 'dialogBlocked', 'dialogClosed']);
  });

  it('prefixes the pane\'s storage keys with Office\'s partition key where there is one', () => {
    const storage = new MemoryStorage();
    new PartitionedStorage(storage, 'https://host|https://pane').setItem('planbridge:lang', 'en');
    new PartitionedStorage(storage, undefined).setItem('planbridge:lang', 'vi');
    expect(storage.getItem('https://host|https://pane:planbridge:lang')).toBe('en');
    expect(storage.getItem('planbridge:lang')).toBe('vi');
    expect(new PartitionedStorage(storage, 'https://host|https://pane').getItem('planbridge:lang')).toBe('en');
  });
});
