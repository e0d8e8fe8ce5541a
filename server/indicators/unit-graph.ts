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

/** Where a unit stands on the date: not yet formed (F), existing (C), or of the past (P). */
type Era = 'F' | 'C' | 'P';

/**
 * What flows into each unit on `asOf`: its child units of that date, the units it was formed from by
 * reorganisations in force by then, and its children of the past that no succession carries. Each unit of
 * the past thus flows on by one way only: into its successors when it has any, else into its parent —
 * whether that parent is of the past (a merged province's districts) or still exists (the abolished
 * districts of a province that was not merged, which carry the communes the sources map nowhere).
 * Units not yet formed on the date flow into no unit of the date. Splits pass their share, or are not
 * comparable without one. NATION, which exists on every date, is the parent of the top-level units: it
 * gathers those of the date, and those of the past reach it through their successors.
 *
 * The units come as three lists in one row (id, parent, era on the date): ten thousand units as rows
 * took the driver longer than the roll-up of a province.
 */
export async function unitGraphAsOf(em: EntityManager, asOf: string): Promise<UnitGraph> {
  const [units]: { ids: string | null; parents: string | null; eras: string | null; successions: Succession[] | null }[] = await em.execute(
    `select string_agg(id::text, ',') as ids, string_agg(coalesce(parent_id, ${NATION})::text, ',') as parents,
            string_agg(case when valid_from > ?::date then 'F' when valid_to < ?::date then 'P' else 'C' end, '') as eras,
            (select json_agg(json_build_object('predecessor', predecessor_id, 'successor', successor_id, 'split', kind = 'SPLIT', 'share', trim_scale(share)::text))
               from unit_succession where effective_on <= ?::date) as successions
       from administrative_unit`,
    [asOf, asOf, asOf],
  );
  const ids = readIntegers(units.ids);
  const parents = readIntegers(units.parents);
  const eras = new Map<number, Era>([[NATION, 'C']]);
  ids.forEach((id, index) => eras.set(id, units.eras![index] as Era));
  const sources = new Map<number, Source[]>();
  const add = (to: number, source: Source) => {
    if (!sources.has(to)) sources.set(to, []);
    sources.get(to)!.push(source);
  };
  const succeeded = new Set((units.successions ?? []).map((link) => link.predecessor));
  ids.forEach((id, index) => {
    if (eras.get(id) === 'F' && eras.get(parents[index]) === 'C') return;
    // A second way (old commune → old province → new province beside old commune → new commune → new province) would count it twice.
    if (eras.get(id) === 'P' && succeeded.has(id)) return;
    add(parents[index], { unitId: id, share: null, comparable: true });
  });
  for (const link of units.successions ?? []) {
    add(link.successor, { unitId: link.predecessor, share: link.split ? link.share : null, comparable: !link.split || link.share !== null });
  }
  return { sourcesOf: (id) => sources.get(id) ?? [] };
}
