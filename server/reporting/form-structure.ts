import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TableSnapshot } from '../../domain/table-model';
import type { Rule } from '../../domain/rules';
import { bindRules } from '../tables/bind-rules';

/** A form's rows and columns as copied from a table: every field a unit's copy of the table needs. */
export interface FormStructure {
  caption: string;
  unitOfMeasure: string;
  columns: {
    key: string;
    label: string;
    published_number: string | null;
    position: number;
    type: 'MONEY' | 'COUNT' | 'RATE' | 'MEASURE';
    scale: number;
    is_total: boolean;
    funding_source_id: number | null;
    editable: boolean;
  }[];
  rows: {
    key: string;
    position: number;
    published_number: string | null;
    label: string;
    level: number;
    kind: 'SECTION' | 'ITEM' | 'CHILD' | 'LABEL' | 'GRAND_TOTAL';
    parent_key: string | null;
    component_id: number | null;
    support_policy_id: number | null;
    editable: boolean;
    computed: boolean;
  }[];
}

/** The structure of a table and the rules it is checked with (its template's and its own), or null when there is no such table. */
export async function readFormStructure(em: EntityManager, tableId: number): Promise<{ structure: FormStructure; rules: unknown[] } | null> {
  const [table] = await em.execute(
    `select t.caption, t.unit_of_measure, t.rules as table_rules, tt.rules from plan_table t join table_template tt on tt.id = t.template_id where t.id = ?`,
    [tableId],
  );
  if (!table) return null;
  const columns: FormStructure['columns'] = await em.execute(
    `select key, label, published_number, position, type, scale, is_total, funding_source_id, editable from table_column where table_id = ? order by position`,
    [tableId],
  );
  const rows: FormStructure['rows'] = await em.execute(
    `select r.key, r.position, r.published_number, r.label, r.level, r.kind, p.key as parent_key, r.component_id, r.support_policy_id, r.editable, r.computed
       from table_row r left join table_row p on p.id = r.parent_id where r.table_id = ? order by r.position`,
    [tableId],
  );
  return { structure: { caption: table.caption, unitOfMeasure: table.unit_of_measure, columns, rows }, rules: [...table.rules, ...table.table_rules] };
}

export function structureHash(structure: FormStructure, rules: unknown[]): string {
  return createHash('sha256').update(JSON.stringify({ structure, rules })).digest('hex');
}

/** The form's empty grid, for consolidated figures, and its rules bound to its columns. */
export function emptySnapshot(structure: FormStructure): TableSnapshot {
  return TableSnapshot.create({
    columns: structure.columns.map((c) => ({ key: c.key, label: c.label, publishedNumber: c.published_number, type: c.type, scale: c.scale, editable: c.editable })),
    rows: structure.rows.map((r) => ({
      key: r.key,
      publishedNumber: r.published_number,
      label: r.label,
      level: r.level,
      parentKey: r.parent_key,
      kind: r.kind,
      editable: r.editable && !r.computed,
      computed: r.computed,
    })),
    cells: [],
  });
}

export function formRules(structure: FormStructure, rules: unknown[]): Rule[] {
  return bindRules(rules, structure.columns.map((c) => ({ key: c.key, isTotal: c.is_total, funded: c.funding_source_id !== null })));
}
