import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source, UnitGraph } from '../../domain/indicators/roll-up';
import { readIntegers } from './aggregated-lists';

interface Succession {
  predecessor: number;
  successor: number;
  split: boolean;
  share: string | null;
}

/**
 * The whole country, as a unit of the graph that no record has: what flows into it is every top-level
 * unit of the date. Unit ids are serial and start at 1, so 0 is free.
 */
export const NATION = 0;

/**
 * What flows into each unit on `asOf`: its child units (those of that date, for a unit that exists
 * then; for a unit of the past, those that went into no successor of their own) and the units it was formed from by reorganisations in
 * force by then. Splits pass their share, or are not comparable without one. NATION, which exists
 * on every date, is the parent of the top-level units: it gathers those of the date, and those of
 * the past reach it through their successors.
 *
 * The units come as three lists in one row (id, parent, valid on the date): ten thousand units as rows
 * took the driver longer than the roll-up of a province.
 */
export async function unitGraphAsOf(em: EntityManager, asOf: string): Promise<UnitGraph> {
  const [units]: { ids: string | null; parents: string | null; valid: string | null; successions: Succession[] | null }[] = await em.execute(
    `select string_agg(id::text, ',') as ids, string_agg(coalesce(parent_id, ${NATION})::text, ',') as parents,
            string_agg(case when valid_from <= ?::date and (valid_to is null or valid_to >= ?::date) then '1' else '0' end, '') as valid,
            (select json_agg(json_build_object('predecessor', predecessor_id, 'successor', successor_id, 'split', kind = 'SPLIT', 'share', trim_scale(share)::text))
               from unit_succession where effective_on <= ?::date) as successions
       from administrative_unit`,
    [asOf, asOf, asOf],
  );
  const ids = readIntegers(units.ids);
  const parents = readIntegers(units.parents);
  const validOn = new Map<number, boolean>([[NATION, true]]);
  ids.forEach((id, index) => validOn.set(id, units.valid![index] === '1'));
  const sources = new Map<number, Source[]>();
  const add = (to: number, source: Source) => {
    if (!sources.has(to)) sources.set(to, []);
    sources.get(to)!.push(source);
  };
  const succeeded = new Set((units.successions ?? []).map((link) => link.predecessor));
  ids.forEach((id, index) => {
    if (validOn.get(parents[index]) && !validOn.get(id)) return; // a unit of the date keeps the children of the date only
    // A unit of the past does not pass on a child that has successors of its own: the child reaches the
    // units of the date through them, and a second path (old commune → old province → new province beside
    // old commune → new commune → new province) would count it twice.
    if (!validOn.get(parents[index]) && succeeded.has(id)) return;
    add(parents[index], { unitId: id, share: null, comparable: true });
  });
  for (const link of units.successions ?? []) {
    add(link.successor, { unitId: link.predecessor, share: link.split ? link.share : null, comparable: !link.split || link.share !== null });
  }
  return { sourcesOf: (id) => sources.get(id) ?? [] };
}
