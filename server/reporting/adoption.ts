import type { EntityManager } from '@mikro-orm/postgresql';
import { ExactDecimal, toCanonical } from '../../domain/exact-decimal';
import type { Access } from '../auth/access';
import { forbidden } from '../auth/auth-errors';
import { PlanTable } from '../entities';
import { Refusal } from '../../domain/refusal';
import { pushTable } from '../tables/push-table';
import { consolidate, type IncludedStatus } from './consolidation';
import { createReports } from './round-opening';

/** Table cells hold numeric(20,4): a figure made finer by a split share is pre-filled rounded to that. */
const STORED_SCALE = 4;

/**
 * adoptConsolidation: the consolidation of the units below becomes the unit's own report in the round,
 * a draft pre-filled through an ordinary push (history, rules), to be corrected and submitted upward.
 * All or nothing: a unit that already has its report in the round, or figures the rules refuse, write nothing.
 */
export async function adoptConsolidation(em: EntityManager, access: Access, roundId: number, unitId: number, include: IncludedStatus[], author: string): Promise<PlanTable> {
  const consolidation = await consolidate(em, access, roundId, unitId, include);
  const { round, unit } = consolidation.view;
  if (!access.can('EDIT', unitId)) throw forbidden(`lập báo cáo của ${unit!.name}`, `make the report of ${unit!.name}`);
  if (consolidation.contributing.length + consolidation.missing.length === 0) {
    throw new Refusal('NOTHING_BELOW', `${unit!.name} không có đơn vị báo cáo nào trong đợt này`, `${unit!.name} has no reporting unit in this round`);
  }
  return em.transactional(async (tx) => {
    const [existing] = await tx.execute(`select table_id from report_instance where round_id = ? and unit_id = ? for update`, [round.id, unitId]);
    if (existing) {
      throw new Refusal('REPORT_EXISTS', `${unit!.name} đã có báo cáo trong đợt này (bảng ${existing.table_id})`, `${unit!.name} already has its report in this round (table ${existing.table_id})`, { tableId: String(existing.table_id) });
    }
    const [tableId] = await createReports(tx as EntityManager, round, [unitId], true);
    const snapshot = consolidation.snapshot;
    const changes = snapshot.rows.flatMap((row, r) =>
      row.editable ? snapshot.rowValues(r).flatMap((value, c) => (value !== null && snapshot.columns[c].editable ? [{ rowKey: row.key, columnKey: snapshot.columns[c].key, value: toCanonical(new ExactDecimal(value).toDecimalPlaces(STORED_SCALE)) }] : [])) : [],
    );
    if (changes.length) {
      const pushed = await pushTable(
        tx as EntityManager,
        { tableId, baseVersion: 1, idempotencyKey: `adopt-round-${round.id}`, comment: `Tổng hợp từ ${consolidation.contributing.length} đơn vị (${consolidation.included.join(', ')}) / consolidated from ${consolidation.contributing.length} units`, changes },
        author,
      );
      if (pushed.status !== 'APPLIED') {
        throw new Refusal('CONSOLIDATION_REFUSED', `Số liệu tổng hợp không qua được kiểm tra của biểu mẫu: ${pushed.messageVi}`, `The consolidated figures fail the form's rules: ${pushed.messageEn}`, { findings: pushed.findings });
      }
    }
    return tx.findOneOrFail(PlanTable, tableId);
  });
}

