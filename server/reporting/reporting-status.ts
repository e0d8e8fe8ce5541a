import type { EntityManager } from '@mikro-orm/postgresql';
import { daysBetween, vietnamDay } from '../../domain/reporting/calendar';
import { countReports, daysLate, type Counts, type ReportState, type UnitReport } from '../../domain/reporting/completeness';
import type { Access } from '../auth/access';
import { roundFrom } from './round-access';

export interface UnitReportStatus extends UnitReport {
  unitId: number;
  unitKey: string;
  unitName: string;
  level: string;
  parentId: number | null;
  parentName: string | null;
  /** Last day the unit existed, when it was reorganised (its successor's staff take its report over). */
  unitValidTo: string | null;
  tableId: number;
  consolidating: boolean;
  /** Who last moved the report (workflow) or, before any, who last pushed to it; and when. */
  lastBy: string | null;
  lastAt: Date | null;
  submittedAt: Date | null;
}

export interface GroupCounts extends Counts {
  /** A level (PROVINCE, DISTRICT, COMMUNE) or a parent unit's id. */
  key: string;
  name: string;
}

export interface RoundStatus {
  roundId: number;
  deadline: string;
  today: string;
  units: UnitReportStatus[];
  total: Counts;
  byLevel: GroupCounts[];
  byParent: GroupCounts[];
}

/** Instances with their state in one statement: the latest workflow event, submission and push of each, by index. */
const STATUS_SQL = `select i.unit_id, u.key, u.name, u.level, u.parent_id, pu.name as parent_name, to_char(u.valid_to, 'YYYY-MM-DD') as valid_to,
    i.table_id, i.consolidating, t.status, e.display_name as event_by, e.at as event_at, s.at as submitted_at, c.author as pushed_by, c.created_at as pushed_at
  from report_instance i
  join administrative_unit u on u.id = i.unit_id
  left join administrative_unit pu on pu.id = u.parent_id
  join plan_table t on t.id = i.table_id
  left join lateral (select a.display_name, w.at from workflow_event w join app_user a on a.id = w.actor_id where w.table_id = i.table_id order by w.id desc limit 1) e on true
  left join lateral (select w.at from workflow_event w where w.table_id = i.table_id and w.to_status = 'SUBMITTED' order by w.id desc limit 1) s on true
  left join lateral (select author, created_at from change_set where table_id = i.table_id order by id desc limit 1) c on true
  where i.round_id = ?
  order by u.level, u.code, u.id`;

function stateOf(record: any): ReportState {
  if (record.status === 'APPROVED' || record.status === 'SUBMITTED') return record.status;
  return record.pushed_at || record.event_at ? 'DRAFT' : 'NOT_STARTED';
}

function grouped(units: UnitReportStatus[], keyOf: (unit: UnitReportStatus) => [string, string] | null): GroupCounts[] {
  const groups = new Map<string, { name: string; units: UnitReportStatus[] }>();
  for (const unit of units) {
    const key = keyOf(unit);
    if (!key) continue;
    if (!groups.has(key[0])) groups.set(key[0], { name: key[1], units: [] });
    groups.get(key[0])!.units.push(unit);
  }
  return [...groups].map(([key, group]) => ({ key, name: group.name, ...countReports(group.units) }));
}

/** reportingStatus: every unit's report in the round at or below a unit, late ones first, with counts per level and per parent. */
export async function reportingStatus(em: EntityManager, access: Access, roundId: number, unitId: number | null, now = new Date()): Promise<RoundStatus> {
  const { round, within } = await roundFrom(em, access, roundId, unitId);
  const today = vietnamDay(now);
  const records: any[] = await em.execute(STATUS_SQL, [round.id]);
  const units: UnitReportStatus[] = [];
  for (const record of records) {
    if (within && !within.has(record.unit_id)) continue;
    const state = stateOf(record);
    const submittedAt = record.submitted_at ? new Date(record.submitted_at) : null;
    units.push({
      unitId: record.unit_id,
      unitKey: record.key,
      unitName: record.name,
      level: record.level,
      parentId: record.parent_id,
      parentName: record.parent_name,
      unitValidTo: record.valid_to,
      tableId: record.table_id,
      consolidating: record.consolidating,
      state,
      daysLate: daysLate(state, round.deadline, today, submittedAt ? vietnamDay(submittedAt) : null),
      lastBy: record.event_by ?? record.pushed_by ?? null,
      lastAt: record.event_at ? new Date(record.event_at) : record.pushed_at ? new Date(record.pushed_at) : null,
      submittedAt,
    });
  }
  // Late first, the latest first among them; the order of the statement (level, code) otherwise.
  units.sort((a, b) => (b.daysLate ?? -1) - (a.daysLate ?? -1));
  return {
    roundId: round.id,
    deadline: round.deadline,
    today,
    units,
    total: countReports(units),
    byLevel: grouped(units, (unit) => [unit.level, unit.level]),
    byParent: grouped(units, (unit) => (unit.parentId === null ? null : [String(unit.parentId), unit.parentName!])),
  };
}
