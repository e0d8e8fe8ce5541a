import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldUnitName } from '../../domain/units/unit-names';
import { PROJECT_ROOT } from '../project-root';

/** Derived by tools/units/derive-units.mjs from the official lists; see tools/units/README.md. */
export const UNITS_FILE = path.join(PROJECT_ROOT, 'server/seed/data/administrative-units.json.gz');

type UnitRow = [key: string, code: string, name: string, nameEn: string | null, level: string, parentKey: string | null, validFrom: string, validTo: string | null];
type SuccessionRow = [predecessorKey: string, successorKey: string, effectiveOn: string, kind: string, share: string | null, note: string | null];

export interface UnitsFile {
  sources: { name: string; version: string; licence: string }[];
  derivedOn: string;
  units: UnitRow[];
  successions: SuccessionRow[];
  /** Keys of old communes that neither source maps to a commune of today. */
  unmapped: string[];
}

export function readUnitsFile(): UnitsFile {
  return JSON.parse(gunzipSync(readFileSync(UNITS_FILE)).toString('utf8')) as UnitsFile;
}

/**
 * Inserts every unit and succession of the file in a few statements (the units with their parents and ids,
 * the successions, statistics): one insert per unit made the fresh start several times slower, and setting
 * the parents by a second pass over fourteen thousand rows cost as much as inserting them. Ids come from the
 * table's sequence in the file's order, before the insert, so that each row names its parent's id at once
 * (the parent key is checked at the end of the statement, when all rows are in). Returns the id of each unit key.
 */
export async function insertUnits(em: EntityManager, file: UnitsFile = readUnitsFile()): Promise<Map<string, number>> {
  const units = file.units.map(([key, code, name, nameEn, level, parentKey, validFrom, validTo]) => {
    const folded = foldUnitName(name);
    return { key, code, name, name_en: nameEn, level, parent_key: parentKey, valid_from: validFrom, valid_to: validTo, search_name: folded.name, name_type: folded.type ?? '' };
  });
  const ids: { key: string; id: number }[] = await em.execute(
    `with r as materialized (
       select r.*, nextval('administrative_unit_id_seq')::int as id
         from json_to_recordset(?::json) as r(key text, code text, name text, name_en text, level text, parent_key text,
                                              valid_from date, valid_to date, search_name text, name_type text))
     insert into administrative_unit (id, key, code, name, name_en, level, parent_id, valid_from, valid_to, search_name, name_type)
     select r.id, r.key, r.code, r.name, r.name_en, r.level, parent.id, r.valid_from, r.valid_to, r.search_name, r.name_type
       from r left join r parent on parent.key = r.parent_key
     returning key, id`,
    [JSON.stringify(units)],
  );
  const successions = file.successions.map(([predecessor, successor, effectiveOn, kind, share, note]) => ({ predecessor, successor, effective_on: effectiveOn, kind, share, note }));
  await em.execute(
    `insert into unit_succession (predecessor_id, successor_id, effective_on, kind, share, note)
     select p.id, s.id, r.effective_on, r.kind, r.share, r.note
       from json_to_recordset(?::json) as r(predecessor text, successor text, effective_on date, kind text, share numeric, note text)
       join administrative_unit p on p.key = r.predecessor
       join administrative_unit s on s.key = r.successor`,
    [JSON.stringify(successions)],
  );
  // Statistics now rather than at autovacuum's next round, so that the first searches are planned on the name index.
  await em.execute('analyze administrative_unit, unit_succession');
  return new Map(ids.map((row) => [row.key, row.id]));
}
