/** Creating, changing and deleting plans: any unit's editors, or an administrator above it. */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Access } from '../auth/access';
import { forbidden, signInRequired } from '../auth/auth-errors';
import { AdministrativeUnit, DocumentKind, Plan, ProgramPhase, SourceDocument, TableStatus } from '../entities';
import { Refusal, badInput, notReadable, parseDate, parseId } from '../../domain/refusal';
import type { CreatePlanInput, SourceDocumentInput, UpdatePlanInput } from '../graphql/types/plan-types';

interface PlanFields {
  documentNumber: string;
  issuedOn: string | null;
  title: string;
  periodStart: string;
  periodEnd: string;
}

const unitLabel = (unit: AdministrativeUnit) => `${unit.name} (${unit.key})`;

function required(value: string, argument: string, nameVi: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(argument, `Cần ghi ${nameVi}`, `${argument} must not be empty`);
  if (trimmed.length > 255 && argument !== 'title') throw badInput(argument, `${nameVi} dài quá 255 ký tự`, `${argument} is longer than 255 characters`);
  return trimmed;
}

const within = (date: string, unit: AdministrativeUnit) => date >= unit.validFrom && (unit.validTo === null || date <= unit.validTo);
const validity = (unit: AdministrativeUnit) => `${unit.validFrom} – ${unit.validTo ?? '…'}`;

/**
 * A unit issues a plan while it exists, and the plan starts while it exists; the plan may end after the
 * unit does (the 2021–2025 plans outlived the units of the 2025 reorganisation). The period lies within
 * one program phase, which the plan belongs to.
 */
async function checkFields(em: EntityManager, unit: AdministrativeUnit, fields: PlanFields): Promise<ProgramPhase> {
  const { issuedOn, periodStart, periodEnd } = fields;
  if (periodStart > periodEnd) {
    throw badInput('periodTo', `Kỳ kế hoạch kết thúc (${periodEnd}) trước khi bắt đầu (${periodStart})`, `The plan's period ends (${periodEnd}) before it starts (${periodStart})`);
  }
  for (const [argument, date, vi, en] of [
    ['issuedOn', issuedOn, 'Ngày ban hành', 'The date of issue'],
    ['periodFrom', periodStart, 'Ngày bắt đầu kỳ kế hoạch', 'The start of the period'],
  ] as const) {
    if (date !== null && !within(date, unit)) {
      throw badInput(
        argument,
        `${vi} ${date} nằm ngoài thời gian tồn tại của ${unitLabel(unit)} (${validity(unit)})`,
        `${en} ${date} is outside the validity of ${unitLabel(unit)} (${validity(unit)})`,
      );
    }
  }
  const phase = await em.findOne(ProgramPhase, { startsOn: { $lte: periodStart }, endsOn: { $gte: periodEnd } });
  if (!phase) {
    throw badInput(
      'periodFrom',
      `Kỳ ${periodStart} – ${periodEnd} không nằm trọn trong một giai đoạn của chương trình`,
      `The period ${periodStart} – ${periodEnd} does not lie within one phase of the program`,
    );
  }
  return phase;
}

function sourceDocumentFields(input: SourceDocumentInput): Pick<SourceDocument, 'title' | 'issuedOn' | 'file'> {
  return {
    title: required(input.title, 'sourceDocument.title', 'tên văn bản nguồn'),
    issuedOn: input.issuedOn ? parseDate(input.issuedOn, 'sourceDocument.issuedOn') : null,
    file: input.file?.trim() || null,
  };
}

/** The unique key on (issuing unit, document number) decides between parallel writes, not an earlier look. */
async function flushPlan(em: EntityManager, plan: Plan, unit: AdministrativeUnit): Promise<Plan> {
  try {
    await em.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    throw new Refusal(
      'CONFLICT',
      `${unitLabel(unit)} đã có kế hoạch số "${plan.documentNumber}"`,
      `${unitLabel(unit)} already has a plan numbered "${plan.documentNumber}"`,
      { argument: 'documentNumber' },
    );
  }
  return plan;
}

/** A unit the caller may not read answers like one that does not exist; one they read but may not edit is forbidden. */
function checkEditable(access: Access, unit: AdministrativeUnit | null, id: string, what: 'unit' | 'plan'): asserts unit {
  if (!access.user) throw signInRequired();
  const [en, vi] = what === 'unit' ? ['administrative unit', 'đơn vị hành chính'] : ['plan', 'kế hoạch'];
  if (!unit || !access.can('READ', unit.id)) throw notReadable(access, en, vi, id);
  if (!access.can('EDIT', unit.id)) throw forbidden(`lập hoặc sửa kế hoạch của ${unitLabel(unit)}`, `create or change plans of ${unitLabel(unit)}`);
}

export async function createPlan(em: EntityManager, access: Access, input: CreatePlanInput): Promise<Plan> {
  const unit = await em.findOne(AdministrativeUnit, parseId(input.issuingUnitId, 'administrative unit', 'đơn vị hành chính'));
  checkEditable(access, unit, input.issuingUnitId, 'unit');
  const fields: PlanFields = {
    documentNumber: required(input.documentNumber, 'documentNumber', 'số văn bản'),
    issuedOn: input.issuedOn ? parseDate(input.issuedOn, 'issuedOn') : null,
    title: required(input.title, 'title', 'tên kế hoạch'),
    periodStart: parseDate(input.periodFrom, 'periodFrom'),
    periodEnd: parseDate(input.periodTo, 'periodTo'),
  };
  const phase = await checkFields(em, unit, fields);
  const plan = em.create(Plan, { ...fields, issuingUnit: unit, phase });
  if (input.sourceDocument) plan.sourceDocument = newSourceDocument(em, plan, input.sourceDocument);
  return flushPlan(em, plan, unit);
}

function newSourceDocument(em: EntityManager, plan: Plan, input: SourceDocumentInput): SourceDocument {
  return em.create(SourceDocument, {
    key: `plan-${randomUUID()}`,
    documentNumber: plan.documentNumber,
    issuingUnit: plan.issuingUnit,
    kind: DocumentKind.PLAN,
    ...sourceDocumentFields(input),
  });
}

/** The plan, locked for the rest of the transaction, if the caller may edit it. */
async function editablePlan(em: EntityManager, access: Access, id: string): Promise<Plan> {
  const planId = parseId(id, 'plan', 'kế hoạch');
  await em.execute('select 1 from plan where id = ? for update', [planId]);
  const plan = await em.findOne(Plan, planId, { populate: ['issuingUnit', 'sourceDocument'] });
  if (!plan) throw notReadable(access, 'plan', 'kế hoạch', id);
  checkEditable(access, plan.issuingUnit, id, 'plan');
  return plan;
}

export function updatePlan(em: EntityManager, access: Access, id: string, input: UpdatePlanInput): Promise<Plan> {
  return em.transactional(async (tx) => {
    const plan = await editablePlan(tx, access, id);
    const fields: PlanFields = {
      documentNumber: input.documentNumber != null ? required(input.documentNumber, 'documentNumber', 'số văn bản') : plan.documentNumber,
      issuedOn: input.issuedOn != null ? parseDate(input.issuedOn, 'issuedOn') : plan.issuedOn,
      title: input.title != null ? required(input.title, 'title', 'tên kế hoạch') : plan.title,
      periodStart: input.periodFrom != null ? parseDate(input.periodFrom, 'periodFrom') : plan.periodStart,
      periodEnd: input.periodTo != null ? parseDate(input.periodTo, 'periodTo') : plan.periodEnd,
    };
    const phase = await checkFields(tx, plan.issuingUnit, fields);
    tx.assign(plan, { ...fields, phase });
    if (input.sourceDocument) {
      if (plan.sourceDocument) tx.assign(plan.sourceDocument, sourceDocumentFields(input.sourceDocument));
      else plan.sourceDocument = newSourceDocument(tx, plan, input.sourceDocument);
    }
    if (plan.sourceDocument) plan.sourceDocument.documentNumber = plan.documentNumber;
    return flushPlan(tx, plan, plan.issuingUnit);
  });
}

/**
 * Deletes a plan and its tables while none of them was ever submitted (a submission is on record in the
 * workflow events even after reopening). The tables are locked first, so a submission racing the
 * deletion either lands before it (and the deletion is refused) or finds no table.
 * The source document stays: a document was published whether or not a plan is kept for it.
 */
export function deletePlan(em: EntityManager, access: Access, id: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const plan = await editablePlan(tx, access, id);
    await tx.execute('select id from plan_table where plan_id = ? order by id for update', [plan.id]);
    const tablesOfPlan = 'in (select id from plan_table where plan_id = ?)';
    const [used] = await tx.execute(
      `select
         (select count(*) from workflow_event where table_id ${tablesOfPlan} and to_status = ?)::int as submitted,
         ((select count(*) from report_instance where table_id ${tablesOfPlan}) + (select count(*) from report_form_version where source_table_id ${tablesOfPlan}))::int as reporting`,
      [plan.id, TableStatus.SUBMITTED, plan.id, plan.id],
    );
    const label = `"${plan.documentNumber}" / ${unitLabel(plan.issuingUnit)}`;
    if (used.submitted > 0) {
      throw new Refusal('PLAN_SUBMITTED', `Không thể xóa kế hoạch ${label}: đã có bảng được gửi duyệt`, `Cannot delete plan ${label}: one of its tables was submitted`);
    }
    if (used.reporting > 0) {
      throw new Refusal('PLAN_IN_USE', `Không thể xóa kế hoạch ${label}: bảng của nó thuộc một đợt báo cáo hoặc mẫu báo cáo`, `Cannot delete plan ${label}: its tables belong to a reporting round or report form`);
    }
    for (const statement of [
      `delete from cell_change where table_id ${tablesOfPlan}`,
      `delete from change_set where table_id ${tablesOfPlan}`,
      `delete from table_cell where table_id ${tablesOfPlan}`,
      `delete from table_row where table_id ${tablesOfPlan}`,
      `delete from table_column where table_id ${tablesOfPlan}`,
      `delete from removed_table_item where table_id ${tablesOfPlan}`,
      `delete from workflow_event where table_id ${tablesOfPlan}`,
      'delete from plan_table where plan_id = ?',
    ]) {
      await tx.execute(statement, [plan.id]);
    }
    await tx.execute('delete from plan where id = ?', [plan.id]);
    return true;
  });
}
