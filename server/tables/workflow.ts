import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../auth/access';
import { forbidden } from '../auth/auth-errors';
import { PlanTable, TableKind, TableStatus, User, WorkflowEvent } from '../entities';
import { recordApprovedValues } from '../indicators/indicator-table';
import { Refusal, notReadable } from '../../domain/refusal';
import { checkPendingBelow } from '../reporting/approval-levels';

export type WorkflowAction = 'SUBMIT' | 'APPROVE' | 'REOPEN';

const TRANSITIONS: Record<WorkflowAction, { from: TableStatus[]; to: TableStatus; capability: 'EDIT' | 'APPROVE' }> = {
  SUBMIT: { from: [TableStatus.DRAFT], to: TableStatus.SUBMITTED, capability: 'EDIT' },
  APPROVE: { from: [TableStatus.SUBMITTED], to: TableStatus.APPROVED, capability: 'APPROVE' },
  REOPEN: { from: [TableStatus.SUBMITTED, TableStatus.APPROVED], to: TableStatus.DRAFT, capability: 'APPROVE' },
};

const ACTION_NAMES: Record<WorkflowAction, [string, string]> = {
  SUBMIT: ['gửi duyệt bảng này', 'submit this table'],
  APPROVE: ['duyệt bảng này', 'approve this table'],
  REOPEN: ['mở lại bảng này', 'reopen this table'],
};

/** A table a user may not read answers exactly like a table that does not exist. */
export async function readableTable(em: EntityManager, access: Access, tableId: number, label: string): Promise<PlanTable> {
  const table = await em.findOne(PlanTable, tableId, { populate: ['plan'] });
  if (!table || !access.can('READ', table.plan.issuingUnit.id)) throw notReadable(access, 'table', 'bảng', label);
  return table;
}

/**
 * Segregation of duties: nobody approves what they submitted, nor a version holding cells they
 * pushed themselves since the table was last approved.
 */
async function refuseSelfApproval(em: EntityManager, table: PlanTable, approver: User): Promise<void> {
  const submission = await em.findOne(WorkflowEvent, { table, toStatus: TableStatus.SUBMITTED }, { orderBy: { id: 'desc' } });
  if (submission && submission.actor.id === approver.id) {
    throw new Refusal('SELF_APPROVAL', 'Không được tự duyệt báo cáo do chính mình gửi', 'Nobody may approve their own submission');
  }
  const approval = await em.findOne(WorkflowEvent, { table, toStatus: TableStatus.APPROVED }, { orderBy: { id: 'desc' } });
  const [own] = await em.execute(
    'select count(*)::int as n from change_set where table_id = ? and author = ? and created_at > ?',
    [table.id, approver.login, approval?.at ?? new Date(0)],
  );
  if (own.n > 0) {
    throw new Refusal(
      'SELF_APPROVAL',
      'Không được duyệt phiên bản có số liệu do chính mình nhập kể từ lần duyệt trước',
      'Nobody may approve a version containing their own changes since the last approval',
    );
  }
}

/**
 * draft → submitted → approved (locked), and back to draft by reopening with a reason.
 * Submitting needs the edit right on the table's own unit; approving and reopening need an
 * approver of a unit above it, who is not the one who submitted. Approving an indicator table
 * records its values as indicator values, in the same transaction.
 */
export async function transitionTable(em: EntityManager, access: Access, tableId: number, action: WorkflowAction, comment: string | null, pendingBelowReason: string | null = null): Promise<PlanTable> {
  return em.transactional(async (tx) => {
    // Lock the row first, then read: the status checked below is the one this transaction changes.
    await tx.execute('select 1 from plan_table where id = ? for update', [tableId]);
    const table = await readableTable(tx as EntityManager, access, tableId, String(tableId));
    const rule = TRANSITIONS[action];
    const [vi, en] = ACTION_NAMES[action];
    if (!access.can(rule.capability, table.plan.issuingUnit.id)) throw forbidden(vi, en);
    if (!rule.from.includes(table.status)) {
      throw new Refusal('BAD_STATUS', `Không thể ${vi}: bảng đang ở trạng thái ${table.status}`, `Cannot ${en}: the table is ${table.status}`, { status: table.status });
    }
    if (action === 'REOPEN' && !comment?.trim()) {
      throw new Refusal('BAD_USER_INPUT', 'Cần ghi lý do mở lại', 'A reason is required to reopen', { argument: 'comment' });
    }
    if (action === 'APPROVE') await refuseSelfApproval(tx as EntityManager, table, access.user!);
    const overridden = action === 'SUBMIT' ? await checkPendingBelow(tx as EntityManager, table.id, pendingBelowReason) : null;
    tx.create(WorkflowEvent, {
      table,
      fromStatus: table.status,
      toStatus: rule.to,
      actor: tx.getReference(User, access.user!.id),
      comment: comment?.trim() || null,
      pendingBelowReason: overridden,
    });
    table.status = rule.to;
    await tx.flush();
    // Approval makes an indicator table's values the figures of record; reopening leaves the approved ones in force.
    if (action === 'APPROVE' && table.kind === TableKind.INDICATOR_VALUES) await recordApprovedValues(tx as EntityManager, table.id);
    return table;
  });
}
