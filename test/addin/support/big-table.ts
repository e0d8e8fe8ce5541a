/** A synthetic 10,000-row appendix and an in-process stand-in for the server, for the large-table test and the benchmark. */
import type { Rule } from '../../../domain/rules';
import { TableSnapshot } from '../../../domain/table-model';
import { PlanBridgeClient } from '../../../addin/src/api/graphql';
import type { CellChangeInput, GridColumn, GridRow, PushResult, TableGrid } from '../../../addin/src/api/types';
import { parseChanges } from '../../../domain/sync/change-parsing';

export const SECTION_SIZE = 100;

export const RULES: Rule[] = [
  { id: 'row-total', kind: 'ROW_SUM', severity: 'ERROR', totalColumn: 'total', partColumns: ['central', 'local', 'loans', 'community'], missing: 'ROLLUP' },
  { id: 'parent-sum', kind: 'HIERARCHY_SUM', severity: 'ERROR', missing: 'ROLLUP' },
  { id: 'grand-total', kind: 'GRAND_TOTAL', severity: 'ERROR', missing: 'ROLLUP' },
  { id: 'non-negative', kind: 'NON_NEGATIVE', severity: 'ERROR' },
];

/** Sections of items, a grand total; sections and the total give only the Tổng số column (as published tables do). */
export function bigGrid(rows: number): TableGrid {
  const columns: GridColumn[] = [
    ['total', 'Tổng số'], ['central', 'Ngân sách Trung ương'], ['local', 'Ngân sách địa phương'], ['loans', 'Vốn vay ưu đãi'], ['community', 'Huy động cộng đồng'],
  ].map(([key, label], index) => ({ key, label, publishedNumber: String(index + 3), type: 'MONEY', scale: 3, editable: true }));
  const gridRows: GridRow[] = [];
  let grand = 0;
  const sections = Math.ceil((rows - 1) / (SECTION_SIZE + 1));
  for (let s = 0; s < sections && gridRows.length < rows - 1; s++) {
    const sectionKey = `S${s + 1}`;
    const section: GridRow = { key: sectionKey, publishedNumber: String(s + 1), label: `Dự án thành phần số ${s + 1}`, level: 0, parentKey: null, kind: 'SECTION', editable: true, computed: false, values: [null, null, null, null, null] };
    gridRows.push(section);
    let sum = 0;
    for (let i = 0; i < SECTION_SIZE && gridRows.length < rows - 1; i++) {
      const central = 1000 + i;
      const local = 2 * i;
      const community = i % 3 === 0 ? null : 7;
      const total = central + local + (community ?? 0);
      sum += total;
      gridRows.push({ key: `${sectionKey}.${i + 1}`, publishedNumber: `${s + 1}.${i + 1}`, label: `Hạng mục ${s + 1}.${i + 1}: hỗ trợ hộ nghèo, hộ cận nghèo`, level: 1, parentKey: sectionKey, kind: 'ITEM', editable: true, computed: false, values: [String(total), String(central), String(local), null, community === null ? null : String(community)] });
    }
    section.values[0] = String(sum);
    grand += sum;
  }
  gridRows.push({ key: 'TOTAL', publishedNumber: null, label: 'TỔNG CỘNG', level: 0, parentKey: null, kind: 'GRAND_TOTAL', editable: true, computed: false, values: [String(grand), null, null, null, null] });
  return {
    tableId: '1', title: 'Phụ lục lớn', caption: 'Bảng thử 10.000 dòng', planId: '1', documentNumber: '999/KH-UBND', unitOfMeasure: 'triệu đồng', version: 1, latestVersion: 1,
    contentHash: 'sha256:bench', editable: true, notEditableReasonVi: null, notEditableReasonEn: null, columns, rows: gridRows, rules: RULES,
  };
}

/** The server's part, in-process: grid and an atomic push (parse + withChanges), its time measured separately. */
export class StubServer extends PlanBridgeClient {
  ms = 0;
  requests = 0;
  largestPushBytes = 0;

  constructor(private grid_: TableGrid) {
    super({ serverUrl: 'http://stub' });
  }

  override async grid(): ReturnType<PlanBridgeClient['grid']> {
    const started = performance.now();
    this.requests += 1;
    const copy = JSON.parse(JSON.stringify(this.grid_)) as TableGrid; // what JSON over HTTP gives
    this.ms += performance.now() - started;
    return { ...copy, plan: { title: 'Kế hoạch thử', issuingUnitName: 'Thành phố Cần Thơ' } };
  }

  override async push(input: { tableId: string; baseVersion: number; idempotencyKey: string; changes: CellChangeInput[] }): Promise<PushResult> {
    const started = performance.now();
    this.requests += 1;
    this.largestPushBytes = Math.max(this.largestPushBytes, Buffer.byteLength(JSON.stringify({ query: 'mutation', variables: { input } })));
    const grid = this.grid_;
    const snapshot = TableSnapshot.create({ columns: grid.columns, rows: grid.rows.map(({ values: _v, ...row }) => row), cells: grid.rows.flatMap((row) => grid.columns.map((column, c) => ({ rowKey: row.key, columnKey: column.key, value: row.values[c] }))) });
    const parsed = parseChanges(snapshot, input.changes);
    const applied = snapshot.withChanges(parsed.values);
    if (!applied.ok || parsed.findings.length) throw new Error('bench push should be valid');
    const index = new Map(grid.rows.map((row, r) => [row.key, r]));
    const columnIndex = new Map(grid.columns.map((column, c) => [column.key, c]));
    for (const change of parsed.values) grid.rows[index.get(change.rowKey)!].values[columnIndex.get(change.columnKey)!] = change.value;
    grid.version += 1;
    grid.latestVersion = grid.version;
    this.ms += performance.now() - started;
    return { status: 'APPLIED', version: grid.version, contentHash: 'sha256:bench2', changeSetId: '1', appliedCells: parsed.values.length, replayed: false, messageVi: 'ok', messageEn: 'ok', findings: [], conflicts: [] };
  }
}


/** Consistent edits of up to `count` items of a pulled big table: 1 moved from central to local budget (row totals unchanged). */
export function editItems(book: import('./memory-book').MemoryBook, sheetId: string, count: number): number {
  const sheet = book.sheet(sheetId);
  let edited = 0;
  for (let r = 0; r < 40_000 && edited < count; r++) {
    const key = book.valueAt(sheet, r, 0);
    if (typeof key !== 'string' || !/^S\d+\.\d+$/.test(key) || Number(key.split('.')[1]) % 10 !== 0) continue;
    const central = book.valueAt(sheet, r, 4) as number;
    const local = book.valueAt(sheet, r, 5) as number;
    book.type(sheetId, `E${r + 1}`, central - 1);
    book.type(sheetId, `F${r + 1}`, local + 1);
    edited += 1;
  }
  return edited;
}
