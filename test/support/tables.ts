import type { EntityManager } from '@mikro-orm/postgresql';
import { AdministrativeUnit, FundingSource, Plan, PlanTable, ProgramComponent, ProgramPhase, SupportPolicy, TableTemplate } from '../../server/entities';
import { readAppendixCsv } from '../../server/import/appendix-csv';
import { importPlanTable } from '../../server/import/plan-table-import';
import type { TestDatabase } from './database';

/**
 * Imports an appendix given as CSV text under the seeded plan 132/KH-UBND (or a new plan of the unit `unitKey`, or the plan `planId`), with a template of
 * the given rules (none by default, for tests about sync mechanics rather than arithmetic).
 */
export async function importTestTable(db: Pick<TestDatabase, 'orm'>, csv: string, options: { title: string; rules?: unknown[]; unitKey?: string; planId?: number }): Promise<number> {
  const em = db.orm.em.fork() as EntityManager;
  const plan = options.planId
    ? await em.findOneOrFail(Plan, options.planId)
    : options.unitKey
    ? em.create(Plan, {
        documentNumber: `${options.title}/KH-UBND`,
        issuedOn: '2024-01-15',
        issuingUnit: await em.findOneOrFail(AdministrativeUnit, { key: options.unitKey }),
        phase: await em.findOneOrFail(ProgramPhase, { key: '2021-2025' }),
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        title: `Kế hoạch ${options.title}`,
      })
    : await em.findOneOrFail(Plan, { documentNumber: '132/KH-UBND' });
  const template = em.create(TableTemplate, { key: `test-${options.title}`, name: options.title, rules: options.rules ?? [] });
  const table: PlanTable = importPlanTable(
    em,
    { plan, title: options.title, caption: options.title, unitOfMeasure: 'triệu đồng', template, position: 50, appendix: readAppendixCsv(csv) },
    { fundingSources: await em.find(FundingSource, {}), components: await em.find(ProgramComponent, {}), policies: await em.find(SupportPolicy, {}) },
  );
  await em.flush();
  return table.id;
}
