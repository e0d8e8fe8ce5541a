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
 * The name test is a phrase of the query's words, the last one a prefix ("dien bi" → dien <-> bi:*), answered
 * by the full-text index on search_name, and the code by the code index; test/server/unit-search.test.ts
 * checks the plan.
 */
export async function searchUnits(em: EntityManager, search: UnitSearch): Promise<AdministrativeUnit[]> {
  const statement = unitSearchStatement(search);
  if (!statement) return [];
  const rows: { id: number }[] = await em.execute(statement.sql, statement.parameters);
  return em.find(AdministrativeUnit, { id: { $in: rows.map((row) => row.id) } }).then((units) => {
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    return rows.map((row) => byId.get(row.id)!);
  });
}

/** The statement that finds the ids, in order; null for a query that can match nothing (only a type, no digits). */
export function unitSearchStatement(search: UnitSearch): { sql: string; parameters: unknown[] } | null {
  const { type, name } = foldUnitName(search.query);
  const code = search.query.trim();
  if (!name && !/^\d+$/.test(code)) return null;
  // Folded text holds only [a-z0-9 ]: the words need no quoting in a tsquery.
  return {
    sql: `select id from administrative_unit
      where (to_tsvector('simple', search_name) @@ to_tsquery('simple', ?) or code = ?)
        and (?::text is null or name_type = ?)
        and (?::text is null or level = ?)
        and (?::date is null or (valid_from <= ?::date and (valid_to is null or valid_to >= ?::date)))
      order by (search_name = ? or code = ?) desc, array_position(array['PROVINCE', 'DISTRICT', 'COMMUNE'], level), valid_to desc nulls first, name, id
      limit ?`,
    parameters: [`${name.split(' ').join(' <-> ')}:*`, code, type, type, search.level ?? null, search.level ?? null, search.asOf ?? null, search.asOf ?? null, search.asOf ?? null, name, code, search.limit],
  };
}
