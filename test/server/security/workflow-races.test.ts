import type { TestDatabase } from '../../support/database';
import { type TestApp, useTestApp } from '../../support/graphql';
import { importTestTable } from '../../support/tables';

/** Workflow transitions under concurrency (issue 16, items 4 and 11), through the real HTTP endpoint. */
let db: TestDatabase;
let app: TestApp;
const SHEET = 'STT,Nội dung,Tổng số\n1,Hỗ trợ nhà ở,10';
let tables = 0;
const newTable = async () => String(await importTestTable(db, SHEET, { title: `race-${++tables}`, unitKey: '954@2010' }));

const SUBMIT = `mutation ($id: ID!) { submitTable(tableId: $id) { status } }`;
const APPROVE = `mutation ($id: ID!) { approveTable(tableId: $id) { status } }`;
const REOPEN = `mutation ($id: ID!) { reopenTable(tableId: $id, reason: "Sai số liệu") { status } }`;
const EVENTS = `query ($id: ID!) { tableWorkflow(tableId: $id) { fromStatus toStatus } planTable(id: $id) { status } }`;

useTestApp((made) => ({ db, app } = made));

const succeeded = (responses: { data?: Record<string, any> | null; errors?: unknown[] }[]) => responses.filter((response) => !response.errors).length;

describe('workflow transitions race under a row lock', () => {
  it('8 parallel submits: exactly one wins, one event is recorded', async () => {
    const id = await newTable();
    const editor = await app.as('baclieu-city.editor');
    const responses = await Promise.all(Array.from({ length: 8 }, () => editor(SUBMIT, { id })));
    expect(succeeded(responses)).toBe(1);
    responses.filter((response) => response.errors).forEach((response) => expect(response.errors![0].extensions!.code).toBe('BAD_STATUS'));
    expect((await app.query(EVENTS, { id })).data!.tableWorkflow).toEqual([{ fromStatus: 'DRAFT', toStatus: 'SUBMITTED' }]);
  });

  it('8 parallel approvals: exactly one wins, one SUBMITTED→APPROVED event', async () => {
    const id = await newTable();
    await (await app.as('baclieu-city.editor'))(SUBMIT, { id });
    const approver = await app.as('camau.approver');
    const responses = await Promise.all(Array.from({ length: 8 }, () => approver(APPROVE, { id })));
    expect(succeeded(responses)).toBe(1);
    const events = (await app.query(EVENTS, { id })).data!.tableWorkflow;
    expect(events.filter((event: any) => event.toStatus === 'APPROVED')).toHaveLength(1);
  });

  it('mixed parallel approve and reopen: the last event always matches the table status', async () => {
    const id = await newTable();
    await (await app.as('baclieu-city.editor'))(SUBMIT, { id });
    const approver = await app.as('camau.approver');
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => approver(i % 2 ? REOPEN : APPROVE, { id })));
    const { tableWorkflow: events, planTable } = (await app.query(EVENTS, { id })).data!;
    expect(events).toHaveLength(1 + succeeded(responses));
    for (let i = 1; i < events.length; i++) expect(events[i].fromStatus).toBe(events[i - 1].toStatus);
    expect(events[events.length - 1].toStatus).toBe(planTable.status);
  });
});

describe('segregation of duties', () => {
  it('an approver may not approve a version holding their own changes since the last approval', async () => {
    const id = await newTable();
    const approver = await app.as('camau.approver');
    const admin = await app.as('admin'); // a national administrator may edit and approve anywhere
    const pushed = await admin(
      `mutation ($id: ID!) { pushTable(input: { tableId: $id, baseVersion: 1, idempotencyKey: "own", changes: [{ rowKey: "1", columnKey: "total", value: "11" }] }) { status } }`,
      { id },
    );
    expect(pushed.data!.pushTable.status).toBe('APPLIED');
    await (await app.as('baclieu-city.editor'))(SUBMIT, { id });
    const own = await admin(APPROVE, { id });
    expect(own.errors![0].extensions!.code).toBe('SELF_APPROVAL');
    expect(own.errors![0].message).toContain('own changes');
    expect((await approver(APPROVE, { id })).data!.approveTable.status).toBe('APPROVED');
    // After that approval the earlier changes are no longer "since the last approval".
    await approver(REOPEN, { id });
    await (await app.as('baclieu-city.editor'))(SUBMIT, { id });
    expect((await admin(APPROVE, { id })).data!.approveTable.status).toBe('APPROVED');
  });
});
