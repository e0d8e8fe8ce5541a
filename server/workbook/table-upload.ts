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
import { PushRefused, pushTable } from '../tables/push-table';
import { snapshotAtVersion } from '../tables/table-history';
import { readableTable } from './table-download';
import { checkUploadFormat } from './upload-format';
import { markWorkbook } from './upload-marks';
import { uploadChanges, type UploadNote, type UploadPositions } from './upload-reading';
import { WorkbookRefused } from './workbook-errors';
import { readKeysSheet } from './workbook-keys';
import { readWorkbookCells } from './xlsx-cells';

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

export async function uploadWorkbook(em: EntityManager, access: Access, author: string, request: UploadRequest): Promise<{ answer: UploadAnswer; workbook: Buffer | null }> {
  const state = await readableTable(em, access, request.tableId);
  const name = { vi: `Bảng "${state.title}" (${state.documentNumber})`, en: `Table "${state.title}" (${state.documentNumber})` };
  if (!access.can('EDIT', state.unitId)) throw new WorkbookRefused(403, 'FORBIDDEN', `Bạn không có quyền sửa bảng "${state.title}"`, `You are not allowed to change table "${state.title}"`);
  const parts = await checkUploadFormat(request.body);
  const workbook = readWorkbookCells(parts, maxSheetRows(state.snapshot.rows.length));
  const keys = readKeysSheet(workbook);
  if (!keys) throw keysMissing();
  if (keys.tableId !== state.id) {
    throw new WorkbookRefused(422, 'WRONG_TABLE', `Tệp này là của bảng số ${keys.tableId}, không phải ${name.vi}; hãy tải lên đúng bảng`, `This file belongs to table ${keys.tableId}, not to ${name.en}; upload it to its own table`);
  }
  const sameKeys = (a: string[], b: readonly { key: string }[]) => a.length === b.length && a.every((key, index) => key === b[index].key);
  if (!sameKeys(keys.rowKeys, state.snapshot.rows) || !sameKeys(keys.columnKeys, state.snapshot.columns)) {
    throw new WorkbookRefused(409, 'STRUCTURE_CHANGED', `${name.vi} đã đổi cấu trúc (dòng hoặc cột) từ khi tệp được tải về ở phiên bản ${keys.version}; hãy tải bảng về lại`, `${name.en} changed its rows or columns since the file was downloaded at version ${keys.version}; download it again`);
  }
  const base = keys.version <= state.version ? await snapshotAtVersion(em, state, keys.version) : null;
  if (!base || contentHash(base) !== keys.contentHash) {
    throw new WorkbookRefused(422, 'KEYS_DAMAGED', `Mã khóa PlanBridge trong tệp không khớp phiên bản ${keys.version} của ${name.vi}; hãy tải bảng về lại`, `The PlanBridge keys in the file do not match version ${keys.version} of ${name.en}; download the table again`);
  }
  const read = uploadChanges(workbook, base);
  const addressOf = (rowKey: string, columnKey: string) => placed(read.positions, rowKey, columnKey);
  let outcome: PushOutcome | null = null;
  if (read.changes.length > 0) {
    try {
      outcome = await pushTable(em, { tableId: state.id, baseVersion: keys.version, idempotencyKey: idempotencyKey(state.id, keys.version, read.changes), comment: COMMENT, changes: read.changes }, author, { dryRun: request.dryRun });
    } catch (error) {
      if (error instanceof PushRefused) throw new WorkbookRefused(error.code === 'TABLE_LOCKED' ? 409 : 422, error.code, error.messageVi, error.messageEn);
      throw error;
    }
  }
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
