import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../auth/access';
import { pgArray } from '../db/numeric';
import { ReportingRound } from '../entities';

/**
 * reportingRounds: the rounds with a report of a unit the caller may read (their own or one below), the
 * latest period first. A round of other units does not appear, as if it did not exist.
 */
export async function readableRounds(em: EntityManager, access: Access): Promise<ReportingRound[]> {
  const units = access.unitsFor('READ');
  if (units !== 'ALL' && units.length === 0) return [];
  const ids: { id: number }[] = await em.execute(
    `select r.id from reporting_round r
      ${units === 'ALL' ? '' : 'where exists (select 1 from report_instance i where i.round_id = r.id and i.unit_id = any(?::int[]))'}
      order by r.period_end desc, r.deadline desc, r.id desc`,
    units === 'ALL' ? [] : [pgArray(units)],
  );
  const rounds = new Map((await em.find(ReportingRound, { id: { $in: ids.map((row) => row.id) } })).map((round) => [round.id, round]));
  return ids.map((row) => rounds.get(row.id)!);
}
