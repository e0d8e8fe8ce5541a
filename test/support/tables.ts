import type { EntityManager } from '@mikro-orm/postgresql';
import { FundingSource, Plan, PlanTable, ProgramComponent, SupportPolicy, TableTemplate } from '../../server/entities';
import { readAppendixCsv } from '../../server/import/appendix-csv';
import { importPlanTable } from '../../server/import/plan-table-import';
import type { TestDatabase } from './database';

/**
 * Imports an appendix given as CSV text under the seeded plan 132/KH-UBND, with a template of
 * the given rules (none by default, for tests about sync mechanics rather than arithmetic).
 */
export async function importTestTable(db: TestDatabase, csv: string, options: { title: string; rules?: unknown[] }): Promise<number> {
  const em = db.orm.em.fork() as EntityManager;
  const plan = await em.findOneOrFail(Plan, { documentNumber: '132/KH-UBND' });
  const template = em.create(TableTemplate, { key: `test-${options.title}`, name: options.title, rules: options.rules ?? [] });
  const table: PlanTable = importPlanTable(
    em,
    { plan, title: options.title, caption: options.title, unitOfMeasure: 'triệu đồng', template, position: 50, appendix: readAppendixCsv(csv) },
    { fundingSources: await em.find(FundingSource, {}), components: await em.find(ProgramComponent, {}), policies: await em.find(SupportPolicy, {}) },
  );
  await em.flush();
  return table.id;
}
