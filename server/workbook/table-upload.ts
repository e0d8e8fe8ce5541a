/**
 * Upload: a workbook back in, its changed cells pushed through pushTable — the same parsing, rules,
 * three-way merge, conflicts and history as a push from the add-in — and the outcome with every finding
 * placed on its cell of the uploaded file.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { cellA1 } from '../../domain/sheet/a1';
import { addMark, effectiveSeverity, type CellMark } from '../../domain/sheet/cell-marks';
import type { Lang } from '../../domain/sheet/table-sheet';
import type { CellChangeRequest, CellConflict, PushOutcome, SyncFinding } from '../../domain/sync/sync-types';
import type { Access } from '../auth/access';
import { contentHash } from '../tables/content-hash';
import { PushRefused, checkPushRequest, lockTable, pushToLockedTable, tableName } from '../tables/push-table';
import type { TableState } from '../tables/table-state';
import { snapshotAtVersion } from '../tables/table-history';
import { tableNotFound } from './table-download';
import { checkUploadFormat } from './upload-format';
import { markWorkbook } from './upload-marks';
import { uploadChanges, type UploadChanges, type UploadNote, type UploadPositions } from './upload-reading';
import { WorkbookRefused } from './workbook-errors';
import { readKeysSheet, type WorkbookKeys } from './workbook-keys';
import { readWorkbookCells, type WorkbookCells } from './xlsx-cells';

export interface UploadAnswer {
  status: PushOutcome['status'] | 'UNCHANGED';
  dryRun: boolean;
  tableId: number;
  baseVersion: number;
  version: number;
  contentHash: string;
  changeSetId: number | null;
  changedCells: number;
  appliedCells: number;
  replayed: boolean;
  messageVi: string;
  messageEn: string;
  findings: (SyncFinding & { address: string | null })[];
  conflicts: (CellConflict & { address: string | null })[];
  notes: UploadNote[];
}

const COMMENT = 'Tải lên tệp Excel / Workbook upload';

/** The same file (the same changes from the same version) gives the same key: uploading it twice applies once. */
function idempotencyKey(tableId: number, baseVersion: number, changes: CellChangeRequest[]): string {
  const hash = createHash('sha256').update(JSON.stringify([tableId, baseVersion, changes.map((change) => [change.rowKey, change.columnKey, change.value ?? null, change.text ?? null])]));
  return `workbook:${hash.digest('hex')}`;
}

/**
 * Sheets longer than this are refused while they are read: rows inserted above, notes or formatting below fit many
 * times over, a million rows do not.
 */
function maxSheetRows(tableRows: number): number {
  return 2 * tableRows + 100_000;
}

/** The uploaded workbook in full, to write the findings back on it: only when the marked workbook is asked for. */
async function loadForMarking(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookRefused(422, 'NOT_A_WORKBOOK', 'Không đọc được sổ làm việc (tệp .xlsx bị hỏng)', 'The workbook cannot be read (a damaged .xlsx file)');
  }
  return workbook;
}

function keysMissing(): WorkbookRefused {
  return new WorkbookRefused(
    422,
    'KEYS_MISSING',
    'Tệp không có trang mã khóa PlanBridge (đã bị xóa hoặc tệp không được tải về từ PlanBridge). Hãy tải bảng về lại và nhập lại các thay đổi.',
    'The file has no PlanBridge keys sheet (it was removed, or the file was not downloaded from PlanBridge). Download the table again and re-enter the changes.',
  );
}

export interface UploadRequest {
  tableId: string;
  body: Buffer;
  dryRun: boolean;
  /** Answer the workbook with the findings marked, besides the JSON. */
  marked: boolean;
  lang: Lang;
}

/**
 * The table the caller may change, checked before the file is read (NOT_FOUND for a table one may not read, as
 * for a missing one), with its row count to bound the sheets read. Not its cells: those are read once, under the
 * push's row lock.
 */
async function editableTable(em: EntityManager, access: Access, tableId: string): Promise<{ id: number; rowCount: number }> {
  const [table] = /^\d{1,9}$/.test(tableId)
    ? await em.execute(
        `select t.id, t.title, p.issuing_unit_id, (select count(*) from table_row r where r.table_id = t.id)::int as row_count
         from plan_table t join plan p on p.id = t.plan_id where t.id = ?`,
        [Number(tableId)],
      )
    : [];
  if (!table || !access.can('READ', table.issuing_unit_id)) throw tableNotFound(tableId);
  if (!access.can('EDIT', table.issuing_unit_id)) throw new WorkbookRefused(403, 'FORBIDDEN', `Bạn không có quyền sửa bảng "${table.title}"`, `You are not allowed to change table "${table.title}"`);
  return { id: table.id, rowCount: table.row_count };
}

/**
 * The file's keys checked against the table read under the push's row lock, and its changed cells pushed in that
 * same transaction: the table is read once, and no push can come between the check and the write.
 */
async function checkAndPush(tx: EntityManager, tableId: number, workbook: WorkbookCells, keys: WorkbookKeys, author: string, dryRun: boolean): Promise<{ state: TableState; read: UploadChanges; outcome: PushOutcome | null }> {
  const state = await lockTable(tx, tableId);
  const name = tableName(state);
  if (keys.tableId !== state.id) {
    throw new WorkbookRefused(422, 'WRONG_TABLE', `Tệp này là của bảng số ${keys.tableId}, không phải ${name.vi}; hãy tải lên đúng bảng`, `This file belongs to table ${keys.tableId}, not to ${name.en}; upload it to its own table`);
  }
  const sameKeys = (a: string[], b: readonly { key: string }[]) => a.length === b.length && a.every((key, index) => key === b[index].key);
  if (!sameKeys(keys.rowKeys, state.snapshot.rows) || !sameKeys(keys.columnKeys, state.snapshot.columns)) {
    throw new WorkbookRefused(409, 'STRUCTURE_CHANGED', `${name.vi} đã đổi cấu trúc (dòng hoặc cột) từ khi tệp được tải về ở phiên bản ${keys.version}; hãy tải bảng về lại`, `${name.en} changed its rows or columns since the file was downloaded at version ${keys.version}; download it again`);
  }
  const base = keys.version <= state.version ? await snapshotAtVersion(tx, state, keys.version) : null;
  if (!base || contentHash(base) !== keys.contentHash) {
    throw new WorkbookRefused(422, 'KEYS_DAMAGED', `Mã khóa PlanBridge trong tệp không khớp phiên bản ${keys.version} của ${name.vi}; hãy tải bảng về lại`, `The PlanBridge keys in the file do not match version ${keys.version} of ${name.en}; download the table again`);
  }
  const read = uploadChanges(workbook, base);
  if (read.changes.length === 0) return { state, read, outcome: null };
  const request = checkPushRequest({ tableId: state.id, baseVersion: keys.version, idempotencyKey: idempotencyKey(state.id, keys.version, read.changes), comment: COMMENT, changes: read.changes });
  return { state, read, outcome: await pushToLockedTable(tx, state, request, author, { dryRun }) };
}

export async function uploadWorkbook(em: EntityManager, access: Access, author: string, request: UploadRequest): Promise<{ answer: UploadAnswer; workbook: Buffer | null }> {
  const table = await editableTable(em, access, request.tableId);
  const parts = await checkUploadFormat(request.body);
  const workbook = readWorkbookCells(parts, maxSheetRows(table.rowCount));
  const keys = readKeysSheet(workbook);
  if (!keys) throw keysMissing();
  let pushed: Awaited<ReturnType<typeof checkAndPush>>;
  try {
    pushed = await em.transactional((tx) => checkAndPush(tx as EntityManager, table.id, workbook, keys, author, request.dryRun));
  } catch (error) {
    if (error instanceof PushRefused) {
      if (error.code === 'NOT_FOUND') throw tableNotFound(request.tableId);
      throw new WorkbookRefused(error.code === 'TABLE_LOCKED' ? 409 : 422, error.code, error.messageVi, error.messageEn);
    }
    throw error;
  }
  const { state, read, outcome } = pushed;
  const name = tableName(state);
  const addressOf = (rowKey: string, columnKey: string) => placed(read.positions, rowKey, columnKey);
  const answer: UploadAnswer = {
    status: outcome?.status ?? 'UNCHANGED',
    dryRun: request.dryRun,
    tableId: state.id,
    baseVersion: keys.version,
    version: outcome?.version ?? state.version,
    contentHash: outcome?.contentHash ?? contentHash(state.snapshot),
    changeSetId: outcome?.changeSetId ?? null,
    changedCells: read.changes.length,
    appliedCells: outcome?.appliedCells ?? 0,
    replayed: outcome?.replayed ?? false,
    messageVi: outcome?.messageVi ?? `${name.vi}: tệp không có ô nào khác phiên bản ${keys.version}; không có gì để ghi`,
    messageEn: outcome?.messageEn ?? `${name.en}: no cell of the file differs from version ${keys.version}; nothing to write`,
    findings: (outcome?.findings ?? []).map((finding) => ({ ...finding, address: finding.cells[0] ? addressOf(finding.cells[0].rowKey, finding.cells[0].columnKey) : null })),
    conflicts: (outcome?.conflicts ?? []).map((conflict) => ({ ...conflict, address: addressOf(conflict.rowKey, conflict.columnKey) })),
    notes: read.notes,
  };
  if (!request.marked) return { answer, workbook: null };
  const written = await loadForMarking(request.body);
  const sheet = written.getWorksheet(read.positions.sheet.name);
  if (sheet) markWorkbook(sheet, uploadMarks(answer), request.lang);
  return { answer, workbook: Buffer.from(await written.xlsx.writeBuffer()) };
}

function placed(positions: UploadPositions, rowKey: string, columnKey: string): string | null {
  const row = positions.rowAt.get(rowKey);
  const column = positions.columnAt.get(columnKey);
  return row === undefined || column === undefined ? null : `'${positions.sheet.name}'!${cellA1(row - 1, column - 1)}`;
}

/** Findings, conflicts and notes as one mark per cell. */
export function uploadMarks(answer: UploadAnswer): CellMark[] {
  const marks = new Map<string, CellMark>();
  for (const finding of answer.findings) if (finding.address) addMark(marks, finding.address, effectiveSeverity(finding), { vi: finding.messageVi, en: finding.messageEn });
  for (const conflict of answer.conflicts) {
    if (!conflict.address) continue;
    const show = (value: string | null) => value ?? '∅';
    addMark(marks, conflict.address, 'ERROR', {
      vi: `Xung đột: gốc ${show(conflict.base)}, người khác đã sửa thành ${show(conflict.theirs)}, bạn nhập ${show(conflict.mine)}`,
      en: `Conflict: base ${show(conflict.base)}, someone else changed it to ${show(conflict.theirs)}, you entered ${show(conflict.mine)}`,
    });
  }
  for (const note of answer.notes) addMark(marks, note.address, 'WARNING', { vi: note.messageVi, en: note.messageEn });
  return [...marks.values()];
}
