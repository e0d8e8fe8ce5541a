import { getMetadataStorage } from 'type-graphql';
import { createSchema } from '../../../server/graphql/schema';
import { type TestApp, useTestApp } from '../../support/graphql';

/**
 * Every operation marked `@Authorized()` answers an anonymous caller with the one bilingual UNAUTHENTICATED
 * error and HTTP 401 (issue 18, "one way to fail"), before looking at its arguments or the database.
 */
let app: TestApp;
useTestApp((made) => ({ app } = made));

const OPERATIONS: Record<string, string> = {
  signOut: `mutation { signOut }`,
  createPersonalAccessToken: `mutation { createPersonalAccessToken(name: "x") { token } }`,
  revokeToken: `mutation { revokeToken(id: "1") }`,
  submitTable: `mutation { submitTable(tableId: "1") { id } }`,
  approveTable: `mutation { approveTable(tableId: "1") { id } }`,
  reopenTable: `mutation { reopenTable(tableId: "1", reason: "x") { id } }`,
  pushTable: `mutation { pushTable(input: { tableId: "1", baseVersion: 1, idempotencyKey: "k", changes: [] }) { status } }`,
  changeTableStructure: `mutation { changeTableStructure(input: { tableId: "1", baseVersion: 1, changes: [] }) { version } }`,
  createIndicatorTable: `mutation { createIndicatorTable(input: { planId: "1", title: "x", unitIds: ["1"], columns: [{ indicatorKey: "X", kind: ACTUAL, periodKey: "2024" }] }) { id } }`,
  reportForms: `{ reportForms { id } }`,
  createReportForm: `mutation { createReportForm(input: { templateTableId: "1", title: "x", periodType: HALF_YEAR, reportingLevel: COMMUNE }) { id } }`,
  reviseReportForm: `mutation { reviseReportForm(formId: "1", templateTableId: "1") { number } }`,
  openReportingRound: `mutation { openReportingRound(input: { formId: "1", periodKey: "2025-H1", deadline: "2025-07-15" }) { id } }`,
  reportingRounds: `{ reportingRounds { id } }`,
  adoptConsolidation: `mutation { adoptConsolidation(roundId: "1", unitId: "1") { id } }`,
  myReportingTasks: `{ myReportingTasks { tableId } }`,
  users: `{ users { id } }`,
  usersConnection: `{ usersConnection(first: 1) { totalCount } }`,
  createUser: `mutation { createUser(login: "x", displayName: "x", password: "x", role: ADMINISTRATOR) { id } }`,
  importUsers: `mutation { importUsers(csv: "", dryRun: true) { applied } }`,
  assignRole: `mutation { assignRole(userId: "1", role: ADMINISTRATOR) { id } }`,
  removeRole: `mutation { removeRole(assignmentId: "1") }`,
};

it('the list above names every operation marked @Authorized', async () => {
  await createSchema();
  const storage = getMetadataStorage();
  const byClass = new Set(storage.authorizedResolver.map((resolver) => resolver.target));
  const marked = [
    ...storage.authorizedFields.map((field) => field.fieldName),
    ...[...storage.queries, ...storage.mutations].filter((handler) => byClass.has(handler.target)).map((handler) => handler.methodName),
  ];
  // personalTokens is a field of User, which an anonymous caller never reaches (me is null).
  expect(new Set(marked)).toEqual(new Set([...Object.keys(OPERATIONS), 'personalTokens']));
});

it.each(Object.entries(OPERATIONS))('%s: an anonymous caller is told to sign in, with HTTP 401', async (_name, operation) => {
  const answer = await (await app.as(null))(operation);
  expect(answer.status).toBe(401);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0].message).toBe('Sign in first / Cần đăng nhập');
  expect(answer.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED', messageVi: 'Cần đăng nhập', messageEn: 'Sign in first' });
});
