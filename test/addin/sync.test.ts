/**
 * The add-in's use cases (pull, validate, push, conflicts, refresh, revert) over the in-memory workbook,
 * against the REAL server on a cloned test database.
 */
import { ConflictResolution } from '../../addin/src/table-sync/conflicts';
import { KEY_MARKER, FILL } from '../../addin/src/table-sync/layout';
import { BINDING_NS, DATA_NS } from '../../addin/src/table-sync/snapshot-store';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, tokenFor, type TestApp } from '../support/graphql';
import { importTestTable } from '../support/tables';
import { NoRulesClient, harness, serverOf, sessionFor } from './support/harness';

let db: TestDatabase;
let app: TestApp;
let server: string;
let editor: string;
let seeded: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  server = serverOf(app.url);
  editor = await tokenFor(db.orm, 'cantho.editor');
  seeded = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

async function serverCell(tableId: string, rowKey: string, columnKey: string): Promise<{ value: string | null; version: number }> {
  const grid = (await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version columns { key } rows { key values } } }`, { id: tableId })).data!.tableGrid;
  const column = grid.columns.findIndex((c: any) => c.key === columnKey);
  return { value: grid.rows.find((r: any) => r.key === rowKey).values[column], version: grid.version };
}

/** Sheet address of a table cell, from the keys the pull wrote (column A, the #KEY row). */
function addressOf(book: ReturnType<typeof harness>['book'], sheetId: string, rowKey: string, columnKey: string): string {
  const sheet = book.sheet(sheetId);
  let keyRow = -1;
  let row = -1;
  for (let r = 0; r < 2100; r++) {
    const key = book.valueAt(sheet, r, 0);
    if (key === KEY_MARKER) keyRow = r;
    if (key === rowKey && keyRow >= 0) row = r;
  }
  let column = -1;
  for (let c = 0; c < 30; c++) if (book.valueAt(sheet, keyRow, c) === columnKey) column = c;
  if (row < 0 || column < 0) throw new Error(`no cell (${rowKey}, ${columnKey})`);
  return `${String.fromCharCode(65 + column)}${row + 1}`;
}

describe('pull', () => {
  it('writes the seeded Cần Thơ appendix into a new protected sheet with title block, keys, empties left empty', async () => {
    const h = harness(server, editor);
    const bound = await h.sync.pull(seeded, {});
    const sheet = h.book.sheet(bound.sheet.id);
    expect(bound.sheet.name).toBe('Phụ lục 2 132-KH-UBND');
    expect(h.book.get(sheet.id, 'A1')).toBe('132/KH-UBND — Phụ lục 2');
    expect(String(h.book.get(sheet.id, 'A4'))).toContain('Đơn vị tính: triệu đồng · Phiên bản 1');
    expect(h.book.get(sheet.id, 'C6')).toBe('Nội dung');
    expect(h.book.get(sheet.id, 'D6')).toBe('Tổng số');
    expect(h.book.get(sheet.id, 'A8')).toBe(KEY_MARKER);
    const total = addressOf(h.book, sheet.id, 'TOTAL', 'total');
    expect(h.book.get(sheet.id, total)).toBe(5600826);
    expect(h.book.cellAt(sheet.id, total)!.numberFormat).toBe('#,##0');
    // Empty is not zero: I.2 central budget is empty in the published table.
    expect(h.book.get(sheet.id, addressOf(h.book, sheet.id, 'I.2', 'central-budget'))).toBe('');
    // STT kept as text ("2.1" is no number, no date), labels indented by level.
    const label = addressOf(h.book, sheet.id, 'III.2.1', 'total').replace(/^[A-Z]+/, 'C');
    expect(h.book.get(sheet.id, label.replace('C', 'B'))).toBe('2.1');
    expect(h.book.cellAt(sheet.id, label)!.indent).toBe(2);
    // Protection: editable value cells unlocked, keys/labels/label rows locked.
    expect(sheet.protected).toBe(true);
    expect(h.book.cellAt(sheet.id, total)!.locked).toBe(false);
    expect(h.book.cellAt(sheet.id, label)!.locked ?? true).toBe(true);
    const labelRow = h.book.sheet(sheet.id);
    const trongDo = [...labelRow.cells.entries()].find(([, cell]) => cell.value === 'Trong đó:')!;
    const [r] = trongDo[0].split(',').map(Number);
    expect(h.book.valueAt(labelRow, r, 3)).toBe('');
    expect(labelRow.cell(r, 3)?.locked ?? true).toBe(true);
    expect(labelRow.cell(r, 3)?.fill).toBe(FILL.readOnly);
    expect(() => h.book.type(sheet.id, label, 'retyped')).toThrow(/protected/);
    // What was pulled is in the workbook.
    expect(h.book.partsOf(BINDING_NS)).toHaveLength(1);
    expect(h.book.partsOf(DATA_NS).length).toBeGreaterThan(0);
  });

  it('still knows the sheet after the file is closed and reopened (no state in the pane)', async () => {
    const first = harness(server, editor);
    const { sheet } = await first.sync.pull(seeded, {});
    const reopened = harness(server, editor, { book: first.book.reopen() });
    const bound = await reopened.sync.bound(sheet.id);
    expect(bound).not.toBeNull();
    expect(bound!.table).toMatchObject({ tableId: seeded, version: 1, documentNumber: '132/KH-UBND', title: 'Phụ lục 2' });
    expect(bound!.table.contentHash).toMatch(/^sha256:/);
    expect(bound!.table.rows).toHaveLength(29);
    expect(bound!.table.rules!.map((rule) => rule.id)).toEqual(['row-total', 'parent-sum', 'grand-total', 'non-negative']);
    const outcome = await reopened.sync.validate(sheet.id);
    expect(outcome).toMatchObject({ changes: 0, blocking: false });
  });
});

describe('validate and push', () => {
  it('marks a badly written number locally, sends nothing, then pushes a consistent change and reads it back', async () => {
    const h = harness(server, editor);
    const { sheet } = await h.sync.pull(seeded, {});
    const before = await serverCell(seeded, 'TOTAL', 'total');
    const bad = addressOf(h.book, sheet.id, 'III.5', 'local-budget');
    h.book.type(sheet.id, bad, '1,234.5');
    const validated = await h.sync.validate(sheet.id);
    expect(validated.blocking).toBe(true);
    expect(validated.problems[0]).toMatchObject({ severity: 'ERROR', address: bad, ruleKind: 'MIXED_SEPARATORS', source: 'local' });
    expect(h.book.cellAt(sheet.id, bad)!.fill).toBe(FILL.error);
    expect(h.book.cellAt(sheet.id, bad)!.note).toContain('1,234.5');

    const blocked = await h.sync.push(sheet.id);
    expect(blocked.kind).toBe('blocked');
    expect((await serverCell(seeded, 'TOTAL', 'total')).version).toBe(before.version);

    // The rules travel with the grid: a value that breaks the sums is caught before sending.
    h.book.type(sheet.id, bad, 900);
    const sums = await h.sync.push(sheet.id);
    expect(sums.kind).toBe('blocked');
    expect(sums.problems.map((problem) => problem.ruleKind)).toEqual(expect.arrayContaining(['ROW_SUM', 'HIERARCHY_SUM']));

    // Fix: raise III.5 by 100 with every total that contains it, typed the Vietnamese way.
    h.book.type(sheet.id, bad, '900');
    h.book.type(sheet.id, addressOf(h.book, sheet.id, 'III.5', 'total'), '900');
    h.book.type(sheet.id, addressOf(h.book, sheet.id, 'III', 'total'), '117.930');
    h.book.type(sheet.id, addressOf(h.book, sheet.id, 'III', 'local-budget'), '52.070');
    h.book.type(sheet.id, addressOf(h.book, sheet.id, 'TOTAL', 'total'), '5.600.926');
    h.book.type(sheet.id, addressOf(h.book, sheet.id, 'TOTAL', 'local-budget'), '102.913');
    const applied = await h.sync.push(sheet.id, { comment: 'Tăng truyền thông' });
    expect(applied.kind).toBe('applied');
    if (applied.kind !== 'applied') return;
    expect(applied.result).toMatchObject({ status: 'APPLIED', appliedCells: 6, version: before.version + 1 });
    expect(await serverCell(seeded, 'III.5', 'local-budget')).toEqual({ value: '900', version: before.version + 1 });
    expect(await serverCell(seeded, 'TOTAL', 'total')).toMatchObject({ value: '5600926' });
    // Marks cleared, text turned into numbers, snapshot updated.
    expect(h.book.cellAt(sheet.id, bad)!.fill).toBe(FILL.editable);
    expect(h.book.cellAt(sheet.id, bad)!.note ?? null).toBeNull();
    expect(h.book.get(sheet.id, addressOf(h.book, sheet.id, 'TOTAL', 'total'))).toBe(5600926);
    const bound = await h.sync.bound(sheet.id);
    expect(bound!.table.version).toBe(before.version + 1);
    expect((await h.sync.push(sheet.id)).kind).toBe('nothing');
  });

  it('maps the server\'s findings to marked cells when only the server validates (REJECTED)', async () => {
    const session = sessionFor(editor);
    const client = new NoRulesClient({ serverUrl: server, session });
    const h = harness(server, editor, { client });
    const { sheet } = await h.sync.pull(seeded, {});
    const cell = addressOf(h.book, sheet.id, 'III.2.2', 'local-budget');
    h.book.type(sheet.id, cell, 400);
    const outcome = await h.sync.push(sheet.id);
    expect(outcome.kind).toBe('rejected');
    const addresses = outcome.problems.filter((problem) => problem.source === 'server').map((problem) => problem.address);
    expect(addresses).toContain(addressOf(h.book, sheet.id, 'III.2.2', 'total'));
    expect(addresses).toContain(addressOf(h.book, sheet.id, 'III.2', 'local-budget'));
    expect(h.book.cellAt(sheet.id, addressOf(h.book, sheet.id, 'III.2', 'local-budget'))!.fill).toBe(FILL.error);
    const reverted = await h.sync.revert(sheet.id);
    expect(reverted.reverted).toBe(1);
    expect(h.book.get(sheet.id, cell)).toBe(340);
    expect(h.book.cellAt(sheet.id, addressOf(h.book, sheet.id, 'III.2', 'local-budget'))!.fill).toBe(FILL.editable);
  });

  it('retries a push whose answer was lost with the same idempotency key, and applies it once', async () => {
    const tableId = String(await importTestTable(db, 'STT,Nội dung,Tổng số\n1,Một,1\n2,Hai,2', { title: 'Retry sample' }));
    const bodies: string[] = [];
    let dropped = false;
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (typeof init?.body === 'string' && init.body.includes('pushTable')) {
        bodies.push(init.body);
        if (!dropped) {
          dropped = true;
          throw new TypeError('network connection lost');
        }
      }
      return response;
    };
    const h = harness(server, editor, { fetch: flaky });
    const { sheet } = await h.sync.pull(tableId, {});
    h.book.type(sheet.id, addressOf(h.book, sheet.id, '1', 'total'), 5);
    const outcome = await h.sync.push(sheet.id);
    expect(outcome.kind).toBe('applied');
    if (outcome.kind === 'applied') expect(outcome.result.replayed).toBe(true);
    expect(bodies).toHaveLength(2);
    expect(JSON.parse(bodies[0]).variables.input.idempotencyKey).toBe(JSON.parse(bodies[1]).variables.input.idempotencyKey);
    expect(await serverCell(tableId, '1', 'total')).toEqual({ value: '5', version: 2 });
  });
});

describe('conflicts and refresh', () => {
  const CSV = ['STT,Nội dung,Tổng số,Ngân sách Trung ương', '1,Một,1,1', '2,Hai,2,2', '3,Ba,3,3'].join('\n');

  it('shows base / theirs / mine per cell; keep mine pushes again on the new version', async () => {
    const tableId = String(await importTestTable(db, CSV, { title: 'Conflict mine' }));
    const alice = harness(server, editor);
    const bob = harness(server, editor);
    const a = await alice.sync.pull(tableId, {});
    const b = await bob.sync.pull(tableId, {});
    alice.book.type(a.sheet.id, addressOf(alice.book, a.sheet.id, '1', 'total'), 10);
    expect((await alice.sync.push(a.sheet.id)).kind).toBe('applied');

    bob.book.type(b.sheet.id, addressOf(bob.book, b.sheet.id, '1', 'total'), 11);
    bob.book.type(b.sheet.id, addressOf(bob.book, b.sheet.id, '2', 'total'), 20);
    const outcome = await bob.sync.push(b.sheet.id);
    expect(outcome.kind).toBe('conflict');
    if (outcome.kind !== 'conflict') return;
    expect(outcome.resolution.conflicts).toEqual([expect.objectContaining({ rowKey: '1', columnKey: 'total', base: '1', theirs: '10', mine: '11' })]);
    expect(outcome.resolution.complete).toBe(false);
    outcome.resolution.chooseAll('mine');
    const again = await bob.sync.resolveAndPush(b.sheet.id, outcome.resolution);
    expect(again.kind).toBe('applied');
    expect(await serverCell(tableId, '1', 'total')).toEqual({ value: '11', version: 3 });
    expect((await serverCell(tableId, '2', 'total')).value).toBe('20');
  });

  it('keep theirs writes their value into the sheet and pushes the rest', async () => {
    const tableId = String(await importTestTable(db, CSV, { title: 'Conflict theirs' }));
    const alice = harness(server, editor);
    const bob = harness(server, editor);
    const a = await alice.sync.pull(tableId, {});
    const b = await bob.sync.pull(tableId, {});
    alice.book.type(a.sheet.id, addressOf(alice.book, a.sheet.id, '1', 'total'), 10);
    alice.book.type(a.sheet.id, addressOf(alice.book, a.sheet.id, '3', 'central-budget'), 30);
    await alice.sync.push(a.sheet.id);
    const cell = addressOf(bob.book, b.sheet.id, '1', 'total');
    bob.book.type(b.sheet.id, cell, 11);
    bob.book.type(b.sheet.id, addressOf(bob.book, b.sheet.id, '2', 'total'), 20);
    const outcome = await bob.sync.push(b.sheet.id);
    if (outcome.kind !== 'conflict') throw new Error(outcome.kind);
    const resolution = new ConflictResolution(outcome.resolution.conflicts);
    resolution.choose('1', 'total', 'theirs');
    const again = await bob.sync.resolveAndPush(b.sheet.id, resolution);
    expect(again.kind).toBe('applied');
    expect(bob.book.get(b.sheet.id, cell)).toBe(10);
    // Alice's other change arrived in Bob's sheet too.
    expect(bob.book.get(b.sheet.id, addressOf(bob.book, b.sheet.id, '3', 'central-budget'))).toBe(30);
    expect(await serverCell(tableId, '1', 'total')).toEqual({ value: '10', version: 3 });
    expect((await serverCell(tableId, '2', 'total')).value).toBe('20');
  });

  it('refresh brings others\' changes into untouched cells and keeps my edits', async () => {
    const tableId = String(await importTestTable(db, CSV, { title: 'Refresh sample' }));
    const alice = harness(server, editor);
    const bob = harness(server, editor);
    const a = await alice.sync.pull(tableId, {});
    const b = await bob.sync.pull(tableId, {});
    alice.book.type(a.sheet.id, addressOf(alice.book, a.sheet.id, '1', 'total'), 10);
    await alice.sync.push(a.sheet.id);
    bob.book.type(b.sheet.id, addressOf(bob.book, b.sheet.id, '2', 'total'), 22);
    const refreshed = await bob.sync.refresh(b.sheet.id);
    expect(refreshed).toEqual({ kind: 'done', version: 2, updated: 1, kept: 1 });
    expect(bob.book.get(b.sheet.id, addressOf(bob.book, b.sheet.id, '1', 'total'))).toBe(10);
    expect(bob.book.get(b.sheet.id, addressOf(bob.book, b.sheet.id, '2', 'total'))).toBe(22);
    const pushed = await bob.sync.push(b.sheet.id);
    expect(pushed.kind).toBe('applied');
  });
});

describe('what the person did to the sheet', () => {
  it('refuses to push when rows were inserted with values or deleted, and says which', async () => {
    const h = harness(server, editor);
    const { sheet } = await h.sync.pull(seeded, {});
    const at = Number(addressOf(h.book, sheet.id, 'III.4', 'total').replace(/\D/g, '')) - 1;
    h.book.sheet(sheet.id).protected = false;
    h.book.shiftRows(sheet.id, at, 1);
    h.book.type(sheet.id, `D${at + 1}`, 77);
    let outcome = await h.sync.push(sheet.id);
    expect(outcome.kind).toBe('blocked');
    expect(outcome.problems.map((problem) => problem.ruleKind)).toContain('ROW_INSERTED');
    h.book.shiftRows(sheet.id, at, -2); // the inserted row and III.4 itself
    outcome = await h.sync.push(sheet.id);
    expect(outcome.problems.find((problem) => problem.ruleKind === 'ROW_MISSING')!.messageEn).toContain('Dự án 4');
  });

  it('rows moved still match by key; a renamed sheet is still recognised; values outside the table are reported', async () => {
    const h = harness(server, editor);
    const { sheet } = await h.sync.pull(seeded, {});
    h.book.sheet(sheet.id).name = 'Của tôi';
    h.book.sheet(sheet.id).protected = false;
    h.book.shiftRows(sheet.id, 2, 3); // rows inserted above the table
    h.book.type(sheet.id, 'K20', 'ghi chú riêng');
    h.book.type(sheet.id, addressOf(h.book, sheet.id, 'III.5', 'community'), 5);
    const outcome = await h.sync.validate(sheet.id);
    const kinds = outcome.problems.map((problem) => problem.ruleKind);
    expect(kinds).toEqual(expect.arrayContaining(['SHEET_RENAMED', 'TABLE_MOVED', 'OUTSIDE_TABLE']));
    expect(outcome.changes).toBe(1);
  });

  it('merged cells and edits of read-only cells block the push', async () => {
    const h = harness(server, editor);
    const { sheet } = await h.sync.pull(seeded, {});
    h.book.merge(sheet.id, addressOf(h.book, sheet.id, 'III.5', 'total') + ':' + addressOf(h.book, sheet.id, 'III.5', 'central-budget'));
    const labelRowCell = [...h.book.sheet(sheet.id).cells.entries()].find(([, cell]) => cell.value === 'Trong đó:')!;
    const row = Number(labelRowCell[0].split(',')[0]);
    h.book.type(sheet.id, `D${row + 1}`, 1, { force: true });
    const outcome = await h.sync.push(sheet.id);
    expect(outcome.kind).toBe('blocked');
    expect(outcome.problems.map((problem) => problem.ruleKind)).toEqual(expect.arrayContaining(['MERGED_CELLS', 'READ_ONLY_CHANGED']));
  });
});

describe('large tables', () => {
  it('pulls and pushes a 2,000-row table in chunks, each request under the budget', async () => {
    const lines = ['STT,Nội dung,Tổng số,Ngân sách Trung ương,Ngân sách địa phương'];
    for (let i = 1; i <= 2000; i++) lines.push(`${i},Hạng mục ${i},${i * 3},${i},${i * 2}`);
    const tableId = String(await importTestTable(db, lines.join('\n'), { title: 'Large sample' }));
    const h = harness(server, editor, { chunkBytes: 64 * 1024 });
    const before = h.book.stats.syncs;
    const { sheet } = await h.sync.pull(tableId, {});
    const pullCalls = h.book.stats.syncs - before;
    expect(pullCalls).toBeGreaterThan(5); // chunked…
    expect(pullCalls).toBeLessThan(200); // …never per row
    for (let i = 1; i <= 2000; i += 100) h.book.type(sheet.id, addressOf(h.book, sheet.id, String(i), 'total'), i * 3 + 0);
    h.book.type(sheet.id, addressOf(h.book, sheet.id, '7', 'total'), 22);
    h.book.type(sheet.id, addressOf(h.book, sheet.id, '7', 'central-budget'), 8);
    h.book.type(sheet.id, addressOf(h.book, sheet.id, '7', 'local-budget'), 14);
    const outcome = await h.sync.push(sheet.id);
    expect(outcome.kind).toBe('applied');
    expect((await serverCell(tableId, '7', 'total')).value).toBe('22');
  });
});
