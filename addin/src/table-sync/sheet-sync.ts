/**
 * The add-in's use cases — pull, validate, push (with conflicts), refresh, revert — over the workbook
 * gateway and the GraphQL client. Plain TypeScript: tests run it against an in-memory workbook.
 */
import { boxA1, cellA1, parseBox } from '../../../domain/sheet/a1';
import { type ProgressFn, applyInBatches, noProgress } from '../excel/batches';
import { DEFAULT_CHUNK_BYTES, cellBytes, planRowChunks } from '../../../domain/sheet/chunks';
import { randomId } from '../excel/custom-xml-parts';
import { ExcelError } from '../excel/excel-errors';
import { stillTagged } from '../excel/sheet-tag';
import { ConflictResolution } from './conflicts';
import { type LocalChange, type SheetAnalysis, type SheetIssue, type SheetMatrix, analyzeSheet, tableBox, toChangeInput } from './diff';
import type { CellInput, SheetInfo, SheetOp, WorkbookGateway } from '../excel/gateway';
import type { PlanBridgeClient } from '../api/graphql';
import { STANDARD_LAYOUT, labelText, pullOperations } from './layout';
import { type ListedProblem, type Positions, clearMarkOps, issueProblems, markOps, planMarks, pulledPositions } from './marks';
import { numberCell, numberFormatFor } from '../../../domain/sheet/number-formats';
import { type CellWrite, gridToPulled, planRebase } from './rebase';
import { ReportStore } from '../report/report-store';
import { type Binding, SnapshotStore } from './snapshot-store';
import type { Lang, PlanInfo, PushResult, TableGrid } from '../api/types';
import type { PulledTable, SheetBindingState } from './pulled-table';
import { localCheck } from './validate';

export interface Bound {
  sheet: SheetInfo;
  binding: Binding;
  table: PulledTable;
}

export type PushOutcome =
  | { kind: 'blocked'; problems: ListedProblem[]; changes: number }
  | { kind: 'nothing'; problems: ListedProblem[] }
  | { kind: 'applied'; result: PushResult; problems: ListedProblem[]; changes: number }
  | { kind: 'rejected'; result: PushResult; problems: ListedProblem[]; changes: number }
  | { kind: 'conflict'; result: PushResult | null; resolution: ConflictResolution; problems: ListedProblem[] }
  | { kind: 'restructured'; problems: ListedProblem[] };

export interface ValidateOutcome {
  changes: number;
  problems: ListedProblem[];
  blocking: boolean;
  rulesChecked: boolean;
}

export interface SyncOptions {
  lang: () => Lang;
  chunkBytes?: number;
  maxOps?: number;
  now?: () => Date;
  newKey?: () => string;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetNameFor(documentNumber: string, title: string): string {
  const name = `${title} ${documentNumber}`.replace(/[:\\/?*[\]]/g, '-').replace(/\s+/g, ' ').trim();
  return name.length <= 31 ? name : name.slice(0, 31).trim();
}

/** A short, stable fingerprint of a push request (53-bit hash), to recognise the same push when retrying. */
export function requestFingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

export class SheetSync {
  readonly store: SnapshotStore;
  /** Report sheets are not tables: sync refuses to act on them. */
  readonly reports: ReportStore;
  private cache = new Map<string, PulledTable>();

  constructor(
    readonly gateway: WorkbookGateway,
    private readonly client: () => PlanBridgeClient,
    private readonly options: SyncOptions,
  ) {
    this.store = new SnapshotStore(gateway, { batchBytes: options.chunkBytes });
    this.reports = new ReportStore(gateway);
  }

  private get chunkBytes(): number {
    return this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** Applies operations in chunks under the payload budget, protection lifted and restored within each request. */
  async applyChunked(sheetId: string, ops: SheetOp[], progress: ProgressFn = noProgress, from = 0, to = 1): Promise<void> {
    await applyInBatches(this.gateway, sheetId, ops, { chunkBytes: this.chunkBytes, maxOps: this.options.maxOps, progress, from, to });
  }

  /** The table pulled into a sheet, from the workbook itself (works after reopening the file). */
  async bound(sheetId: string): Promise<Bound | null> {
    const sheets = await this.gateway.listSheets();
    const sheet = sheets.find((candidate) => candidate.id === sheetId);
    if (!sheet) return null;
    const binding = await this.liveBinding(sheetId);
    if (!binding) return null;
    let table = this.cache.get(binding.partId + ':' + binding.dataParts.join(','));
    if (!table) {
      table = await this.store.load(binding);
      this.cache.clear();
      this.cache.set(binding.partId + ':' + binding.dataParts.join(','), table);
    }
    return { sheet, binding, table };
  }

  /**
   * The sheet's binding, unless the sheet is not the one that was pulled: a sheet given a deleted sheet's id while
   * the pane stays open lacks the tag the pull wrote (excel/sheet-tag.ts), so the stale binding is removed before
   * anything is written. Bindings from before tags existed cannot be checked and are kept.
   */
  private async liveBinding(sheetId: string): Promise<Binding | null> {
    const binding = await this.store.bindingFor(sheetId);
    if (!binding || (await stillTagged(this.gateway, sheetId, binding.sheetTag))) return binding;
    await this.store.remove(binding);
    return null;
  }

  /**
   * Removes the bindings of deleted sheets, so that a sheet given a deleted one's id later (Excel on Mac may
   * reuse ids) is not taken for it; returns how many.
   */
  async forgetDeletedSheets(): Promise<number> {
    const ids = new Set((await this.gateway.listSheets()).map((sheet) => sheet.id));
    const orphans = (await this.store.bindings()).filter((binding) => !ids.has(binding.sheetId));
    for (const binding of orphans) await this.store.remove(binding);
    return orphans.length;
  }

  /** What is in a sheet we might pull into: empty, bound to a table, or holding other data. */
  async inspectTarget(sheetId: string): Promise<{ empty: boolean; binding: Binding | null }> {
    await this.reports.refuse(sheetId);
    const [used, binding] = await Promise.all([this.gateway.usedRange(sheetId), this.liveBinding(sheetId)]);
    return { empty: used === null, binding };
  }

  async pull(tableId: string, target: { sheetId?: string }, progress: ProgressFn = noProgress): Promise<Bound> {
    progress(0.02, 'Đang tải bảng từ máy chủ…', 'Downloading the table…');
    const grid = await this.client().grid(tableId);
    progress(0.2, `Đã tải ${grid.rows.length} dòng`, `${grid.rows.length} rows downloaded`);
    let sheet: SheetInfo;
    let previous: Binding | null = null;
    if (target.sheetId) {
      const found = (await this.gateway.listSheets()).find((candidate) => candidate.id === target.sheetId);
      if (!found) throw new ExcelError('ItemNotFound', 'the chosen sheet no longer exists');
      await this.reports.refuse(found.id);
      sheet = found;
      previous = await this.store.bindingFor(sheet.id);
      const used = await this.gateway.usedRange(sheet.id);
      const clear: SheetOp[] = [];
      if (previous && previous.state.marks.length > 0) clear.push(...previous.state.marks.map((address) => ({ kind: 'note' as const, address, text: null })));
      if (used) clear.push({ kind: 'clear', address: used });
      if (clear.length) await this.applyChunked(sheet.id, clear);
    } else {
      await this.forgetDeletedSheets();
      sheet = await this.gateway.addSheet(sheetNameFor(grid.documentNumber, grid.title));
      // A new sheet may carry a deleted sheet's id, and so its binding: this pull replaces it.
      previous = await this.store.bindingFor(sheet.id);
    }
    const table = this.pulledFrom(grid, grid.plan ?? { title: '', issuingUnitName: null }, sheet);
    // A new tag per pull, written into the sheet with the table and kept in its binding.
    const tag = randomId();
    const ops: SheetOp[] = [{ kind: 'sheetTag', address: '', tag }, ...pullOperations(table, { chunkBytes: this.chunkBytes })];
    await this.applyChunked(sheet.id, ops, progress, 0.25, 0.85);
    progress(0.9, 'Đang lưu bản đã lấy vào sổ tính…', 'Saving what was pulled in the workbook…');
    const binding = await this.store.save(table, { marks: [], pendingPush: null }, previous, tag);
    await this.gateway.select(sheet.id, cellA1(table.layout.firstDataRow, table.layout.firstValueColumn));
    progress(1, `Đã lấy "${table.title}" phiên bản ${table.version}`, `Pulled "${table.title}" version ${table.version}`);
    return { sheet, binding, table };
  }

  private pulledFrom(grid: TableGrid, plan: PlanInfo, sheet: SheetInfo): PulledTable {
    const base: PulledTable = {
      format: 1,
      sheetId: sheet.id,
      sheetName: sheet.name,
      serverUrl: this.client().serverUrl,
      tableId: grid.tableId,
      planId: grid.planId,
      planTitle: plan.title,
      issuingUnitName: plan.issuingUnitName,
      documentNumber: grid.documentNumber,
      title: grid.title,
      caption: grid.caption,
      unitOfMeasure: grid.unitOfMeasure,
      version: grid.version,
      contentHash: grid.contentHash,
      editable: grid.editable,
      notEditableReasonVi: grid.notEditableReasonVi,
      notEditableReasonEn: grid.notEditableReasonEn,
      pulledAt: this.now().toISOString(),
      lang: this.options.lang(),
      layout: { ...STANDARD_LAYOUT },
      columns: [],
      rows: [],
      values: [],
      rules: null,
      indentWithFormat: this.gateway.capabilities().indent,
    };
    return gridToPulled(base, grid, base.pulledAt);
  }

  /** Reads the table area (and anything typed around it) in row chunks. */
  async readSheet(sheetId: string, table: PulledTable, progress: ProgressFn = noProgress): Promise<SheetMatrix> {
    const used = await this.gateway.usedRange(sheetId);
    const tableArea = parseBox(tableBox(table));
    const box = used ? parseBox(used) : tableArea;
    const bottom = Math.max(box.bottom, tableArea.bottom);
    const right = Math.max(box.right, tableArea.right);
    const width = right + 1;
    const labelBytes = table.rows.reduce((max, row) => Math.max(max, cellBytes(labelText(row, table.indentWithFormat))), 16);
    const bytesPerRow = 2 * (width * 24 + labelBytes + 32);
    const values: CellInput[][] = [];
    const formulas: CellInput[][] = [];
    const chunks = planRowChunks(bottom + 1, bytesPerRow, this.chunkBytes);
    for (let i = 0; i < chunks.length; i++) {
      const { start, count } = chunks[i];
      const address = boxA1({ top: start, left: 0, bottom: start + count - 1, right });
      const [data] = await this.gateway.read(sheetId, [{ address, values: true, formulas: true }]);
      values.push(...(data.values ?? []));
      formulas.push(...(data.formulas ?? []));
      progress((i + 1) / chunks.length, `Đang đọc trang tính (${i + 1}/${chunks.length})…`, `Reading the sheet (${i + 1}/${chunks.length})…`);
    }
    return { values, formulas };
  }

  async analyze(sheetId: string, progress: ProgressFn = noProgress): Promise<{ bound: Bound; analysis: SheetAnalysis }> {
    await this.reports.refuse(sheetId);
    const bound = await this.bound(sheetId);
    if (!bound) throw new NotBoundError();
    const matrix = await this.readSheet(sheetId, bound.table, progress);
    const merged = await this.gateway.mergedAreas(sheetId, tableBox(bound.table));
    const analysis = analyzeSheet(bound.table, matrix, merged);
    if (bound.sheet.name !== bound.binding.summary.sheetName) {
      const renamed: SheetIssue = {
        code: 'SHEET_RENAMED',
        severity: 'WARNING',
        messageVi: `Trang tính đã được đổi tên từ "${bound.binding.summary.sheetName}" thành "${bound.sheet.name}"; bảng vẫn được nhận ra.`,
        messageEn: `The sheet was renamed from "${bound.binding.summary.sheetName}" to "${bound.sheet.name}"; the table is still recognised.`,
        addresses: [],
      };
      analysis.issues.unshift(renamed);
      bound.binding = await this.store.saveState(bound.binding, bound.binding.state, { sheetName: bound.sheet.name });
    }
    return { bound, analysis };
  }

  private positions(bound: Bound, analysis: SheetAnalysis | null): Positions {
    if (!analysis || analysis.rowAt.size === 0) return pulledPositions(bound.table);
    const fallback = pulledPositions(bound.table);
    return {
      rowAt: new Map([...fallback.rowAt, ...analysis.rowAt]),
      columnAt: new Map([...fallback.columnAt, ...analysis.columnAt]),
    };
  }

  /** Replaces the marks on the sheet with new ones and remembers them in the workbook. */
  private async setMarks(bound: Bound, positions: Positions, problems: { marks: ReturnType<typeof planMarks>['marks'] }, extraState: Partial<SheetBindingState> = {}): Promise<void> {
    const capabilities = this.gateway.capabilities();
    const ops = [
      ...clearMarkOps(bound.binding.state.marks, bound.table, positions, capabilities),
      ...markOps(problems.marks, capabilities, this.options.lang()),
    ];
    if (ops.length > 0) await this.applyChunked(bound.sheet.id, ops);
    bound.binding = await this.store.saveState(bound.binding, { ...bound.binding.state, ...extraState, marks: problems.marks.map((mark) => mark.address) });
  }

  async clearMarks(sheetId: string): Promise<void> {
    const bound = await this.bound(sheetId);
    if (!bound || bound.binding.state.marks.length === 0) return;
    await this.setMarks(bound, pulledPositions(bound.table), { marks: [] });
  }

  async validate(sheetId: string, progress: ProgressFn = noProgress): Promise<ValidateOutcome> {
    const { bound, analysis } = await this.analyze(sheetId, progress);
    const positions = this.positions(bound, analysis);
    const sheetProblems = issueProblems(analysis.issues);
    const check = localCheck(bound.table, analysis.changes);
    const planned = planMarks(check.findings, positions, 'local');
    await this.setMarks(bound, positions, planned);
    await this.normaliseFormats(bound, analysis.changes);
    return { changes: analysis.changes.length, problems: [...sheetProblems, ...planned.problems], blocking: analysis.blocking || check.blocking, rulesChecked: check.rulesChecked };
  }

  /** Gives each changed cell the number format of its value, so no typed decimal is hidden by rounding. */
  private async normaliseFormats(bound: Bound, changes: LocalChange[]): Promise<void> {
    const ops: SheetOp[] = [];
    for (const change of changes) {
      if (change.text !== undefined || change.value === undefined) continue;
      ops.push({ kind: 'numberFormat', address: change.address, numberFormat: [[numberFormatFor(change.value, bound.table.columns[change.column].scale)]] });
    }
    if (ops.length > 0) await this.applyChunked(bound.sheet.id, ops);
  }

  async push(sheetId: string, options: { comment?: string | null } = {}, progress: ProgressFn = noProgress): Promise<PushOutcome> {
    const { bound, analysis } = await this.analyze(sheetId, (f, vi, en) => progress(f * 0.3, vi, en));
    const positions = this.positions(bound, analysis);
    const sheetProblems = issueProblems(analysis.issues);
    if (analysis.blocking) return { kind: 'blocked', problems: sheetProblems, changes: analysis.changes.length };
    if (!bound.table.editable) {
      return {
        kind: 'blocked',
        changes: analysis.changes.length,
        problems: [...sheetProblems, { severity: 'ERROR', preExisting: false, address: null, source: 'sheet', ruleKind: 'NOT_EDITABLE', messageVi: bound.table.notEditableReasonVi ?? 'Bảng này không nhận thay đổi', messageEn: bound.table.notEditableReasonEn ?? 'This table does not accept changes' }],
      };
    }
    if (analysis.changes.length === 0) {
      if (bound.binding.state.marks.length > 0) await this.setMarks(bound, positions, { marks: [] });
      return { kind: 'nothing', problems: sheetProblems };
    }
    progress(0.35, 'Đang kiểm tra trên máy…', 'Checking locally…');
    const check = localCheck(bound.table, analysis.changes);
    if (check.blocking) {
      const planned = planMarks(check.findings, positions, 'local');
      await this.setMarks(bound, positions, planned);
      return { kind: 'blocked', problems: [...sheetProblems, ...planned.problems], changes: analysis.changes.length };
    }

    const changes = analysis.changes.map(toChangeInput);
    const request = { tableId: bound.table.tableId, baseVersion: bound.table.version, comment: options.comment ?? null, changes };
    const fingerprint = requestFingerprint(request);
    const pending = bound.binding.state.pendingPush;
    const key = pending && pending.hash === fingerprint ? pending.key : (this.options.newKey ?? randomId)();
    // Remembered before sending: after a network failure (even a closed pane) the same push reuses the key.
    bound.binding = await this.store.saveState(bound.binding, { ...bound.binding.state, pendingPush: { key, hash: fingerprint } });
    progress(0.45, `Đang gửi ${changes.length} ô…`, `Sending ${changes.length} cell(s)…`);
    const result = await this.client().push({ ...request, idempotencyKey: key });
    bound.binding = await this.store.saveState(bound.binding, { ...bound.binding.state, pendingPush: null });

    if (result.status === 'APPLIED') {
      progress(0.7, 'Đã ghi; đang cập nhật bản lưu trong sổ tính…', 'Written; updating the copy kept in the workbook…');
      await this.afterApplied(bound, analysis, positions, result, progress);
      const warnings = planMarks(result.findings, positions, 'server').problems;
      progress(1, result.messageVi, result.messageEn);
      return { kind: 'applied', result, problems: [...sheetProblems, ...warnings], changes: changes.length };
    }
    if (result.status === 'REJECTED') {
      const planned = planMarks(result.findings, positions, 'server');
      await this.setMarks(bound, positions, planned);
      progress(1, result.messageVi, result.messageEn);
      return { kind: 'rejected', result, problems: [...sheetProblems, ...planned.problems], changes: changes.length };
    }
    // CONFLICT: three-way against the server's current version.
    progress(0.8, 'Có xung đột; đang tải phiên bản hiện tại…', 'Conflict; downloading the current version…');
    const latest = await this.client().grid(bound.table.tableId);
    const plan = planRebase(bound.table, analysis.changes, positions, latest, new Map(), this.now().toISOString());
    if (!plan.sameStructure) return { kind: 'restructured', problems: sheetProblems };
    const conflicts = plan.conflicts.length > 0 ? plan.conflicts : result.conflicts;
    progress(1, result.messageVi, result.messageEn);
    return { kind: 'conflict', result, resolution: new ConflictResolution(conflicts), problems: sheetProblems };
  }

  private async afterApplied(bound: Bound, analysis: SheetAnalysis, positions: Positions, result: PushResult, progress: ProgressFn): Promise<void> {
    const latest = await this.client().grid(bound.table.tableId, result.version);
    const plan = planRebase(bound.table, analysis.changes, positions, latest, new Map(), this.now().toISOString());
    // My cells are written back as the server stored them (numbers, not the text typed), with others' merged changes.
    const writes: CellWrite[] = [...plan.writes];
    const written = new Set(writes.map((write) => write.address));
    for (const change of analysis.changes) {
      if (written.has(change.address)) continue;
      writes.push({ row: change.row, column: change.column, address: change.address, value: latest.rows[change.row]?.values[change.column] ?? null });
    }
    const capabilities = this.gateway.capabilities();
    const ops = [...clearMarkOps(bound.binding.state.marks, bound.table, positions, capabilities), ...this.cellWriteOps(plan.next, writes)];
    await this.applyChunked(bound.sheet.id, ops, progress, 0.75, 0.9);
    bound.binding = await this.store.save(plan.next, { marks: [], pendingPush: null }, bound.binding);
    bound.table = plan.next;
  }

  /** Values and number formats for single cells; consecutive cells of a row become one operation. */
  cellWriteOps(table: PulledTable, writes: CellWrite[]): SheetOp[] {
    const ops: SheetOp[] = [];
    const sorted = [...writes].sort((a, b) => {
      const pa = parseBox(a.address);
      const pb = parseBox(b.address);
      return pa.top - pb.top || pa.left - pb.left;
    });
    let run: { top: number; left: number; values: CellInput[]; formats: string[] } | null = null;
    const flush = () => {
      if (!run) return;
      const address = boxA1({ top: run.top, left: run.left, bottom: run.top, right: run.left + run.values.length - 1 });
      ops.push({ kind: 'numberFormat', address, numberFormat: [run.formats] });
      ops.push({ kind: 'values', address, values: [run.values] });
      run = null;
    };
    for (const write of sorted) {
      const at = parseBox(write.address);
      const { input: value, format } = numberCell(write.value, table.columns[write.column]?.scale ?? 0);
      const current = run as { top: number; left: number; values: CellInput[]; formats: string[] } | null;
      if (current && current.top === at.top && current.left + current.values.length === at.left) {
        current.values.push(value);
        current.formats.push(format);
      } else {
        flush();
        run = { top: at.top, left: at.left, values: [value], formats: [format] };
      }
    }
    flush();
    return ops;
  }

  /**
   * After a conflict: take the person's choices, bring the sheet to the server's current version
   * (keeping their other edits), and push again against that version.
   */
  async resolveAndPush(sheetId: string, resolution: ConflictResolution, options: { comment?: string | null } = {}, progress: ProgressFn = noProgress): Promise<PushOutcome> {
    const rebased = await this.rebase(sheetId, resolution, progress);
    if (rebased.kind !== 'done') return rebased.kind === 'conflict' ? { kind: 'conflict', result: null, resolution: rebased.resolution, problems: [] } : { kind: 'restructured', problems: [] };
    return this.push(sheetId, options, progress);
  }

  /** Refresh: the server's current version into the sheet, keeping unpushed edits; conflicts need choices. */
  async refresh(sheetId: string, resolution: ConflictResolution | null = null, progress: ProgressFn = noProgress): Promise<RebaseOutcome> {
    return this.rebase(sheetId, resolution, progress);
  }

  private async rebase(sheetId: string, resolution: ConflictResolution | null, progress: ProgressFn): Promise<RebaseOutcome> {
    const { bound, analysis } = await this.analyze(sheetId, (f, vi, en) => progress(f * 0.3, vi, en));
    if (analysis.blocking) return { kind: 'blocked', problems: issueProblems(analysis.issues) };
    const positions = this.positions(bound, analysis);
    progress(0.4, 'Đang tải phiên bản hiện tại…', 'Downloading the current version…');
    const latest = await this.client().grid(bound.table.tableId);
    const plan = planRebase(bound.table, analysis.changes, positions, latest, resolution?.toMap() ?? new Map(), this.now().toISOString());
    if (!plan.sameStructure) return { kind: 'restructured' };
    if (plan.conflicts.length > 0) return { kind: 'conflict', resolution: new ConflictResolution(plan.conflicts) };
    const capabilities = this.gateway.capabilities();
    await this.applyChunked(sheetId, [...clearMarkOps(bound.binding.state.marks, bound.table, positions, capabilities), ...this.cellWriteOps(plan.next, plan.writes)], progress, 0.5, 0.9);
    bound.binding = await this.store.save(plan.next, { marks: [], pendingPush: null }, bound.binding);
    progress(1, `Đã cập nhật lên phiên bản ${plan.next.version}`, `Updated to version ${plan.next.version}`);
    return { kind: 'done', version: plan.next.version, updated: plan.writes.length, kept: plan.kept.length };
  }

  /** Puts the pulled values back into every changed cell (editable or not) and clears the marks. */
  async revert(sheetId: string, progress: ProgressFn = noProgress): Promise<{ reverted: number; problems: ListedProblem[] }> {
    const { bound, analysis } = await this.analyze(sheetId, (f, vi, en) => progress(f * 0.5, vi, en));
    const positions = this.positions(bound, analysis);
    const writes: CellWrite[] = [];
    const table = bound.table;
    table.rows.forEach((row, r) => {
      if (row.computed) return;
      const sheetRow = positions.rowAt.get(row.key);
      if (sheetRow === undefined || !analysis.rowAt.has(row.key)) return;
      table.columns.forEach((column, c) => {
        const sheetColumn = analysis.columnAt.get(column.key);
        if (sheetColumn === undefined) return;
        writes.push({ row: r, column: c, address: cellA1(sheetRow, sheetColumn), value: table.values[r][c] });
      });
    });
    const changed = new Set([...analysis.changes.map((change) => change.address), ...analysis.issues.filter((issue) => issue.code === 'READ_ONLY_CHANGED').flatMap((issue) => issue.addresses)]);
    const capabilities = this.gateway.capabilities();
    const ops = [...clearMarkOps(bound.binding.state.marks, table, positions, capabilities), ...this.cellWriteOps(table, writes.filter((write) => changed.has(write.address)))];
    await this.applyChunked(sheetId, ops, progress, 0.5, 1);
    bound.binding = await this.store.saveState(bound.binding, { marks: [], pendingPush: null });
    const remaining = analysis.issues.filter((issue) => issue.code !== 'READ_ONLY_CHANGED' && issue.severity === 'ERROR');
    return { reverted: changed.size, problems: issueProblems(remaining) };
  }

  async select(sheetId: string, address: string): Promise<void> {
    await this.gateway.select(sheetId, address);
  }

  async forget(binding: Binding): Promise<void> {
    await this.store.remove(binding);
  }
}

export type RebaseOutcome =
  | { kind: 'done'; version: number; updated: number; kept: number }
  | { kind: 'conflict'; resolution: ConflictResolution }
  | { kind: 'blocked'; problems: ListedProblem[] }
  | { kind: 'restructured' };

export class NotBoundError extends Error {
  constructor() {
    super('This sheet holds no pulled table');
  }
}
