import type { EntityManager } from '@mikro-orm/postgresql';
import { foldUnitName } from '../../../domain/units/unit-names';
import { AdministrativeUnit, type UnitLevel } from '../../entities';

export interface UnitSearch {
  query: string;
  level?: UnitLevel;
  asOf?: string | null;
  limit: number;
}

/**
 * Units whose name (folded, without its type) has the query's words at a word start, or whose code is the
 * query; with a type in the query ("TP. Cần Thơ", "xa dat mui") only units of that type. Exact names
 * first, then provinces before districts before communes, units of today before those of the past.
 * A sequential scan of 14,000 short folded names takes a few milliseconds: no index is needed for it.
 */
export async function searchUnits(em: EntityManager, search: UnitSearch): Promise<AdministrativeUnit[]> {
  const { type, name } = foldUnitName(search.query);
  const code = search.query.trim();
  if (!name && !/^\d+$/.test(code)) return [];
  const rows: { id: number }[] = await em.execute(
    `select id from administrative_unit
      where ((' ' || search_name) like '% ' || ? || '%' or code = ?)
        and (?::text is null or name_type = ?)
        and (?::text is null or level = ?)
        and (?::date is null or (valid_from <= ?::date and (valid_to is null or valid_to >= ?::date)))
      order by (search_name = ? or code = ?) desc, array_position(array['PROVINCE', 'DISTRICT', 'COMMUNE'], level), valid_to desc nulls first, name, id
      limit ?`,
    [name, code, type, type, search.level ?? null, search.level ?? null, search.asOf ?? null, search.asOf ?? null, search.asOf ?? null, name, code, search.limit],
  );
  return em.find(AdministrativeUnit, { id: { $in: rows.map((row) => row.id) } }).then((units) => {
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    return rows.map((row) => byId.get(row.id)!);
  });
}
