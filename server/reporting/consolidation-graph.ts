import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source, UnitGraph } from '../../domain/indicators/roll-up';
import { NATION } from '../indicators/unit-graph';

/**
 * The units as a round sees them: a unit that existed on the period's last day is made of its child
 * units of that day; a unit formed later (today's Cần Thơ for a first-half 2025 round) is made of what
 * it was formed from, splits passing their share (or not comparable without one), like the indicator
 * roll-ups' graph. NATION is made of the top-level units of the day.
 */
export async function roundUnitGraph(em: EntityManager, periodEnd: string): Promise<UnitGraph> {
  const units: { id: number; parent_id: number | null; exists: boolean }[] = await em.execute(
    `select id, parent_id, (valid_from <= ?::date and (valid_to is null or valid_to >= ?::date)) as exists from administrative_unit`,
    [periodEnd, periodEnd],
  );
  const links: { predecessor_id: number; successor_id: number; kind: string; share: string | null }[] = await em.execute(
    `select predecessor_id, successor_id, kind, trim_scale(share)::text as share from unit_succession`,
  );
  const existed = new Set(units.filter((unit) => unit.exists).map((unit) => unit.id));
  existed.add(NATION);
  const sources = new Map<number, Source[]>();
  const add = (to: number, source: Source) => {
    if (!sources.has(to)) sources.set(to, []);
    sources.get(to)!.push(source);
  };
  for (const unit of units) {
    const parent = unit.parent_id ?? NATION;
    if (unit.exists && existed.has(parent)) add(parent, { unitId: unit.id, share: null, comparable: true });
  }
  for (const link of links) {
    if (existed.has(link.successor_id)) continue;
    const split = link.kind === 'SPLIT';
    add(link.successor_id, { unitId: link.predecessor_id, share: split ? link.share : null, comparable: !split || link.share !== null });
  }
  return { sourcesOf: (id) => sources.get(id) ?? [] };
}
