import type { EntityManager } from '@mikro-orm/postgresql';
import { cellKey, consolidatedSnapshot, type RateCell } from '../../domain/reporting/consolidated-figures';
import { contributionShares } from '../../domain/reporting/contribution-shares';
import type { ReportState } from '../../domain/reporting/completeness';
import { validateTable, type Finding } from '../../domain/rules';
import type { TableSnapshot } from '../../domain/table-model';
import type { Access } from '../auth/access';
import { pgArray } from '../db/numeric';
import { NATION } from '../indicators/unit-graph';
import { badInput } from '../../domain/refusal';
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
}

export interface Consolidation {
  view: RoundView;
  included: IncludedStatus[];
  snapshot: TableSnapshot;
  /** Every cell that holds a sum (for a rate, its value is the recomputed rate). */
  cells: ConsolidatedCell[];
  /**
   * Drill-down, read only when asked for (one more statement, its work growing with every cell counted):
   * by cell (row key NUL column key), the contributing units and their values, in unit order.
   */
  contributors: () => Promise<Map<string, Contribution[]>>;
  rates: RateCell[];
  contributing: RoundUnit[];
  /** Units that should have reported and whose report is not counted: listed, never taken as zero. */
  missing: RoundUnit[];
  notComparable: { unitId: number; unitKey: string; unitName: string }[];
  findings: Finding[];
}

/**
 * The cells of the contributing reports (k: their tables in unit id order, with the share of each), keyed
 * by row and column key: one statement for any number of units. Each report's cells are read through the
 * table_id index (offset 0 keeps the planner from scanning every cell of every round).
 */
const CONTRIBUTING_CELLS = `from unnest(?::int[], ?::numeric[]) with ordinality as k(table_id, share, ord)
  cross join lateral (select row_id, column_id, value from table_cell cell where cell.table_id = k.table_id offset 0) v
  join table_row r on r.id = v.row_id
  join table_column c on c.id = v.column_id
  group by r.key, c.key`;

/** Σ value × share per cell, exactly (PostgreSQL numeric), hashed by cell: no sort. */
const SUMS_SQL = `select r.key as row_key, c.key as column_key, trim_scale(sum(v.value * k.share))::text as total ${CONTRIBUTING_CELLS}`;

/**
 * Drill-down: each cell's contributors as positions in k and their values. The two lists are built from
 * the same rows in the same order, so they pair up; without an ORDER BY inside the aggregates PostgreSQL
 * hashes instead of sorting every cell of every report, and the positions are put in order here.
 */
const CONTRIBUTORS_SQL = `select r.key as row_key, c.key as column_key, string_agg(k.ord::text, ',') as positions, string_agg(trim_scale(v.value)::text, ',') as vals ${CONTRIBUTING_CELLS}`;

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
  // Sent in unit id order, the order each cell's contributors are listed in.
  const byId = [...contributing].sort((a, b) => a.unitId - b.unitId);
  const reports = [pgArray(byId.map((u) => u.tableId)), pgArray(byId.map((u) => u.share))];
  const sums: any[] = contributing.length ? await em.execute(SUMS_SQL, reports) : [];
  const empty = emptySnapshot(structure);
  const { snapshot, rates } = consolidatedSnapshot(empty.columns, empty.rows, new Map(sums.map((sum) => [cellKey(sum.row_key, sum.column_key), sum.total])), rules);
  const cells: ConsolidatedCell[] = sums.map((sum) => ({ rowKey: sum.row_key, columnKey: sum.column_key, value: snapshot.value(sum.row_key, sum.column_key) }));
  let drillDown: Promise<Map<string, Contribution[]>> | null = null;
  const contributors = () => (drillDown ??= contributionsOf(em, reports, byId));
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
    contributors,
    rates,
    contributing,
    missing,
    notComparable: notComparable.map((id) => ({ unitId: id, unitKey: names.get(id)!.key, unitName: names.get(id)!.name })),
    findings: validateTable(snapshot, rules),
  };
}

async function contributionsOf(em: EntityManager, reports: string[], byId: RoundUnit[]): Promise<Map<string, Contribution[]>> {
  const rows: { row_key: string; column_key: string; positions: string; vals: string }[] = byId.length ? await em.execute(CONTRIBUTORS_SQL, reports) : [];
  return new Map(
    rows.map((row) => {
      const values = row.vals.split(',');
      const list = row.positions.split(',').map((position, index) => ({ position: Number(position), value: values[index] }));
      // Positions count from 1 in k, which is in unit id order; mostly in order already, so the sort is cheap.
      list.sort((a, b) => a.position - b.position);
      return [cellKey(row.row_key, row.column_key), list.map((entry) => ({ unitId: byId[entry.position - 1].unitId, value: entry.value }))];
    }),
  );
}

function badInputIncluded(): never {
  throw badInput('include', 'Cần chọn ít nhất một trạng thái báo cáo để tổng hợp', 'Choose at least one report status to consolidate');
}
