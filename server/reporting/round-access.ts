import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../auth/access';
import { reachableUnits } from '../db/unit-reach';
import { AdministrativeUnit, ReportingRound } from '../entities';
import { notFound } from '../../domain/refusal';

export interface RoundView {
  round: ReportingRound;
  /** The unit looked from (null: the whole country) and the units at or below it, through reorganisations (null: all, or not asked for). */
  unit: AdministrativeUnit | null;
  within: Set<number> | null;
}

/**
 * A round seen from a unit (by default the round's scope). A round, or a unit, the caller may not read
 * answers exactly like a round that does not exist: nothing is learnt by probing.
 */
export async function roundFrom(em: EntityManager, access: Access, roundId: number, unitId: number | null, options: { within: boolean } = { within: true }): Promise<RoundView> {
  const missing = () => notFound('reporting round', 'đợt báo cáo', String(roundId));
  const round = await em.findOne(ReportingRound, roundId, { populate: ['form', 'formVersion', 'formVersion.template'] });
  if (!round) throw missing();
  const from = unitId ?? round.scopeUnit?.id ?? null;
  if (from === null) {
    if (access.unitsFor('READ') !== 'ALL') throw missing();
    return { round, unit: null, within: null };
  }
  const unit = await em.findOne(AdministrativeUnit, from);
  if (!unit || !access.can('READ', unit.id)) throw missing();
  return { round, unit, within: options.within ? new Set(await reachableUnits(em, unit.id, { children: true, predecessors: true })) : null };
}
