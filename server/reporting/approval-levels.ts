import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../db/numeric';
import { reachableUnits } from '../db/unit-reach';
import { Refusal } from '../../domain/refusal';

/**
 * A unit's own report in a round waits for the decisions on the reports below it: while one of them
 * is submitted but neither approved nor sent back, submitting is refused unless the unit gives its
 * reason, which is then recorded with the submission. Returns the reason to record (null when nothing waited).
 */
export async function checkPendingBelow(em: EntityManager, tableId: number, reason: string | null): Promise<string | null> {
  const [own] = await em.execute(`select round_id, unit_id from report_instance where table_id = ?`, [tableId]);
  if (!own) return null; // not a round's report
  const below = (await reachableUnits(em, own.unit_id, { children: true, predecessors: true })).filter((id) => id !== own.unit_id);
  if (below.length === 0) return null;
  const pending: { name: string; key: string }[] = await em.execute(
    `select u.name, u.key from report_instance i join plan_table t on t.id = i.table_id join administrative_unit u on u.id = i.unit_id
      where i.round_id = ? and i.unit_id = any(?::int[]) and t.status = 'SUBMITTED' order by u.code, u.id`,
    [own.round_id, pgArray(below)],
  );
  if (pending.length === 0) return null;
  if (reason?.trim()) return reason.trim();
  const names = pending.slice(0, 5).map((unit) => unit.name).join(', ') + (pending.length > 5 ? ` (+${pending.length - 5})` : '');
  throw new Refusal(
    'PENDING_BELOW',
    `Còn ${pending.length} báo cáo của cấp dưới đã gửi nhưng chưa được duyệt hay trả lại: ${names}. Hãy quyết định các báo cáo đó, hoặc ghi lý do gửi trước (pendingBelowReason)`,
    `${pending.length} report(s) of units below are submitted but not yet approved or sent back: ${names}. Decide them first, or give the reason to submit anyway (pendingBelowReason)`,
    { pendingUnits: pending.map((unit) => unit.key) },
  );
}
