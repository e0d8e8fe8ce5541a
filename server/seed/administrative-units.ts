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
 * Inserts every unit and succession of the file in a few statements (units, their parents, the
 * successions, statistics, then the ids read back): one insert per unit made the fresh start several times slower.
 * Returns the id of each unit key.
 */
export async function insertUnits(em: EntityManager, file: UnitsFile = readUnitsFile()): Promise<Map<string, number>> {
  const units = file.units.map(([key, code, name, nameEn, level, parentKey, validFrom, validTo]) => {
    const folded = foldUnitName(name);
    return { key, code, name, name_en: nameEn, level, parent_key: parentKey, valid_from: validFrom, valid_to: validTo, search_name: folded.name, name_type: folded.type ?? '' };
  });
  await em.execute(
    `insert into administrative_unit (key, code, name, name_en, level, valid_from, valid_to, search_name, name_type)
     select key, code, name, name_en, level, valid_from, valid_to, search_name, name_type
       from json_to_recordset(?::json) as r(key text, code text, name text, name_en text, level text, valid_from date, valid_to date, search_name text, name_type text)`,
    [JSON.stringify(units)],
  );
  await em.execute(
    `update administrative_unit child set parent_id = parent.id
       from json_to_recordset(?::json) as r(key text, parent_key text)
       join administrative_unit parent on parent.key = r.parent_key
      where child.key = r.key`,
    [JSON.stringify(units.filter((unit) => unit.parent_key).map(({ key, parent_key }) => ({ key, parent_key })))],
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
  const ids: { key: string; id: number }[] = await em.execute('select key, id from administrative_unit');
  return new Map(ids.map((row) => [row.key, row.id]));
}
