import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source, UnitGraph } from '../../domain/indicators/roll-up';

interface UnitRecord {
  id: number;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
}

/**
 * What flows into each unit on `asOf`: its child units (those of that date, for a unit that exists
 * then; all of them for a unit of the past) and the units it was formed from by reorganisations in
 * force by then. Splits pass their share, or are not comparable without one.
 */
export async function unitGraphAsOf(em: EntityManager, asOf: string): Promise<UnitGraph & { validOn(unitId: number): boolean }> {
  const units: UnitRecord[] = await em.execute(
    `select id, parent_id, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to from administrative_unit`,
  );
  const links: { predecessor_id: number; successor_id: number; kind: string; share: string | null }[] = await em.execute(
    `select predecessor_id, successor_id, kind, trim_scale(share)::text as share from unit_succession where effective_on <= ?::date`,
    [asOf],
  );
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const validOn = (id: number) => {
    const unit = byId.get(id);
    return !!unit && unit.valid_from <= asOf && (unit.valid_to === null || unit.valid_to >= asOf);
  };
  const sources = new Map<number, Source[]>();
  const add = (to: number, source: Source) => {
    if (!sources.has(to)) sources.set(to, []);
    sources.get(to)!.push(source);
  };
  for (const unit of units) {
    if (unit.parent_id === null) continue;
    if (validOn(unit.parent_id) && !validOn(unit.id)) continue; // a unit of today keeps today's children only
    add(unit.parent_id, { unitId: unit.id, share: null, comparable: true });
  }
  for (const link of links) {
    const split = link.kind === 'SPLIT';
    add(link.successor_id, { unitId: link.predecessor_id, share: split ? link.share : null, comparable: !split || link.share !== null });
  }
  return { sourcesOf: (id) => sources.get(id) ?? [], validOn };
}

/** Every unit whose data can flow into `unitId`. */
export function reachable(graph: UnitGraph, unitId: number): number[] {
  const seen = new Set<number>([unitId]);
  const stack = [unitId];
  while (stack.length) {
    for (const source of graph.sourcesOf(stack.pop()!)) {
      if (!seen.has(source.unitId)) {
        seen.add(source.unitId);
        stack.push(source.unitId);
      }
    }
  }
  return [...seen];
}
