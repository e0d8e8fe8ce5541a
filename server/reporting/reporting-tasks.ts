import type { EntityManager } from '@mikro-orm/postgresql';
import { daysBetween, vietnamDay } from '../../domain/reporting/calendar';
import type { Access } from '../auth/access';
import { pgArray } from '../db/numeric';

export interface ReportingTask {
  kind: 'FILL' | 'APPROVE';
  tableId: number;
  roundId: number;
  formTitle: string;
  periodKey: string;
  unitId: number;
  unitName: string;
  status: string;
  deadline: string;
  /** Negative when the deadline has passed. */
  daysRemaining: number;
}

/** National roles reach every unit: their lists are cut here, soonest deadline first. */
export const TASK_LIMIT = 500;

const TASKS_SQL = (unitFilter: string) => `select i.table_id, r.id as round_id, f.title as form_title, r.period_key, i.unit_id, u.name as unit_name, t.status,
    to_char(r.deadline, 'YYYY-MM-DD') as deadline
  from report_instance i join reporting_round r on r.id = i.round_id join report_form f on f.id = r.form_id
  join plan_table t on t.id = i.table_id join administrative_unit u on u.id = i.unit_id
  where t.status = ? ${unitFilter}
  order by r.deadline, u.code, u.id limit ${TASK_LIMIT}`;

async function tasks(em: EntityManager, kind: ReportingTask['kind'], units: number[] | 'ALL', status: string, today: string): Promise<ReportingTask[]> {
  if (units !== 'ALL' && units.length === 0) return [];
  const records: any[] = units === 'ALL' ? await em.execute(TASKS_SQL(''), [status]) : await em.execute(TASKS_SQL('and i.unit_id = any(?::int[])'), [status, pgArray(units)]);
  return records.map((record) => ({
    kind,
    tableId: record.table_id,
    roundId: record.round_id,
    formTitle: record.form_title,
    periodKey: record.period_key,
    unitId: record.unit_id,
    unitName: record.unit_name,
    status: record.status,
    deadline: record.deadline,
    daysRemaining: daysBetween(today, record.deadline),
  }));
}

/** "What I have to do": reports of the user's units still in draft, and reports waiting for the user's approval. */
export async function reportingTasks(em: EntityManager, access: Access, now = new Date()): Promise<ReportingTask[]> {
  const today = vietnamDay(now);
  const [fill, approve] = await Promise.all([tasks(em, 'FILL', access.unitsFor('EDIT'), 'DRAFT', today), tasks(em, 'APPROVE', access.unitsFor('APPROVE'), 'SUBMITTED', today)]);
  return [...fill, ...approve];
}
