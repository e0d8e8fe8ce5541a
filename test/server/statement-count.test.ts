import type { EntityManager } from '@mikro-orm/postgresql';
import { readAppendixCsv } from '../../server/import/appendix-csv';
import { importPlanTable } from '../../server/import/plan-table-import';
import { FundingSource, Plan, ProgramComponent, SupportPolicy, TableTemplate } from '../../server/entities';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

/** A nested query costs a bounded number of SQL statements, whatever the number of rows. */
const NESTED = `{
  plans {
    documentNumber issuingUnit { name parent { name } }
    tables {
      title columns { key fundingSource { key } }
      rows { key parentKey label component { key parent { key } } supportPolicy { key } cells { columnKey value } }
    }
  }
}`;

function syntheticAppendix(items: number): string {
  const lines = ['STT,Nội dung,Tổng số,Ngân sách Trung ương,Ngân sách địa phương', 'I,Phần một,,,'];
  for (let item = 1; item <= items; item++) {
    lines.push(`${item},Dự án ${item}: Đa dạng hóa sinh kế,"${item}.000",${item},`);
    lines.push(`${item}.1,Tiểu dự án 1,"1.${String(item % 1000).padStart(3, '0')}",,${item}`);
    lines.push(`–,Hoạt động,5,,5`);
  }
  return lines.join('\n');
}

describe('SQL statements per nested query', () => {
  let db: TestDatabase;
  let app: TestApp;
  let statements = 0;

  beforeAll(async () => {
    db = await createTestDatabase({ orm: { debug: ['query'], logger: () => (statements += 1) } });
    app = await startTestApp(db.orm);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  async function count(): Promise<number> {
    statements = 0;
    const response = await app.query(NESTED);
    expect(response.errors).toBeUndefined();
    return statements;
  }

  async function addTable(rowsPerItem: number): Promise<void> {
    const em = db.orm.em.fork() as EntityManager;
    const plan = await em.findOneOrFail(Plan, { documentNumber: '132/KH-UBND' });
    importPlanTable(
      em,
      {
        plan,
        title: `Synthetic ${rowsPerItem}`,
        caption: 'synthetic',
        unitOfMeasure: 'triệu đồng',
        template: await em.findOneOrFail(TableTemplate, { key: 'budget-by-funding-source' }),
        position: 10 + rowsPerItem,
        appendix: readAppendixCsv(syntheticAppendix(rowsPerItem)),
      },
      { fundingSources: await em.find(FundingSource, {}), components: await em.find(ProgramComponent, {}), policies: await em.find(SupportPolicy, {}) },
    );
    await em.flush();
  }

  it('does not grow with the number of rows and tables', async () => {
    await count(); // the first request of a token also stamps its last use
    const seeded = await count();
    await addTable(20);
    const withSmall = await count();
    await addTable(400);
    const withLarge = await count();
    expect(seeded).toBeLessThanOrEqual(15);
    expect(withSmall).toBe(seeded);
    expect(withLarge).toBe(seeded);
  });
});
