import type { EntityManager } from '@mikro-orm/postgresql';
import { parsePeriodKey, type ReportingPeriod } from '../../domain/reporting/period-key';
import type { Access } from '../auth/access';
import { forbidden } from '../auth/auth-errors';
import { pgArray } from '../db/numeric';
import { reachableUnits } from '../db/unit-reach';
import { AdministrativeUnit, ProgramPhase, ReportForm, ReportingRound } from '../entities';
import { Refusal, badInput, notFound, parseDate } from '../../domain/refusal';
import type { FormStructure } from './form-structure';
import { latestVersion } from './report-forms';

export interface OpenRoundRequest {
  formId: number;
  periodKey: string;
  /** null: the whole country. */
  scopeUnitId: number | null;
  deadline: string;
}

const LEVEL_NAMES: Record<string, [string, string]> = {
  PROVINCE: ['tỉnh/thành phố', 'province'],
  DISTRICT: ['quận/huyện', 'district'],
  COMMUNE: ['xã/phường', 'commune'],
};

/**
 * The units that report in a round: those of the form's level that exist on the period's last day,
 * below the scope unit or what it was formed from (a first-half 2025 round of today's Cần Thơ reaches
 * the communes of the three provinces it merged), ordered by code.
 */
async function reportingUnits(em: EntityManager, scope: AdministrativeUnit | null, level: string, period: ReportingPeriod): Promise<{ id: number }[]> {
  const within = scope ? await reachableUnits(em, scope.id, { children: true, predecessors: true }) : null;
  return em.execute(
    `select id from administrative_unit
      where level = ? and valid_from <= ?::date and (valid_to is null or valid_to >= ?::date) ${within ? 'and id = any(?::int[])' : ''}
      order by code, id`,
    within ? [level, period.endsOn, period.endsOn, pgArray(within)] : [level, period.endsOn, period.endsOn],
  );
}

/** Units' reports are plans of their own, so that they appear in browse like any plan: the phase is the one the period falls in. */
async function phaseOf(em: EntityManager, periodKey: string, endsOn: string): Promise<ProgramPhase> {
  const phase = await em.findOne(ProgramPhase, { startsOn: { $lte: endsOn }, endsOn: { $gte: endsOn } });
  if (!phase) {
    throw badInput('periodKey', `Kỳ ${periodKey} không thuộc giai đoạn nào của Chương trình`, `The period ${periodKey} falls in no phase of the Program`);
  }
  return phase;
}

/** From this many new tables, plan_table's statistics are refreshed before their rows are written. */
const ANALYZE_FROM = 200;

/** The document number of a unit's report plan: unique per round, readable in browse. */
export function reportDocumentNumber(roundId: number, periodKey: string): string {
  return `BC ${periodKey} #${roundId}`;
}

/**
 * openReportingRound: one statement per kind of record, whatever the number of units (3,321 communes:
 * about 3,321 plans and tables and 36 rows and columns each). The round row goes first under its unique
 * constraint, so of two parallel openings one inserts and the other finds it and writes nothing.
 */
export async function openReportingRound(em: EntityManager, access: Access, request: OpenRoundRequest): Promise<ReportingRound> {
  const form = await em.findOne(ReportForm, request.formId);
  if (!form) throw notFound('report form', 'biểu mẫu báo cáo', String(request.formId));
  const parsed = parsePeriodKey(request.periodKey, form.periodType);
  if (!parsed.ok) throw badInput('periodKey', parsed.messageVi, parsed.messageEn);
  const period = parsed.period;
  const deadline = parseDate(request.deadline, 'deadline');
  if (deadline < period.startsOn) {
    throw badInput('deadline', `Hạn nộp ${deadline} trước khi kỳ ${period.key} bắt đầu (${period.startsOn})`, `The deadline ${deadline} is before the period ${period.key} starts (${period.startsOn})`);
  }
  const scope = request.scopeUnitId === null ? null : await em.findOne(AdministrativeUnit, request.scopeUnitId);
  if (request.scopeUnitId !== null && (!scope || !access.can('READ', scope.id))) throw notFound('administrative unit', 'đơn vị hành chính', String(request.scopeUnitId));
  const scopeName = scope ? `${scope.name} (${scope.key})` : 'cả nước';
  const scopeNameEn = scope ? `${scope.name} (${scope.key})` : 'the whole country';
  const units = (await reportingUnits(em, scope, form.reportingLevel, period)).map((unit) => unit.id);
  if (units.length === 0) {
    const [vi, en] = LEVEL_NAMES[form.reportingLevel];
    throw new Refusal(
      'NO_REPORTING_UNITS',
      `${scopeName} không có đơn vị cấp ${vi} nào tồn tại vào ngày ${period.endsOn} (cuối kỳ ${period.key})`,
      `${scopeNameEn} has no ${en} that exists on ${period.endsOn} (the end of ${period.key})`,
      { argument: 'scopeUnitId' },
    );
  }
  // Whoever opens a round collects it: they must be able to approve every unit that reports.
  if (!units.every((id) => access.can('APPROVE', id))) throw forbidden(`mở đợt báo cáo cho ${scopeName}`, `open a reporting round for ${scopeNameEn}`);
  await phaseOf(em, period.key, period.endsOn); // before anything is written
  const version = await latestVersion(em, form.id);

  return em.transactional(async (tx) => {
    // Row ids are joined to their parents' in memory: with the default 4 MB the sort of 100,000 rows goes to disk.
    await tx.execute(`set local work_mem = '64MB'`);
    const [inserted] = await tx.execute(
      `insert into reporting_round (form_id, form_version_id, period_key, period_start, period_end, scope_unit_id, scope_key, deadline, opened_by_id, opened_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (form_id, period_key, scope_key) do nothing returning id`,
      [form.id, version.id, period.key, period.startsOn, period.endsOn, scope?.id ?? null, scope?.key ?? 'VN', deadline, access.user!.id],
    );
    if (!inserted) {
      throw new Refusal(
        'ROUND_EXISTS',
        `Biểu mẫu "${form.title}" đã được mở cho kỳ ${period.key} và ${scopeName}`,
        `The form "${form.title}" is already open for ${period.key} and ${scopeNameEn}`,
      );
    }
    const round = await tx.findOneOrFail(ReportingRound, inserted.id, { populate: ['form', 'formVersion'] });
    await createReports(tx as EntityManager, round, units, false);
    return round;
  });
}

/**
 * Each unit's report in a round: a plan of the unit (so browse finds it like any plan), its table of the
 * form's structure and the instance linking them. Returns the new tables' ids.
 */
export async function createReports(em: EntityManager, round: ReportingRound, unitIds: number[], consolidating: boolean): Promise<number[]> {
  const phase = await phaseOf(em, round.periodKey, round.periodEnd);
  const structure = round.formVersion.structure as FormStructure;
  const parsed = parsePeriodKey(round.periodKey, round.form.periodType);
  const label = parsed.ok ? parsed.period.labelVi : round.periodKey;
  const created: { table_id: number }[] = await em.execute(
    `with plans as (
       insert into plan (document_number, issued_on, issuing_unit_id, phase_id, period_start, period_end, title)
       select ?, null, u, ?, ?, ?, ? from unnest(?::int[]) as u returning id, issuing_unit_id),
     tables as (
       insert into plan_table (plan_id, title, caption, unit_of_measure, template_id, kind, rules, position, status, version)
       select id, ?, ?, ?, ?, 'APPENDIX', '[]', 0, 'DRAFT', 1 from plans returning id, plan_id)
     insert into report_instance (round_id, unit_id, table_id, consolidating)
     select ?, plans.issuing_unit_id, tables.id, ? from tables join plans on plans.id = tables.plan_id returning table_id`,
    [
      reportDocumentNumber(round.id, round.periodKey), phase.id, round.periodStart, round.periodEnd, `${round.form.title} – ${label}`, pgArray(unitIds),
      round.form.title, structure.caption, structure.unitOfMeasure, round.formVersion.template.id,
      round.id, consolidating,
    ],
  );
  const tableIds = created.map((row) => row.table_id);
  // Every row and column checks its foreign key to plan_table. Those checks run on plans cached while
  // plan_table was small (a sequential scan each: 33 of 37 s for 3,321 communes); analysing it now, with
  // the new tables in, has them planned again as index lookups.
  if (tableIds.length > ANALYZE_FROM) await em.execute('analyze plan_table');
  await copyStructure(em, structure, `select unnest(?::int[]) as table_id`, [pgArray(tableIds)]);
  return tableIds;
}

/**
 * The form's columns and rows into every table the query names. Row ids are drawn from the sequence
 * first, so each row's parent id is known in the same insert (no second pass over a hundred thousand rows).
 */
async function copyStructure(em: EntityManager, structure: FormStructure, tablesSql: string, params: unknown[]): Promise<void> {
  await em.execute(
    `insert into table_column (table_id, key, label, published_number, position, type, scale, is_total, funding_source_id, editable)
     select t.table_id, c.key, c.label, c.published_number, c.position, c.type, c.scale, c.is_total, c.funding_source_id, c.editable
       from (${tablesSql}) t cross join jsonb_to_recordset(?::jsonb) as c(key text, label text, published_number text, position int, type text, scale int, is_total boolean, funding_source_id int, editable boolean)`,
    [...params, JSON.stringify(structure.columns)],
  );
  const ordinal = new Map(structure.rows.map((row, index) => [row.key, index]));
  const rows = structure.rows.map((row, index) => ({ ...row, ord: index, parent_ord: row.parent_key === null ? null : ordinal.get(row.parent_key) }));
  await em.execute(
    `with s as (select * from jsonb_to_recordset(?::jsonb) as s(ord int, parent_ord int, key text, position int, published_number text, label text, level int, kind text, component_id int, support_policy_id int, editable boolean, computed boolean)),
     allocated as materialized (select t.table_id, s.ord, nextval('table_row_id_seq') as id from (${tablesSql}) t cross join s)
     insert into table_row (id, table_id, key, position, published_number, label, level, kind, parent_id, component_id, support_policy_id, editable, computed)
     select a.id, a.table_id, s.key, s.position, s.published_number, s.label, s.level, s.kind, p.id, s.component_id, s.support_policy_id, s.editable, s.computed
       from allocated a join s on s.ord = a.ord left join allocated p on p.table_id = a.table_id and p.ord = s.parent_ord`,
    [JSON.stringify(rows), ...params],
  );
}
