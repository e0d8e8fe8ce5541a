/** Plain-TypeScript parts of the add-in, against the in-memory workbook; no Excel, no server. */
import { HyperFormula } from 'hyperformula';
import { boxA1, cellA1, columnIndex, columnLetters, parseBox } from '../../domain/sheet/a1';
import { DEFAULT_CHUNK_BYTES, EXCEL_WEB_PAYLOAD_LIMIT, jsonBytes, opBytes, packBySize, planRowChunks, splitText } from '../../domain/sheet/chunks';
import { partXml, readPartXml, workbookId } from '../../addin/src/excel/custom-xml-parts';
import { PROTECTION } from '../../addin/src/excel/protection';
import { ConflictResolution } from '../../addin/src/table-sync/conflicts';
import { analyzeSheet, readCell } from '../../addin/src/table-sync/diff';
import { computedFormula, compactReferences, termsOf } from '../../domain/sheet/total-formulas';
import { FILL, KEY_MARKER, STANDARD_LAYOUT, pullOperations } from '../../addin/src/table-sync/layout';
import { clearMarkOps, markOps, planMarks, pulledPositions } from '../../addin/src/table-sync/marks';
import { canonicalToNumber, numberFormatFor, numberToCanonical } from '../../domain/sheet/cell-numbers';
import { planRebase } from '../../addin/src/table-sync/rebase';
import { MemoryStorage, SessionStore, sessionFromDialogMessage, sessionKey } from '../../addin/src/api/session-store';
import { BINDING_NS, DATA_NS, SnapshotStore } from '../../addin/src/table-sync/snapshot-store';
import { requestFingerprint, sheetNameFor } from '../../addin/src/table-sync/sheet-sync';
import type { GridColumn, GridRowInfo, SyncFinding, TableGrid } from '../../addin/src/api/types';
import type { PulledTable } from '../../addin/src/table-sync/pulled-table';
import { localCheck } from '../../addin/src/table-sync/validate';
import { MemoryBook, MemoryWorkbookGateway } from './support/memory-book';

const MONEY = (key: string, label: string): GridColumn => ({ key, label, publishedNumber: null, type: 'MONEY', scale: 0, editable: true });

function row(key: string, parentKey: string | null, level: number, kind: GridRowInfo['kind'], extra: Partial<GridRowInfo> = {}): GridRowInfo {
  return { key, publishedNumber: key, label: `Mục ${key}`, level, parentKey, kind, editable: kind !== 'LABEL', computed: false, ...extra };
}

/** A small table: a computed grand total over two sections; section A computed over its items. */
function table(overrides: Partial<PulledTable> = {}): PulledTable {
  const rows: GridRowInfo[] = [
    row('A', null, 0, 'SECTION', { computed: true }),
    row('A.1', 'A', 1, 'ITEM'),
    row('A.1.1', 'A.1', 2, 'CHILD'),
    row('A.lbl', 'A', 1, 'LABEL', { publishedNumber: null, label: 'Trong đó:' }),
    row('A.2', 'A', 1, 'ITEM'),
    row('B', null, 0, 'SECTION'),
    row('B.1', 'B', 1, 'ITEM'),
    row('T', null, 0, 'GRAND_TOTAL', { computed: true, publishedNumber: null, label: 'TỔNG CỘNG' }),
  ];
  const values: (string | null)[][] = [
    ['30', '10', '20'],
    ['10', null, '10'],
    ['10', null, '10'],
    [null, null, null],
    ['20', '10', '10'],
    ['5.5', '5.5', null],
    ['5.5', '5.5', null],
    ['35.5', '15.5', '20'],
  ];
  return {
    format: 1, sheetId: '{S}', sheetName: 'S', serverUrl: 'http://server', tableId: '7', planId: '1', planTitle: 'Kế hoạch', issuingUnitName: 'Cần Thơ',
    documentNumber: '1/KH', title: 'Phụ lục T', caption: 'Caption', unitOfMeasure: 'triệu đồng', version: 3, contentHash: 'sha256:x', editable: true,
    notEditableReasonVi: null, notEditableReasonEn: null, pulledAt: '2026-01-02T03:04:05.000Z', lang: 'vi', layout: { ...STANDARD_LAYOUT },
    columns: [MONEY('total', 'Tổng số'), { ...MONEY('central', 'Trung ương'), scale: 2 }, MONEY('local', 'Địa phương')],
    rows, values, rules: null, indentWithFormat: true, ...overrides,
  };
}

async function written(pulled = table()): Promise<{ book: MemoryBook; gateway: MemoryWorkbookGateway; sheetId: string }> {
  const book = new MemoryBook(['S']);
  const gateway = new MemoryWorkbookGateway(book);
  const sheetId = book.sheets[0].id;
  for (const batch of packBySize(pullOperations(pulled), opBytes)) await gateway.apply(sheetId, batch, { protection: PROTECTION });
  return { book, gateway, sheetId };
}

function matrix(book: MemoryBook, sheetId: string) {
  const sheet = book.sheet(sheetId);
  const used = parseBox(book.usedRange(sheet)!);
  const address = boxA1({ top: 0, left: 0, bottom: used.bottom, right: used.right });
  return { values: book.read(sheet, address, 'values'), formulas: book.read(sheet, address, 'formulas') };
}

describe('A1 addresses', () => {
  it('converts both ways', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(16383)).toBe('XFD');
    expect(columnIndex('XFD')).toBe(16383);
    expect(cellA1(9999, 3)).toBe('D10000');
    expect(parseBox("'Phụ lục 2'!$B$3:D10")).toEqual({ top: 2, left: 1, bottom: 9, right: 3 });
  });
});

describe('numbers between Excel and the contract', () => {
  it('turns doubles into canonical decimals without exponent or float noise', () => {
    expect(numberToCanonical(5600826)).toBe('5600826');
    expect(numberToCanonical(0.21)).toBe('0.21');
    expect(numberToCanonical(-0)).toBe('0');
    expect(numberToCanonical(1e21)).toBe('1000000000000000000000');
    expect(numberToCanonical(1.5e-7)).toBe('0.00000015');
    expect(canonicalToNumber('5600826')).toBe(5600826);
    expect(canonicalToNumber('1234567890123456.7891')).toBeNull(); // more digits than a double keeps: written as text
  });

  it('chooses number formats that never hide decimals', () => {
    expect(numberFormatFor('5600826', 3)).toBe('#,##0');
    expect(numberFormatFor('0.21', 2)).toBe('#,##0.00');
    expect(numberFormatFor(null, 2)).toBe('General'); // never "#,##0.##", which shows 1234 as "1.234,"
    expect(numberFormatFor(null, 0)).toBe('#,##0');
  });
});

describe('chunk planning', () => {
  it('plans row chunks under the budget and never one per row', () => {
    const chunks = planRowChunks(10_000, 400, DEFAULT_CHUNK_BYTES);
    expect(chunks.length).toBe(Math.ceil(10_000 / Math.floor(DEFAULT_CHUNK_BYTES / 400)));
    expect(chunks.reduce((sum, chunk) => sum + chunk.count, 0)).toBe(10_000);
    expect(DEFAULT_CHUNK_BYTES * 4).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
  });

  it('packs operations by size and count', () => {
    const batches = packBySize(Array.from({ length: 10 }, (_, i) => i), () => 300, 1000, 100);
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 3, 1]);
    expect(packBySize([1, 2, 3], () => 1, 1000, 2).map((batch) => batch.length)).toEqual([2, 1]);
  });

  it('splits text without cutting a surrogate pair', () => {
    const text = 'a😀b😀c';
    const pieces = splitText(text, 2);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((piece) => !/[\ud800-\udbff]$/.test(piece))).toBe(true);
  });

  it('writes a 10,000-row table in operations that each stay under the budget', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row(`r${i}`, null, 0, 'ITEM', { label: `Hạng mục số ${i} có tên khá dài để thử kích thước` }));
    const big = table({ rows, values: rows.map((_, i) => [String(i * 3), String(i), String(i * 2)]) });
    const ops = pullOperations(big);
    const batches = packBySize(ops, opBytes);
    expect(Math.max(...batches.map((batch) => jsonBytes(batch)))).toBeLessThan(DEFAULT_CHUNK_BYTES * 1.2);
    expect(batches.length).toBeLessThan(20);
  });
});

describe('layout', () => {
  it('puts the title block, headers, keys, labels indented and values where the layout says', async () => {
    const { book, sheetId } = await written();
    expect(book.get(sheetId, 'A1')).toBe('1/KH — Phụ lục T');
    expect(book.get(sheetId, 'A2')).toBe('Caption');
    expect(book.get(sheetId, 'A3')).toBe('Kế hoạch: Kế hoạch (Cần Thơ)');
    expect(String(book.get(sheetId, 'A4'))).toMatch(/^Đơn vị tính: triệu đồng · Phiên bản 3 · Lấy về lúc/);
    expect([book.get(sheetId, 'A6'), book.get(sheetId, 'B6'), book.get(sheetId, 'C6'), book.get(sheetId, 'D6')]).toEqual(['Mã dòng', 'STT', 'Nội dung', 'Tổng số']);
    expect([book.get(sheetId, 'A8'), book.get(sheetId, 'D8'), book.get(sheetId, 'F8')]).toEqual([KEY_MARKER, 'total', 'local']);
    expect([book.get(sheetId, 'A10'), book.get(sheetId, 'B10'), book.get(sheetId, 'C10')]).toEqual(['A.1', 'A.1', 'Mục A.1']);
    expect(book.cellAt(sheetId, 'C11')!.indent).toBe(2);
    expect(book.get(sheetId, 'E10')).toBe(''); // empty stays empty, never 0
    expect(book.cellAt(sheetId, 'E14')!.numberFormat).toBe('#,##0.0'); // 5.5 keeps its decimal
    expect(book.cellAt(sheetId, 'D10')!.locked).toBe(false);
    expect(book.cellAt(sheetId, 'D10')!.fill).toBe(FILL.editable);
    expect(book.cellAt(sheetId, 'D12')!.locked ?? true).toBe(true); // label row
    expect(book.cellAt(sheetId, 'D9')!.fill).toBe(FILL.computed);
    expect(book.cellAt(sheetId, 'C9')!.bold).toBe(true);
    expect(book.sheet(sheetId).protected).toBe(true);
  });

  it('indents with spaces when format.indentLevel is not available', () => {
    const ops = pullOperations(table({ indentWithFormat: false }));
    const block = ops.find((op) => op.kind === 'formulas')!;
    expect(block.kind === 'formulas' && block.formulas[2][2]).toBe('        Mục A.1.1');
    expect(ops.some((op) => op.kind === 'indent')).toBe(false);
  });

  it('names new sheets within Excel limits', () => {
    expect(sheetNameFor('132/KH-UBND', 'Phụ lục 2')).toBe('Phụ lục 2 132-KH-UBND');
    expect(sheetNameFor('1/KH', 'x'.repeat(40)).length).toBeLessThanOrEqual(31);
  });
});

describe('computed totals are live formulas (evaluated by HyperFormula, as Excel would)', () => {
  it('writes SUM formulas only for computed rows, skipping label rows and grandchildren', () => {
    const pulled = table();
    const at = (key: string) => STANDARD_LAYOUT.firstDataRow + pulled.rows.findIndex((r) => r.key === key);
    expect(termsOf(pulled, 0).map((i) => pulled.rows[i].key)).toEqual(['A.1', 'A.2']);
    expect(termsOf(pulled, 7).map((i) => pulled.rows[i].key)).toEqual(['A', 'B']);
    expect(computedFormula(pulled, 0, 0, at)).toBe('=IF(COUNT(D10,D13)=0,"",SUM(D10,D13))');
    expect(compactReferences(3, [9, 10, 11, 14])).toEqual(['D10:D12', 'D15']);
    // A.1 has a child but is not computed: its published total stays a typed value.
    const block = pullOperations(pulled).find((op) => op.kind === 'formulas')!;
    expect(block.kind === 'formulas' && [block.formulas[0][3], block.formulas[1][3], block.formulas[7][3]]).toEqual(['=IF(COUNT(D10,D13)=0,"",SUM(D10,D13))', 10, '=IF(COUNT(D9,D14)=0,"",SUM(D9,D14))']);
  });

  it('shows the totals Excel would show, and they follow what staff type; empty stays empty', async () => {
    const { book, sheetId } = await written();
    const { formulas } = matrix(book, sheetId);
    const hf = HyperFormula.buildFromArray(formulas.map((line) => line.map((value) => (value === '' ? null : value))) as any, { licenseKey: 'gpl-v3' });
    const show = (address: string) => {
      const { row, column } = { row: Number(address.slice(1)) - 1, column: address.charCodeAt(0) - 65 };
      return hf.getCellValue({ sheet: 0, row, col: column });
    };
    expect(show('D9')).toBe(30); // A = A.1 + A.2
    expect(show('D16')).toBe(35.5); // T = A + B
    expect(show('E9')).toBe(10); // A.1 central empty, A.2 central 10
    // Typing into a child changes the live totals.
    hf.setCellContents({ sheet: 0, row: 9, col: 3 }, [[15]]);
    expect(show('D9')).toBe(35);
    expect(show('D16')).toBe(40.5);
    // All terms empty: the total cell is empty, not 0.
    hf.setCellContents({ sheet: 0, row: 9, col: 4 }, [[null]]);
    hf.setCellContents({ sheet: 0, row: 12, col: 4 }, [[null]]);
    expect(show('E9')).toBe('');
    // The in-memory workbook agrees with HyperFormula.
    expect(book.get(sheetId, 'D16')).toBe(35.5);
    hf.destroy();
  });
});

describe('diff', () => {
  it('reads numbers, text and emptied cells the way the contract wants them', () => {
    expect(readCell(5600826, 5600826, '5600826')).toEqual({ same: true });
    expect(readCell(900, 900, '800')).toEqual({ same: false, value: '900' });
    expect(readCell('', '', '800')).toEqual({ same: false, value: null });
    expect(readCell('', '', null)).toEqual({ same: true });
    expect(readCell('5.600.826', '5.600.826', '5600826')).toEqual({ same: true });
    expect(readCell('1,234.5', '1,234.5', '800')).toEqual({ same: false, text: '1,234.5' });
    expect(readCell(10, '=D9+1', '800')).toEqual({ same: false, text: '=D9+1' });
    expect(readCell(true, true, null)).toEqual({ same: false, text: 'TRUE' });
  });

  it('finds changes by key, ignores computed rows, flags read-only edits, outside values and moves', async () => {
    const pulled = table();
    const { book, sheetId } = await written(pulled);
    book.sheet(sheetId).protected = false;
    book.type(sheetId, 'D10', 12); // A.1 total
    book.type(sheetId, 'E11', '1,5'); // text in a Vietnamese Excel? typed as text here → parsed later
    book.type(sheetId, 'D12', 3); // label row: read-only
    book.type(sheetId, 'J3', 'note'); // outside, above the headers → not reported (title area)
    book.type(sheetId, 'J10', 'x'); // right of the table → outside
    const analysis = analyzeSheet(pulled, matrix(book, sheetId));
    expect(analysis.changes.map((change) => [change.address, change.value ?? change.text])).toEqual([
      ['D10', '12'],
      ['E11', 1.5 as unknown as string],
    ].map(([address, value]) => [address, typeof value === 'number' ? '1.5' : value]));
    expect(analysis.issues.map((issue) => issue.code).sort()).toEqual(['OUTSIDE_TABLE', 'READ_ONLY_CHANGED']);
    expect(analysis.blocking).toBe(true);
  });

  it('matches moved rows by key and reports inserted, deleted and duplicated rows', async () => {
    const pulled = table();
    const { book, sheetId } = await written(pulled);
    const m = matrix(book, sheetId);
    // Swap rows A.1 (10) and A.1.1 (11): still matched by key.
    [m.values[9], m.values[10]] = [m.values[10], m.values[9]];
    [m.formulas[9], m.formulas[10]] = [m.formulas[10], m.formulas[9]];
    let analysis = analyzeSheet(pulled, m);
    expect(analysis.changes).toEqual([]);
    expect(analysis.issues.map((issue) => issue.code)).toEqual(['ROWS_MOVED']);
    // Delete B.1 and insert an empty and a filled row.
    m.values.splice(14, 1);
    m.formulas.splice(14, 1);
    m.values.splice(11, 0, ['', '', '', '', '', ''], ['', '9', 'Mới', 5, '', '']);
    m.formulas.splice(11, 0, ['', '', '', '', '', ''], ['', '9', 'Mới', 5, '', '']);
    m.values.push(m.values[10]);
    m.formulas.push(m.formulas[10]);
    analysis = analyzeSheet(pulled, m);
    expect(analysis.issues.map((issue) => issue.code).sort()).toEqual(['ROWS_MOVED', 'ROW_DUPLICATE', 'ROW_INSERTED', 'ROW_INSERTED_EMPTY', 'ROW_MISSING'].sort());
    expect(analysis.issues.find((issue) => issue.code === 'ROW_INSERTED')!.addresses).toEqual(['B13', 'C13', 'D13']);
  });

  it('says so when the key row is gone or a column is missing; merged cells block', async () => {
    const pulled = table();
    const { book, sheetId } = await written(pulled);
    const m = matrix(book, sheetId);
    const noKeys = { values: m.values.map((line, r) => (r === 7 ? line.map(() => '') : line)), formulas: m.formulas };
    expect(analyzeSheet(pulled, noKeys).issues[0].code).toBe('HEADER_NOT_FOUND');
    const noColumn = { values: m.values.map((line) => line.slice(0, 5)), formulas: m.formulas.map((line) => line.slice(0, 5)) };
    expect(analyzeSheet(pulled, noColumn).issues.map((issue) => issue.code)).toContain('COLUMN_MISSING');
    expect(analyzeSheet(pulled, m, ['D10:E10']).issues.map((issue) => issue.code)).toEqual(['MERGED_CELLS']);
  });
});

describe('local check = the server\'s parse + withChanges + rules', () => {
  it('uses the same codes as the server', async () => {
    const pulled = table({ rules: [{ id: 'parent-sum', kind: 'HIERARCHY_SUM', severity: 'ERROR' }] });
    const change = (address: string, rowKey: string, columnKey: string, extra: object) => ({ row: 0, column: 0, rowKey, columnKey, address, pulled: null, ...extra });
    expect(localCheck(pulled, [change('D10', 'A.1', 'total', { text: '1,234.5' })]).findings[0].ruleKind).toBe('MIXED_SEPARATORS');
    expect(localCheck(pulled, [change('E10', 'A.1', 'central', { value: '0.123' })]).findings[0].ruleKind).toBe('TOO_MANY_DECIMALS');
    expect(localCheck(pulled, [change('D12', 'A.lbl', 'total', { value: '1' })]).findings[0].ruleKind).toBe('NOT_EDITABLE');
    const sums = localCheck(pulled, [change('D11', 'A.1.1', 'total', { value: '11' })]);
    expect(sums.blocking).toBe(true);
    expect(sums.findings[0]).toMatchObject({ ruleId: 'parent-sum', expected: '11', found: '10', preExisting: false });
    const ok = localCheck(pulled, [change('D11', 'A.1.1', 'total', { text: '10' })]);
    expect(ok).toMatchObject({ blocking: false, rulesChecked: true, findings: [] });
  });
});

describe('marks', () => {
  const finding = (rowKey: string, columnKey: string, severity: 'ERROR' | 'WARNING', preExisting = false): SyncFinding => ({
    ruleId: 'r', ruleKind: 'ROW_SUM', severity, messageVi: `Lỗi ${rowKey}`, messageEn: `Error ${rowKey}`, expected: null, found: null, difference: null, suggestion: null, preExisting,
    cells: [{ rowKey, columnKey, rowNumber: null, rowLabel: '', columnLabel: '', value: null, derived: false }],
  });

  it('maps findings to cells, merges messages per cell, colours by severity and restores the base look', async () => {
    const pulled = table();
    const positions = pulledPositions(pulled);
    const planned = planMarks([finding('A.1', 'total', 'WARNING'), finding('A.1', 'total', 'ERROR'), finding('B.1', 'local', 'ERROR', true), finding('nope', 'total', 'ERROR')], positions, 'server');
    expect(planned.marks).toEqual([
      { address: 'D10', severity: 'ERROR', messages: [{ vi: 'Lỗi A.1', en: 'Error A.1' }, { vi: 'Lỗi A.1', en: 'Error A.1' }] },
      { address: 'F15', severity: 'WARNING', messages: [{ vi: 'Lỗi B.1', en: 'Error B.1' }] },
    ]);
    expect(planned.problems.map((problem) => problem.address)).toEqual(['D10', null, 'D10', 'F15']);
    const { book, gateway, sheetId } = await written(pulled);
    await gateway.apply(sheetId, markOps(planned.marks, book.capabilities, 'en'), { protection: PROTECTION });
    expect(book.cellAt(sheetId, 'D10')!.fill).toBe(FILL.error);
    expect(book.cellAt(sheetId, 'D10')!.note).toBe('PlanBridge — Error\nError A.1\nError A.1');
    expect(book.cellAt(sheetId, 'F15')!.fill).toBe(FILL.warning);
    await gateway.apply(sheetId, clearMarkOps(['D10', 'F15', 'D9'], pulled, positions, book.capabilities), { protection: PROTECTION });
    expect(book.cellAt(sheetId, 'D10')!.fill).toBe(FILL.editable);
    expect(book.cellAt(sheetId, 'D9')!.fill).toBe(FILL.computed);
    expect(book.cellAt(sheetId, 'D10')!.note).toBeNull();
  });

  it('falls back to input prompts without notes (before ExcelApi 1.18)', () => {
    const ops = markOps([{ address: 'D10', severity: 'ERROR', messages: [{ vi: 'x'.repeat(400), en: 'y' }] }], { notes: false, prompts: true, mergedAreas: false, indent: false, culture: false }, 'vi');
    const note = ops.find((op) => op.kind === 'note')!;
    expect(note.kind === 'note' && note.text!.length).toBeLessThanOrEqual(250);
  });
});

describe('three-way rebase and conflict state', () => {
  it('takes theirs where untouched, keeps mine where only I changed, and lists both-changed cells', () => {
    const pulled = table();
    const latest: TableGrid = {
      tableId: '7', title: 'Phụ lục T', caption: 'Caption', planId: '1', documentNumber: '1/KH', unitOfMeasure: 'triệu đồng', version: 4, latestVersion: 4, contentHash: 'sha256:y',
      editable: true, notEditableReasonVi: null, notEditableReasonEn: null, columns: pulled.columns,
      rows: pulled.rows.map((r, i) => ({ ...r, values: [...pulled.values[i]] })),
    };
    latest.rows[1].values[0] = '11'; // theirs: A.1 total
    latest.rows[4].values[2] = '12'; // theirs: A.2 local
    const mine = [
      { row: 1, column: 0, rowKey: 'A.1', columnKey: 'total', address: 'D10', pulled: '10', value: '13' },
      { row: 6, column: 0, rowKey: 'B.1', columnKey: 'total', address: 'D15', pulled: '5.5', text: '6' },
    ];
    const plan = planRebase(pulled, mine, pulledPositions(pulled), latest);
    expect(plan.writes).toEqual([{ row: 4, column: 2, address: 'F13', value: '12' }]);
    expect(plan.conflicts).toEqual([expect.objectContaining({ rowKey: 'A.1', columnKey: 'total', base: '10', theirs: '11', mine: '13' })]);
    const resolution = new ConflictResolution(plan.conflicts);
    expect(resolution.complete).toBe(false);
    resolution.choose('A.1', 'total', 'theirs');
    expect(resolution.complete).toBe(true);
    expect(() => resolution.choose('B.1', 'total', 'mine')).toThrow();
    const chosen = planRebase(pulled, mine, pulledPositions(pulled), latest, resolution.toMap());
    expect(chosen.conflicts).toEqual([]);
    expect(chosen.writes.map((write) => write.address).sort()).toEqual(['D10', 'F13']);
    expect(chosen.kept.map((change) => change.address)).toEqual(['D15']);
    expect(chosen.next.version).toBe(4);
    latest.rows.pop();
    expect(planRebase(pulled, mine, pulledPositions(pulled), latest).sameStructure).toBe(false);
  });
});

describe('the snapshot stored in the workbook', () => {
  it('round-trips through custom XML parts in several pieces and survives an interrupted save', async () => {
    const book = new MemoryBook(['S']);
    const gateway = new MemoryWorkbookGateway(book);
    const store = new SnapshotStore(gateway, { partChars: 500 });
    const pulled = table({ title: 'Bảng <đặc biệt> & "ngoặc" ]]>' });
    const first = await store.save(pulled, { marks: ['D10'], pendingPush: null }, null);
    expect(first.dataParts.length).toBeGreaterThan(3);
    expect(await store.load(first)).toEqual(pulled);
    const second = await store.save({ ...pulled, version: 4 }, { marks: [], pendingPush: { key: 'k', hash: 'h' } }, first);
    expect(book.partsOf(BINDING_NS)).toHaveLength(1);
    expect(book.partsOf(DATA_NS)).toHaveLength(second.dataParts.length);
    // An interrupted save: a newer binding written, the old one not yet removed → the newest wins.
    const stale = partXml('binding', BINDING_NS, { sheet: '{S}', generation: '1' }, JSON.stringify({ ...first, partId: undefined }));
    book.parts.set('{stale}', stale);
    const bindings = await store.bindings();
    expect(bindings).toHaveLength(1);
    expect(bindings[0]).toMatchObject({ generation: 2, state: { pendingPush: { key: 'k', hash: 'h' } } });
    expect((await store.load(bindings[0])).version).toBe(4);
    const id = await workbookId(gateway);
    expect(await workbookId(gateway)).toBe(id);
  });

  it('reads XML back even when the host adds a declaration, prefixes or CDATA', () => {
    expect(readPartXml('<?xml version="1.0"?><pb:binding xmlns:pb="urn:x" sheet="a&amp;b"><![CDATA[{"a":"<1>"}]]></pb:binding>')).toEqual({ element: 'binding', attributes: { pb: 'urn:x', sheet: 'a&b' }, body: '{"a":"<1>"}' });
  });
});

describe('session and push fingerprint', () => {
  it('keeps the token per server and workbook, and reads the sign-in dialog\'s message', () => {
    const storage = new MemoryStorage();
    const store = new SessionStore(storage, sessionKey('https://pb.example/', 'wb1'));
    store.set({ accessToken: 'abc' });
    expect(storage.getItem('planbridge:session:https://pb.example:wb1')).toContain('abc');
    expect(new SessionStore(storage, sessionKey('https://pb.example', 'wb2')).get()).toBeNull();
    expect(sessionFromDialogMessage(JSON.stringify({ type: 'planbridge-session', session: { accessToken: 't', refreshToken: 'r', user: { login: 'a', displayName: 'A' } } }))).toMatchObject({ accessToken: 't', refreshToken: 'r' });
    expect(sessionFromDialogMessage('pbp_0123456789')).toEqual({ accessToken: 'pbp_0123456789' });
    expect(sessionFromDialogMessage('{"nonsense":1}')).toBeNull();
  });

  it('fingerprints identical push requests identically', () => {
    const request = { tableId: '1', baseVersion: 2, changes: [{ rowKey: 'a', columnKey: 'b', value: '1' }] };
    expect(requestFingerprint(request)).toBe(requestFingerprint(JSON.parse(JSON.stringify(request))));
    expect(requestFingerprint(request)).not.toBe(requestFingerprint({ ...request, baseVersion: 3 }));
  });
});
