import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../auth/access';
import { forbidden } from '../auth/auth-errors';
import { PeriodType, PlanTable, ReportForm, ReportFormVersion, TableTemplate, UnitLevel, User } from '../entities';
import { Refusal, badInput, notFound } from '../../domain/refusal';
import { readableTable } from '../tables/workflow';
import { readFormStructure, structureHash } from './form-structure';

export interface ReportFormRequest {
  templateTableId: number;
  title: string;
  periodType: PeriodType;
  reportingLevel: UnitLevel;
}

/** Forms are set up by those who collect reports: approvers and administrators. */
function mayManageForms(access: Access): boolean {
  const approve = access.unitsFor('APPROVE');
  return approve === 'ALL' || approve.length > 0;
}

async function newVersion(em: EntityManager, form: ReportForm, number: number, table: PlanTable): Promise<ReportFormVersion> {
  const copied = (await readFormStructure(em, table.id))!;
  if (copied.structure.rows.length === 0 || copied.structure.columns.length === 0) {
    throw badInput('templateTableId', `Bảng "${table.title}" không có dòng hoặc cột nào để làm biểu mẫu`, `Table "${table.title}" has no rows or columns to make a form of`);
  }
  // The version's own template: the rules stay those of the day, whatever later happens to the source's.
  const template = em.create(TableTemplate, { key: `report-form-${form.id}-v${number}`, name: `${form.title} (v${number})`, rules: copied.rules });
  return em.create(ReportFormVersion, {
    form,
    number,
    template,
    sourceTable: table,
    structure: copied.structure,
    structureHash: structureHash(copied.structure, copied.rules),
  });
}

/** createReportForm: the structure and rules of a table the caller can read become version 1 of a form. */
export async function createReportForm(em: EntityManager, access: Access, request: ReportFormRequest): Promise<ReportForm> {
  if (!mayManageForms(access)) throw forbidden('tạo biểu mẫu báo cáo', 'create report forms');
  const title = request.title.trim();
  if (!title || title.length > 200) throw badInput('title', 'Tên biểu mẫu phải có từ 1 đến 200 ký tự', 'The form title must have 1 to 200 characters');
  return em.transactional(async (tx) => {
    const table = await readableTable(tx as EntityManager, access, request.templateTableId, String(request.templateTableId));
    if (await tx.count(ReportForm, { title })) {
      throw new Refusal('FORM_EXISTS', `Đã có biểu mẫu "${title}"`, `A form "${title}" already exists`, { argument: 'title' });
    }
    const form = tx.create(ReportForm, { title, periodType: request.periodType, reportingLevel: request.reportingLevel, createdBy: tx.getReference(User, access.user!.id) });
    await tx.flush();
    await newVersion(tx as EntityManager, form, 1, table);
    await tx.flush();
    return form;
  });
}

/**
 * reviseReportForm: the current structure of a table becomes the form's next version, unless it is
 * the same as the latest. Rounds already open keep the version they were opened with.
 */
export async function reviseReportForm(em: EntityManager, access: Access, formId: number, tableId: number): Promise<ReportFormVersion> {
  if (!mayManageForms(access)) throw forbidden('sửa biểu mẫu báo cáo', 'change report forms');
  return em.transactional(async (tx) => {
    const form = await tx.findOne(ReportForm, formId);
    if (!form) throw notFound('report form', 'biểu mẫu báo cáo', String(formId));
    await tx.lock(form, 'pessimistic_write' as never);
    const table = await readableTable(tx as EntityManager, access, tableId, String(tableId));
    const latest = await latestVersion(tx as EntityManager, form.id);
    const copied = (await readFormStructure(tx as EntityManager, table.id))!;
    if (structureHash(copied.structure, copied.rules) === latest.structureHash) return latest;
    const version = await newVersion(tx as EntityManager, form, latest.number + 1, table);
    await tx.flush();
    return version;
  });
}

export async function latestVersion(em: EntityManager, formId: number): Promise<ReportFormVersion> {
  return em.findOneOrFail(ReportFormVersion, { form: formId }, { orderBy: { number: 'desc' } });
}
