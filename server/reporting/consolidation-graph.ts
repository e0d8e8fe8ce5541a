import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source, UnitGraph } from '../../domain/indicators/roll-up';
import { NATION } from '../indicators/unit-graph';

export interface RoundInstance {
  unitId: number;
  key: string;
  name: string;
  tableId: number;
  status: string;
  /** Anything was ever pushed to it. */
  pushed: boolean;
}

export interface RoundBelow {
  /** The part of the round's unit graph below the root, as far as the reporting units. */
  graph: UnitGraph;
  /** The reports of the reporting units reached, in unit code order. */
  instances: RoundInstance[];
}

/**
 * The units as a round sees them: a unit that existed on the period's last day is made of its child units
 * of that day; a unit formed later (today's Cần Thơ for a first-half 2025 round) is made of what it was
 * formed from, splits passing their share (or not comparable without one), like the indicator roll-ups'
 * graph. NATION is made of the top-level units of the day.
 *
 * One statement: the links are walked down from the root in SQL, stopping at the round's reporting units,
 * so only the links below the root and the reports reached travel (a province: a hundred communes, not the
 * 14,000 units and 10,000 successions of the whole history).
 */
const BELOW_SQL = `with recursive
  unit_on as materialized (
    select id, parent_id, (valid_from <= ?::date and (valid_to is null or valid_to >= ?::date)) as existed from administrative_unit),
  link(target, source, share, comparable) as materialized (
    select coalesce(u.parent_id, ${NATION}), u.id, null::text, true
      from unit_on u left join unit_on p on p.id = u.parent_id
     where u.existed and (u.parent_id is null or p.existed)
    union all
    select s.successor_id, s.predecessor_id, case when s.kind = 'SPLIT' then trim_scale(s.share)::text end, s.kind <> 'SPLIT' or s.share is not null
      from unit_succession s join unit_on su on su.id = s.successor_id
     where not su.existed),
  reporting as materialized (select unit_id from report_instance where round_id = ? and not consolidating),
  reached(id) as (
    select ?::int
    union
    select l.source from link l join reached r on l.target = r.id
     where r.id = ? or r.id not in (select unit_id from reporting))
select
  (select coalesce(json_agg(json_build_array(l.target, l.source, l.share, l.comparable)), '[]')
     from link l join reached r on r.id = l.target where r.id = ? or r.id not in (select unit_id from reporting)) as links,
  (select coalesce(json_agg(json_build_array(i.unit_id, u.key, u.name, i.table_id, t.status,
            exists (select 1 from change_set c where c.table_id = i.table_id)) order by u.code, u.id), '[]')
     from report_instance i join reached r on r.id = i.unit_id
     join administrative_unit u on u.id = i.unit_id join plan_table t on t.id = i.table_id
    where i.round_id = ? and not i.consolidating) as instances`;

export async function roundBelow(em: EntityManager, round: { id: number; periodEnd: string }, rootId: number): Promise<RoundBelow> {
  const [row] = await em.execute(BELOW_SQL, [round.periodEnd, round.periodEnd, round.id, rootId, rootId, rootId, round.id]);
  const sources = new Map<number, Source[]>();
  for (const [target, source, share, comparable] of row.links as [number, number, string | null, boolean][]) {
    if (!sources.has(target)) sources.set(target, []);
    sources.get(target)!.push({ unitId: source, share, comparable });
  }
  const instances = (row.instances as [number, string, string, number, string, boolean][]).map(([unitId, key, name, tableId, status, pushed]) => ({ unitId, key, name, tableId, status, pushed }));
  return { graph: { sourcesOf: (id) => sources.get(id) ?? [] }, instances };
}
