import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The units reachable from `unitId` by following, as asked, parent → child links and
 * successor → predecessor links (the 2025 reorganisation), recursively, itself included; none when there is no
 * such unit (when links are followed), so that callers need not look it up first.
 */
export async function reachableUnits(em: EntityManager, unitId: number, follow: { children: boolean; predecessors: boolean }): Promise<number[]> {
  const edges = [
    follow.children ? 'select parent_id as source, id as target from administrative_unit where parent_id is not null' : null,
    follow.predecessors ? 'select successor_id, predecessor_id from unit_succession' : null,
  ].filter(Boolean);
  if (edges.length === 0) return [unitId];
  const rows: { id: number }[] = await em.execute(
    `with recursive edge(source, target) as (${edges.join(' union all ')}),
       reached(id) as (select ?::int union select e.target from edge e join reached r on e.source = r.id)
     select r.id from reached r join administrative_unit u on u.id = r.id`,
    [unitId],
  );
  return rows.map((row) => row.id);
}
