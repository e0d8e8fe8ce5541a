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
import { roundBelow, type RoundInstance } from './consolidation-graph';
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

/**
 * Σ value × share per cell, exactly (PostgreSQL numeric), with the contributing units and their values
 * in unit order: one statement for any number of units, grouped by row and column key. Each report's cells
 * are read through the table_id index (offset 0 keeps the planner from scanning every cell of every round).
 */
const SUMS_SQL = `select r.key as row_key, c.key as column_key, trim_scale(sum(v.value * k.share))::text as total,
    string_agg(k.unit_id::text, ',' order by k.unit_id) as units, string_agg(trim_scale(v.value)::text, ',' order by k.unit_id) as vals
  from unnest(?::int[], ?::int[], ?::numeric[]) as k(table_id, unit_id, share)
  cross join lateral (select row_id, column_id, value from table_cell cell where cell.table_id = k.table_id offset 0) v
  join table_row r on r.id = v.row_id
  join table_column c on c.id = v.column_id
  group by r.key, c.key`;

function stateOf(record: RoundInstance): ReportState {
  if (record.status === 'APPROVED' || record.status === 'SUBMITTED') return record.status;
  return record.pushed ? 'DRAFT' : 'NOT_STARTED';
}

/**
 * consolidatedTable: the round's reports of every reporting unit below a unit, added up cell by cell.
 * Only the reports whose state is in `include` count (approved ones by default).
 */
export async function consolidate(em: EntityManager, access: Access, roundId: number, unitId: number | null, include: IncludedStatus[]): Promise<Consolidation> {
  const view = await roundFrom(em, access, roundId, unitId, { within: false });
  if (include.length === 0) badInputIncluded();
  const included = [...new Set(include)];
  const structure = view.round.formVersion.structure as FormStructure;
  const rules = formRules(structure, view.round.formVersion.template.rules);
  const { graph, instances } = await roundBelow(em, view.round, view.unit?.id ?? NATION);
  const reporting = new Set(instances.map((instance) => instance.unitId));
  const { shares, notComparable } = contributionShares(graph, view.unit?.id ?? NATION, (id) => reporting.has(id));
  const contributing: RoundUnit[] = [];
  const missing: RoundUnit[] = [];
  for (const record of instances) {
    const share = shares.get(record.unitId);
    if (share === undefined) continue;
    const unit: RoundUnit = { unitId: record.unitId, unitKey: record.key, unitName: record.name, state: stateOf(record), tableId: record.tableId, share };
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

function badInputIncluded(): never {
  throw badInput('include', 'Cần chọn ít nhất một trạng thái báo cáo để tổng hợp', 'Choose at least one report status to consolidate');
}
