import type { EntityManager } from '@mikro-orm/postgresql';
import { consolidatedSnapshot, type RateCell } from '../../domain/reporting/consolidated-figures';
import { contributionShares } from '../../domain/reporting/contribution-shares';
import type { ReportState } from '../../domain/reporting/completeness';
import { validateTable, type Finding } from '../../domain/rules';
import type { TableSnapshot } from '../../domain/table-model';
import type { Access } from '../auth/access';
import { pgArray } from '../db/numeric';
import { NATION } from '../indicators/unit-graph';
import { badInput } from '../graphql/errors';
import { emptySnapshot, formRules, type FormStructure } from './form-structure';
import { roundUnitGraph } from './consolidation-graph';
import { roundFrom, type RoundView } from './round-access';

export type IncludedStatus = 'APPROVED' | 'SUBMITTED' | 'DRAFT';

export interface RoundUnit {
  unitId: number;
  unitKey: string;
  unitName: string;
  state: ReportState;
  tableId: number;
  /** Of the unit's report that belongs to the consolidating unit ("1" unless it was split). */
  share: string;
}

export interface Contribution {
  unitId: number;
  value: string;
}

export interface ConsolidatedCell {
  rowKey: string;
  columnKey: string;
  value: string | null;
  contributors: Contribution[];
}

export interface Consolidation {
  view: RoundView;
  included: IncludedStatus[];
  snapshot: TableSnapshot;
  /** Every cell that holds a sum or a rate, with the units that went into it (drill-down). */
  cells: ConsolidatedCell[];
  rates: RateCell[];
  contributing: RoundUnit[];
  /** Units that should have reported and whose report is not counted: listed, never taken as zero. */
  missing: RoundUnit[];
  notComparable: { unitId: number; unitKey: string; unitName: string }[];
  findings: Finding[];
}

const INSTANCES_SQL = `select i.unit_id, u.key, u.name, i.table_id, t.status,
    exists (select 1 from change_set c where c.table_id = i.table_id) as pushed
  from report_instance i join administrative_unit u on u.id = i.unit_id join plan_table t on t.id = i.table_id
  where i.round_id = ? and not i.consolidating order by u.code, u.id`;

/**
 * Σ value × share per cell, exactly (PostgreSQL numeric), with the contributing units and their values
 * in unit order: one statement for any number of units, grouped by row and column key.
 */
const SUMS_SQL = `select r.key as row_key, c.key as column_key, trim_scale(sum(v.value * k.share))::text as total,
    string_agg(k.unit_id::text, ',' order by k.unit_id) as units, string_agg(trim_scale(v.value)::text, ',' order by k.unit_id) as vals
  from unnest(?::int[], ?::int[], ?::numeric[]) as k(table_id, unit_id, share)
  join table_cell v on v.table_id = k.table_id
  join table_row r on r.id = v.row_id
  join table_column c on c.id = v.column_id
  group by r.key, c.key`;

function stateOf(record: { status: string; pushed: boolean }): ReportState {
  if (record.status === 'APPROVED' || record.status === 'SUBMITTED') return record.status;
  return record.pushed ? 'DRAFT' : 'NOT_STARTED';
}

/**
 * consolidatedTable: the round's reports of every reporting unit below a unit, added up cell by cell.
 * Only the reports whose state is in `include` count (approved ones by default).
 */
export async function consolidate(em: EntityManager, access: Access, roundId: number, unitId: number | null, include: IncludedStatus[]): Promise<Consolidation> {
  const view = await roundFrom(em, access, roundId, unitId);
  if (include.length === 0) badInputIncluded();
  const included = [...new Set(include)];
  const structure = view.round.formVersion.structure as FormStructure;
  const rules = formRules(structure, await templateRules(em, view.round.formVersion.template.id));
  const [records, graph]: [any[], Awaited<ReturnType<typeof roundUnitGraph>>] = await Promise.all([em.execute(INSTANCES_SQL, [view.round.id]), roundUnitGraph(em, view.round.periodEnd)]);
  const byUnit = new Map<number, any>(records.map((record: any) => [record.unit_id, record]));
  const { shares, notComparable } = contributionShares(graph, view.unit?.id ?? NATION, (id) => byUnit.has(id));
  const contributing: RoundUnit[] = [];
  const missing: RoundUnit[] = [];
  for (const record of records) {
    const share = shares.get(record.unit_id);
    if (share === undefined) continue;
    const unit: RoundUnit = { unitId: record.unit_id, unitKey: record.key, unitName: record.name, state: stateOf(record), tableId: record.table_id, share };
    (included.includes(unit.state as IncludedStatus) ? contributing : missing).push(unit);
  }
  const sums: any[] = contributing.length
    ? await em.execute(SUMS_SQL, [pgArray(contributing.map((u) => u.tableId)), pgArray(contributing.map((u) => u.unitId)), pgArray(contributing.map((u) => u.share))])
    : [];
  const empty = emptySnapshot(structure);
  const { snapshot, rates } = consolidatedSnapshot(empty.columns, empty.rows, new Map(sums.map((sum) => [`${sum.row_key}\u0000${sum.column_key}`, sum.total])), rules);
  const cells: ConsolidatedCell[] = sums.map((sum) => {
    const units = sum.units.split(',');
    const values = sum.vals.split(',');
    return {
      rowKey: sum.row_key,
      columnKey: sum.column_key,
      value: snapshot.value(sum.row_key, sum.column_key),
      contributors: units.map((id: string, index: number) => ({ unitId: Number(id), value: values[index] })),
    };
  });
  const names = new Map<number, { key: string; name: string }>();
  if (notComparable.length) {
    const found: { id: number; key: string; name: string }[] = await em.execute(`select id, key, name from administrative_unit where id = any(?::int[])`, [pgArray(notComparable)]);
    for (const unit of found) names.set(unit.id, unit);
  }
  return {
    view,
    included,
    snapshot,
    cells,
    rates,
    contributing,
    missing,
    notComparable: notComparable.map((id) => ({ unitId: id, unitKey: names.get(id)!.key, unitName: names.get(id)!.name })),
    findings: validateTable(snapshot, rules),
  };
}

async function templateRules(em: EntityManager, templateId: number): Promise<unknown[]> {
  const [template] = await em.execute(`select rules from table_template where id = ?`, [templateId]);
  return template.rules;
}

function badInputIncluded(): never {
  throw badInput('include', 'Cần chọn ít nhất một trạng thái báo cáo để tổng hợp', 'Choose at least one report status to consolidate');
}
