import { AdministrativeUnit, PlanTable } from '../../../server/entities';
import type { TestDatabase } from '../../support/database';
import { type TestApp, useTestApp } from '../../support/graphql';

/** createIndicatorTable checks the title and picks the next position under the plan's row lock (issue 16, item 13). */
let db: TestDatabase;
let app: TestApp;

useTestApp((made) => ({ db, app } = made));

it('4 parallel creations of one title: one table, the others refused', async () => {
  const editor = await app.as('cantho.editor');
  const planId = (await app.query(`{ plans(documentNumber: "132/KH-UBND") { id } }`)).data!.plans[0].id;
  const unit = await db.orm.em.fork().findOneOrFail(AdministrativeUnit, { key: '92@2004' });
  const input = { planId, title: 'Tỷ lệ hộ nghèo 2024', unitIds: [String(unit.id)], columns: [{ indicatorKey: 'POOR_HOUSEHOLD_RATE', kind: 'ACTUAL', periodKey: '2024' }] };
  const create = `mutation ($input: IndicatorTableInput!) { createIndicatorTable(input: $input) { id } }`;
  const responses = await Promise.all(Array.from({ length: 4 }, () => editor(create, { input })));
  expect(responses.filter((response) => !response.errors)).toHaveLength(1);
  responses.filter((response) => response.errors).forEach((response) => expect(response.errors![0].message).toContain('already has a table'));
  expect(await db.orm.em.fork().count(PlanTable, { title: input.title })).toBe(1);
});

it('4 parallel creations of different titles in one plan: four tables at four different positions, one template', async () => {
  const editor = await app.as('cantho.editor');
  const planId = (await app.query(`{ plans(documentNumber: "132/KH-UBND") { id } }`)).data!.plans[0].id;
  const unit = await db.orm.em.fork().findOneOrFail(AdministrativeUnit, { key: '92@2004' });
  const create = `mutation ($input: IndicatorTableInput!) { createIndicatorTable(input: $input) { id position template { key } } }`;
  const responses = await Promise.all(
    [2020, 2021, 2022, 2023].map((year) =>
      editor(create, { input: { planId, title: `Tỷ lệ hộ nghèo, bản ${year}`, unitIds: [String(unit.id)], columns: [{ indicatorKey: 'POOR_HOUSEHOLD_RATE', kind: 'ACTUAL', periodKey: '2024' }] } }),
    ),
  );
  responses.forEach((response) => expect(response.errors).toBeUndefined());
  const created = responses.map((response) => response.data!.createIndicatorTable);
  expect(new Set(created.map((table) => table.position)).size).toBe(4);
  expect(new Set(created.map((table) => table.template.key)).size).toBe(1);
});
