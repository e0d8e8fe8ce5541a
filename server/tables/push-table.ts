import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Refusal } from '../../domain/refusal';
import { validateTable } from '../../domain/rules';
import type { CellValue } from '../../domain/table-model';
import { pgArray } from '../db/numeric';
import { inputFinding, parseChanges } from '../../domain/sync/change-parsing';
import { markPreExisting } from '../../domain/sync/pre-existing';
import { contentHash } from './content-hash';
import type { CellConflict, PushOutcome, PushRequest, SyncFinding } from '../../domain/sync/sync-types';
import { announceTableChange } from './table-changes';
import { changesSince } from './table-history';
import { loadTableState, type TableState } from './table-state';

/** A push the server refuses as a whole, before looking at cells (unknown table, reused key…). */
export class PushRefused extends Refusal {}

export const MAX_CHANGES_PER_PUSH = 100_000;

function requestHash(request: PushRequest): string {
  const canonical = JSON.stringify({
    tableId: request.tableId,
    baseVersion: request.baseVersion,
    comment: request.comment ?? null,
    changes: request.changes.map((change) => [change.rowKey, change.columnKey, change.value === undefined ? '~' : change.value, change.text ?? '~']),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

function outcome(state: TableState, hash: string, fields: Partial<PushOutcome> & Pick<PushOutcome, 'status' | 'messageVi' | 'messageEn'>): PushOutcome {
  return {
    tableId: state.id,
    tableTitle: state.title,
    version: state.version,
    contentHash: hash,
    changeSetId: null,
    appliedCells: 0,
    findings: [],
    conflicts: [],
    replayed: false,
    ...fields,
  };
}

export function tableName(state: TableState): { vi: string; en: string } {
  return { vi: `Bảng "${state.title}" (${state.documentNumber})`, en: `Table "${state.title}" (${state.documentNumber})` };
}

function rejected(state: TableState, findings: SyncFinding[]): PushOutcome {
  const name = tableName(state);
  const errors = findings.filter((finding) => finding.severity === 'ERROR' && !finding.preExisting).length;
  return outcome(state, contentHash(state.snapshot), {
    status: 'REJECTED',
    findings,
    messageVi: `${name.vi}: ${errors} lỗi, không có thay đổi nào được ghi`,
    messageEn: `${name.en}: ${errors} error(s), nothing was written`,
  });
}

/**
 * Cells someone else changed since the client's base version. A cell both sides changed to
 * different values is a conflict; a cell both changed to the same value needs nothing.
 */
async function mergeAgainstHistory(em: EntityManager, state: TableState, baseVersion: number, mine: CellValue[]): Promise<{ changes: CellValue[]; conflicts: CellConflict[] }> {
  if (baseVersion === state.version) return { changes: mine, conflicts: [] };
  const theirs = new Map<string, { base: string | null; theirs: string | null }>();
  for (const change of await changesSince(em, state, baseVersion)) {
    const key = `${change.rowKey}\u0000${change.columnKey}`;
    const seen = theirs.get(key);
    theirs.set(key, { base: seen ? seen.base : change.oldValue, theirs: change.newValue });
  }
  const changes: CellValue[] = [];
  const conflicts: CellConflict[] = [];
  for (const change of mine) {
    const other = theirs.get(`${change.rowKey}\u0000${change.columnKey}`);
    if (!other) changes.push(change);
    else if (other.theirs !== change.value) {
      const row = state.snapshot.rows[state.snapshot.rowIndex(change.rowKey)!];
      const column = state.snapshot.columns[state.snapshot.columnIndex(change.columnKey)!];
      conflicts.push({
        rowKey: change.rowKey,
        columnKey: change.columnKey,
        rowNumber: row.publishedNumber,
        rowLabel: row.label,
        columnLabel: column.label,
        base: other.base,
        theirs: other.theirs,
        mine: change.value,
      });
    }
  }
  return { changes, conflicts };
}

export async function writeChanges(em: EntityManager, state: TableState, changed: { change: CellValue; old: string | null }[], request: PushRequest, author: string, hash: string, result: (changeSetId: number) => PushOutcome): Promise<PushOutcome> {
  const newVersion = state.version + 1;
  const rowIds = changed.map(({ change }) => state.rowIds.get(change.rowKey)!);
  const columnIds = changed.map(({ change }) => state.columnIds.get(change.columnKey)!);
  const filled = changed.map(({ change }, index) => ({ index, value: change.value })).filter((entry) => entry.value !== null);
  const emptied = changed.map(({ change }, index) => ({ index, value: change.value })).filter((entry) => entry.value === null);
  if (filled.length) {
    await em.execute(
      `insert into table_cell (row_id, column_id, table_id, value)
       select r, c, ?, v from unnest(?::int[], ?::int[], ?::numeric[]) as t(r, c, v)
       on conflict (row_id, column_id) do update set value = excluded.value`,
      [state.id, pgArray(filled.map((entry) => rowIds[entry.index])), pgArray(filled.map((entry) => columnIds[entry.index])), pgArray(filled.map((entry) => entry.value))],
    );
  }
  if (emptied.length) {
    await em.execute(
      `delete from table_cell t using unnest(?::int[], ?::int[]) as d(r, c) where t.row_id = d.r and t.column_id = d.c`,
      [pgArray(emptied.map((entry) => rowIds[entry.index])), pgArray(emptied.map((entry) => columnIds[entry.index]))],
    );
  }
  const bumped = await em.execute(`update plan_table set version = ? where id = ? and version = ?`, [newVersion, state.id, state.version], 'run');
  if ((bumped as unknown as { affectedRows: number }).affectedRows !== 1) throw new Error('optimistic lock lost while holding the row lock');
  const [changeSet] = await em.execute(
    `insert into change_set (table_id, version_before, version_after, author, comment, created_at, idempotency_key, request_hash, result, content_hash)
     values (?, ?, ?, ?, ?, now(), ?, ?, '{}'::jsonb, ?) returning id`,
    [state.id, state.version, newVersion, author, request.comment ?? null, request.idempotencyKey, requestHash(request), hash],
  );
  await em.execute(
    `insert into cell_change (change_set_id, table_id, version_after, row_id, column_id, old_value, new_value)
     select ?, ?, ?, r, c, o, n from unnest(?::int[], ?::int[], ?::numeric[], ?::numeric[]) as t(r, c, o, n)`,
    [changeSet.id, state.id, newVersion, pgArray(rowIds), pgArray(columnIds), pgArray(changed.map(({ old }) => old)), pgArray(changed.map(({ change }) => change.value))],
  );
  const answer = result(changeSet.id);
  await em.execute(`update change_set set result = ?::jsonb where id = ?`, [JSON.stringify(answer), changeSet.id]);
  await announceTableChange(em, state.id, newVersion);
  return answer;
}

/** Submitted and approved tables refuse every change, of cells or of structure, until reopened. */
export async function refuseUnlessDraft(em: EntityManager, state: TableState): Promise<void> {
  if (state.status === 'DRAFT') return;
  const [event] = await em.execute(
    `select u.display_name, e.at from workflow_event e join app_user u on u.id = e.actor_id where e.table_id = ? order by e.id desc limit 1`,
    [state.id],
  );
  const by = event ? ` (${event.display_name}, ${new Date(event.at).toISOString()})` : '';
  const name = tableName(state);
  throw new PushRefused(
    'TABLE_LOCKED',
    `${name.vi} đang ở trạng thái ${state.status === 'SUBMITTED' ? 'đã gửi duyệt' : 'đã duyệt'}${by}; không thể sửa cho đến khi được mở lại`,
    `${name.en} is ${state.status.toLowerCase()}${by}; it cannot be changed until it is reopened`,
  );
}

/** A request no table could take (too many changes, a bad idempotency key) is refused before any table is read. */
export function checkPushRequest(pushed: PushRequest): PushRequest {
  // Stored and looked up the same way: a retry with the key padded differently is still a replay.
  const request = { ...pushed, idempotencyKey: pushed.idempotencyKey.trim() };
  if (request.changes.length > MAX_CHANGES_PER_PUSH) {
    throw new PushRefused('TOO_MANY_CHANGES', `Quá nhiều thay đổi (${request.changes.length}); tối đa ${MAX_CHANGES_PER_PUSH}`, `Too many changes (${request.changes.length}); at most ${MAX_CHANGES_PER_PUSH}`);
  }
  const key = request.idempotencyKey;
  if (key.length === 0 || key.length > 200) {
    throw new PushRefused('BAD_IDEMPOTENCY_KEY', 'idempotencyKey phải có từ 1 đến 200 ký tự', 'idempotencyKey must have 1 to 200 characters');
  }
  return request;
}

/** The table under its row lock (`for update`): pushes to one table then run one after another. */
export async function lockTable(tx: EntityManager, tableId: number): Promise<TableState> {
  const state = await loadTableState(tx, tableId, { lock: true });
  if (!state) throw new PushRefused('NOT_FOUND', `Không tìm thấy bảng "${tableId}"`, `No table "${tableId}"`);
  return state;
}

/**
 * pushTable: parse every change, merge against what others pushed since baseVersion, apply in
 * memory, run the template's rules, then commit everything in one transaction or nothing. A dry run
 * does all of it but the writing, and answers what would be written.
 */
export async function pushTable(em: EntityManager, pushed: PushRequest, author: string, options: { dryRun?: boolean } = {}): Promise<PushOutcome> {
  const request = checkPushRequest(pushed);
  return em.transactional(async (tx) => pushToLockedTable(tx as EntityManager, await lockTable(tx as EntityManager, request.tableId), request, author, options));
}

/**
 * pushTable's work on a table the caller read with lockTable in the transaction `tx`, for callers that check
 * something against that same state first (an upload's keys): the table is read once, and cannot change between.
 * `request` is one checkPushRequest accepted.
 */
export async function pushToLockedTable(tx: EntityManager, state: TableState, request: PushRequest, author: string, options: { dryRun?: boolean } = {}): Promise<PushOutcome> {
  const key = request.idempotencyKey;
  const name = tableName(state);

  const [earlier] = await tx.execute(`select request_hash, result from change_set where table_id = ? and idempotency_key = ?`, [state.id, key]);
  if (earlier) {
    if (earlier.request_hash !== requestHash(request)) {
      throw new PushRefused('IDEMPOTENCY_KEY_REUSED', `idempotencyKey "${key}" đã được dùng cho một lần gửi khác`, `idempotencyKey "${key}" was already used for a different push`);
    }
    return { ...(earlier.result as PushOutcome), replayed: true };
  }
  await refuseUnlessDraft(tx, state);
  if (request.changes.length === 0) {
    throw new PushRefused('NO_CHANGES', `${name.vi}: danh sách thay đổi trống`, `${name.en}: the list of changes is empty`);
  }
  if (!Number.isInteger(request.baseVersion) || request.baseVersion < 1 || request.baseVersion > state.version) {
    throw new PushRefused('BAD_BASE_VERSION', `${name.vi}: baseVersion ${request.baseVersion} không tồn tại (hiện tại ${state.version})`, `${name.en}: baseVersion ${request.baseVersion} does not exist (current ${state.version})`);
  }

  const parsed = parseChanges(state.snapshot, request.changes);
  const applied = state.snapshot.withChanges(parsed.values);
  const structural = applied.ok
    ? []
    : applied.errors.map((error) => inputFinding(state.snapshot, error, error.code, error.messageVi, error.messageEn, null));
  if (parsed.findings.length || structural.length) return rejected(state, [...parsed.findings, ...structural]);

  const merged = await mergeAgainstHistory(tx, state, request.baseVersion, parsed.values);
  if (merged.conflicts.length) {
    return outcome(state, contentHash(state.snapshot), {
      status: 'CONFLICT',
      conflicts: merged.conflicts,
      messageVi: `${name.vi}: ${merged.conflicts.length} ô đã bị người khác sửa khác đi kể từ phiên bản ${request.baseVersion}; không có thay đổi nào được ghi`,
      messageEn: `${name.en}: ${merged.conflicts.length} cell(s) were changed differently by someone else since version ${request.baseVersion}; nothing was written`,
    });
  }
  const next = state.snapshot.withChanges(merged.changes);
  if (!next.ok) throw new Error('changes valid against the snapshot became invalid after merging');
  const after = validateTable(next.snapshot, state.rules, state.validation);
  // The stored table is validated only when needed: to tell its own errors from new ones.
  const findings = markPreExisting(after.some((finding) => finding.severity === 'ERROR') ? validateTable(state.snapshot, state.rules, state.validation) : [], after);
  if (findings.some((finding) => finding.severity === 'ERROR' && !finding.preExisting)) return rejected(state, findings);

  const changed = merged.changes
    .map((change) => ({ change, old: state.snapshot.value(change.rowKey, change.columnKey) }))
    .filter(({ change, old }) => change.value !== old);
  const hash = contentHash(next.snapshot);
  if (changed.length === 0) {
    return outcome(state, contentHash(state.snapshot), {
      status: 'APPLIED',
      findings,
      messageVi: `${name.vi}: các giá trị gửi lên trùng với giá trị hiện có, không cần ghi`,
      messageEn: `${name.en}: the values sent equal the stored ones, nothing to write`,
    });
  }
  if (options.dryRun) {
    return outcome(state, contentHash(state.snapshot), {
      status: 'APPLIED',
      findings,
      appliedCells: changed.length,
      messageVi: `${name.vi}: chạy thử — sẽ ghi ${changed.length} ô; chưa ghi gì`,
      messageEn: `${name.en}: dry run — ${changed.length} cell(s) would be written; nothing was written`,
    });
  }
  return writeChanges(tx, state, changed, request, author, hash, (changeSetId) => ({
    ...outcome(state, hash, {
      status: 'APPLIED',
      findings,
      messageVi: `${name.vi}: đã ghi ${changed.length} ô, phiên bản ${state.version + 1}`,
      messageEn: `${name.en}: ${changed.length} cell(s) written, version ${state.version + 1}`,
    }),
    version: state.version + 1,
    changeSetId,
    appliedCells: changed.length,
  }));
}
