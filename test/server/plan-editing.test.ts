import type { TestDatabase } from '../support/database';
import { type TestApp, useTestApp } from '../support/graphql';
import { importTestTable } from '../support/tables';

/** Plans any unit can create (issue 11, part 3), through the real HTTP endpoint. */
let db: TestDatabase;
let app: TestApp;

useTestApp((made) => ({ db, app } = made));

const SEARCH = `query ($query: String!) { searchUnits(query: $query) { id key name level validTo parent { name } } }`;
const CREATE = `mutation ($input: CreatePlanInput!) {
  createPlan(input: $input) { id documentNumber issuedOn title periodStart periodEnd issuingUnit { key } phase { key } sourceDocument { title issuedOn file kind } }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { documentNumber title periodEnd sourceDocument { title file } } }`;
const DELETE = `mutation ($id: ID!) { deletePlan(id: $id) }`;
const PLANS = `query ($unit: ID!) { plans(issuingUnitId: $unit) { id documentNumber } }`;

const planCount = async () => Number((await db.orm.em.fork().getConnection().execute('select count(*)::int as n from plan'))[0].n);

/** Today's commune of Điện Biên found by name, and an editor created for it through the API. */
async function dienBienCommune(): Promise<{ id: string; key: string }> {
  const found = (await app.query(SEARCH, { query: 'dien bien' })).data!.searchUnits as { id: string; key: string; level: string; validTo: string | null; parent: { name: string } | null }[];
  return found.find((unit) => unit.level === 'COMMUNE' && unit.validTo === null && unit.parent?.name === 'Tỉnh Điện Biên')!;
}

describe('plans any unit can create', () => {
  let commune: { id: string; key: string };
  let editor: Awaited<ReturnType<TestApp['as']>>;
  const input = (extra: Record<string, unknown> = {}) => ({
    issuingUnitId: commune.id,
    documentNumber: '15/KH-UBND',
    issuedOn: '2025-08-15',
    title: 'Kế hoạch thực hiện Chương trình MTQG giảm nghèo bền vững năm 2025',
    periodFrom: '2025-07-01',
    periodTo: '2025-12-31',
    ...extra,
  });

  beforeAll(async () => {
    commune = await dienBienCommune();
    expect(commune.key).toBe('03127@2025'); // Phường Điện Biên Phủ, of Tỉnh Điện Biên
    const created = await app.query(
      `mutation ($unit: ID!) { createUser(login: "dienbienphu.editor", displayName: "Phường Điện Biên Phủ – nhập liệu", password: "a long enough password", role: EDITOR, unitId: $unit) { id } }`,
      { unit: commune.id },
    );
    expect(created.errors).toBeUndefined();
    editor = await app.as('dienbienphu.editor');
  });

  it("lets the commune's editor create a plan with its source document, found again through the unit's search", async () => {
    const response = await editor(CREATE, { input: input({ sourceDocument: { title: 'Kế hoạch 15/KH-UBND', issuedOn: '2025-08-15', file: 'https://dienbienphu.dienbien.gov.vn/kh-15.pdf' } }) });
    expect(response.errors).toBeUndefined();
    const plan = response.data!.createPlan;
    expect(plan).toMatchObject({
      documentNumber: '15/KH-UBND',
      periodStart: '2025-07-01',
      issuingUnit: { key: '03127@2025' },
      phase: { key: '2021-2025' },
      sourceDocument: { title: 'Kế hoạch 15/KH-UBND', issuedOn: '2025-08-15', file: 'https://dienbienphu.dienbien.gov.vn/kh-15.pdf', kind: 'PLAN' },
    });
    const again = await dienBienCommune();
    expect((await editor(PLANS, { unit: again.id })).data!.plans).toEqual([{ id: plan.id, documentNumber: '15/KH-UBND' }]);
  });

  it('refuses bad input in Vietnamese and English, writing nothing', async () => {
    const before = await planCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ issuedOn: '2025-06-30' }, 'outside the validity of Phường Điện Biên Phủ', 'nằm ngoài thời gian tồn tại'],
      [{ periodFrom: '2024-01-01' }, 'outside the validity', 'Ngày bắt đầu kỳ kế hoạch'],
      [{ periodFrom: '2025-12-31', periodTo: '2025-07-01' }, 'ends (2025-07-01) before it starts', 'kết thúc'],
      [{ periodTo: '2026-12-31' }, 'does not lie within one phase', 'giai đoạn'],
      [{ documentNumber: '  ' }, 'must not be empty', 'Cần ghi số văn bản'],
      [{ issuedOn: '2025-02-30' }, 'must be a date', 'phải là ngày'],
    ];
    for (const [extra, en, vi] of cases) {
      const error = (await editor(CREATE, { input: input({ documentNumber: 'bad/KH', ...extra }) })).errors![0].extensions!;
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.messageEn).toContain(en);
      expect(error.messageVi).toContain(vi);
    }
    expect(await planCount()).toBe(before);
  });

  it('a unit outside the caller\'s scope answers like a missing one; a readable one they may not edit is forbidden', async () => {
    const canTho = (await app.query(`{ findUnit(name: "Cần Thơ", asOf: "2025-07-01", level: PROVINCE) { id } }`)).data!.findUnit.id;
    const outside = await editor(CREATE, { input: input({ issuingUnitId: canTho }) });
    expect(outside.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', id: canTho });
    const missing = await editor(CREATE, { input: input({ issuingUnitId: '99999999' }) });
    expect(missing.errors![0].message.replaceAll('99999999', canTho)).toBe(outside.errors![0].message);
    const viewer = await app.as('cantho.viewer');
    const forbidden = await viewer(CREATE, { input: input({ issuingUnitId: canTho, issuedOn: '2025-07-02' }) });
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('parallel identical creations: exactly one wins, the others are a clean CONFLICT', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => editor(CREATE, { input: input({ documentNumber: '20/KH-UBND' }) })));
    expect(responses.filter((response) => !response.errors)).toHaveLength(1);
    for (const response of responses.filter((response) => response.errors)) {
      expect(response.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
      expect(response.errors![0].extensions!.messageVi).toContain('đã có kế hoạch số "20/KH-UBND"');
    }
  });

  it('updates a plan, refusing a document number the unit already uses', async () => {
    const { id } = (await editor(CREATE, { input: input({ documentNumber: '30/KH-UBND' }) })).data!.createPlan;
    const updated = await editor(UPDATE, { id, input: { title: 'Kế hoạch sửa đổi', periodTo: '2025-10-31', sourceDocument: { title: 'Văn bản 30', file: 'kh-30.pdf' } } });
    expect(updated.data!.updatePlan).toEqual({ documentNumber: '30/KH-UBND', title: 'Kế hoạch sửa đổi', periodEnd: '2025-10-31', sourceDocument: { title: 'Văn bản 30', file: 'kh-30.pdf' } });
    const taken = await editor(UPDATE, { id, input: { documentNumber: '15/KH-UBND' } });
    expect(taken.errors![0].extensions!.code).toBe('CONFLICT');
    const other = await (await app.as('cantho.editor'))(UPDATE, { id, input: { title: 'x' } });
    expect(other.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('deletes a plan and its draft tables, but not one whose table was ever submitted', async () => {
    const sheet = 'STT,Nội dung,Tổng số\n1,Hỗ trợ nhà ở,10';
    const { id: draftPlan } = (await editor(CREATE, { input: input({ documentNumber: '40/KH-UBND' }) })).data!.createPlan;
    const draftTable = String(await importTestTable(db, `${sheet}\n2,Hỗ trợ sinh kế,5`, { title: 'Phụ lục 40', planId: Number(draftPlan) }));
    // A row removed from it is kept for its history, which goes with the plan.
    const removedRow = (await editor(`query ($id: ID!) { tableGrid(tableId: $id) { rows { key } } }`, { id: draftTable })).data!.tableGrid.rows[1].key;
    const removed = await editor(`mutation ($input: ChangeTableStructureInput!) { changeTableStructure(input: $input) { version } }`, {
      input: { tableId: draftTable, baseVersion: 1, changes: [{ op: 'REMOVE_ROW', key: removedRow }] },
    });
    expect(removed.errors).toBeUndefined();
    const deleted = await editor(DELETE, { id: draftPlan });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deletePlan).toBe(true);
    expect((await editor(`query ($id: ID!) { plan(id: $id) { id } }`, { id: draftPlan })).errors![0].extensions!.code).toBe('NOT_FOUND');

    const { id: submittedPlan } = (await editor(CREATE, { input: input({ documentNumber: '41/KH-UBND' }) })).data!.createPlan;
    const tableId = await importTestTable(db, sheet, { title: 'Phụ lục 41', planId: Number(submittedPlan) });
    expect((await editor(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: String(tableId) })).errors).toBeUndefined();
    const refused = await editor(DELETE, { id: submittedPlan });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'PLAN_SUBMITTED' });
    expect(refused.errors![0].extensions!.messageVi).toContain('đã có bảng được gửi duyệt');
    expect((await editor(`query ($id: ID!) { plan(id: $id) { tables { id } } }`, { id: submittedPlan })).data!.plan.tables).toHaveLength(1);
  });

  it('a deletion racing a submission: exactly one of them wins, and the plan is either gone or kept with its submitted table', async () => {
    for (let round = 0; round < 3; round++) {
      const { id: planId } = (await editor(CREATE, { input: input({ documentNumber: `5${round}/KH-UBND` }) })).data!.createPlan;
      const tableId = await importTestTable(db, 'STT,Nội dung,Tổng số\n1,Hỗ trợ nhà ở,10', { title: `Phụ lục 5${round}`, planId: Number(planId) });
      const [deleted, submitted] = await Promise.all([
        editor(DELETE, { id: planId }),
        editor(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: String(tableId) }),
      ]);
      expect([deleted, submitted].filter((response) => !response.errors)).toHaveLength(1);
      const [{ plans, tables }] = await db.orm.em.fork().getConnection().execute(
        `select (select count(*) from plan where id = ?)::int as plans, (select count(*) from plan_table where plan_id = ?)::int as tables`,
        [planId, planId],
      );
      if (deleted.errors) {
        expect(deleted.errors[0].extensions!.code).toBe('PLAN_SUBMITTED');
        expect({ plans, tables }).toEqual({ plans: 1, tables: 1 });
      } else {
        expect(submitted.errors![0].extensions!.code).toBe('NOT_FOUND');
        expect({ plans, tables }).toEqual({ plans: 0, tables: 0 });
      }
    }
  });
});
