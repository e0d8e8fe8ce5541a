import { createTestDatabase, type TestDatabase } from '../../support/database';
import { postGraphQL } from '../../support/graphql';
import { freePort, killSpawnedServers, spawnServer, type ServerProcess } from '../../support/server-process';

/**
 * A server started with NODE_ENV=production (introspection off) answers requests that do not fit the schema
 * without naming its required arguments and input fields, types or enum values, and without "Did you mean"
 * (issue 16, item 8): one generic message with the position instead.
 */
jest.setTimeout(180000);

let db: TestDatabase;
let server: ServerProcess;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = spawnServer({ DATABASE_URL: db.url, NODE_ENV: 'production' }, await freePort());
  await server.ready();
  url = `http://127.0.0.1:${server.port}/graphql`;
});
afterAll(async () => {
  killSpawnedServers();
  await server?.exited();
  await db?.drop();
});

const PUSH = `mutation ($i: PushTableInput!) { pushTable(input: $i) { status } }`;
const GENERIC = /^Invalid request at line \d+, column \d+( \(variable \$\w+\))?: a field, argument or value does not match the API \(see docs\/api\.md\) \/ Yêu cầu không hợp lệ tại dòng \d+, cột \d+( \(biến \$\w+\))?: có trường, tham số hoặc giá trị không khớp với API \(xem docs\/api\.md\)$/;

/** [case, query, variables, code, what today's message would reveal] */
const CASES: [string, string, Record<string, unknown>, string, string[]][] = [
  ['a missing required argument', `{ findTable(title: "x") { id } }`, {}, 'GRAPHQL_VALIDATION_FAILED', ['documentNumber', 'String!']],
  ['a missing required input field', `mutation { pushTable(input: { baseVersion: 1, idempotencyKey: "k", changes: [] }) { status } }`, {}, 'GRAPHQL_VALIDATION_FAILED', ['tableId', 'PushTableInput', 'ID!']],
  ['a missing required input field in a variable', PUSH, { i: { baseVersion: 1, idempotencyKey: 'k', changes: [] } }, 'BAD_USER_INPUT', ['tableId', 'ID!']],
  ['a wrong enum value', `{ indicatorValues(filter: { indicatorKeys: ["X"], kinds: [ACTUA] }) { value } }`, {}, 'GRAPHQL_VALIDATION_FAILED', ['ValueKind', 'ACTUAL']],
  ['a wrong enum value in a variable', `query ($k: [ValueKind!]) { indicatorValues(filter: { indicatorKeys: ["X"], kinds: $k }) { value } }`, { k: ['ACTUA'] }, 'BAD_USER_INPUT', ['ValueKind', 'ACTUAL']],
  ['an unknown field of an input object', `mutation { pushTable(input: { tableId: 1, baseVersion: 1, idempotencyKey: "k", changes: [], commnt: "x" }) { status } }`, {}, 'GRAPHQL_VALIDATION_FAILED', ['PushTableInput', '"comment"', 'Suggestion']],
  ['an unknown field of an input object in a variable', PUSH, { i: { tableId: 1, baseVersion: 1, idempotencyKey: 'k', changes: [], commnt: 'x' } }, 'BAD_USER_INPUT', ['PushTableInput', '"comment"', 'Suggestion']],
  ['a variable of the wrong type', `query ($d: String!) { findTable(documentNumber: $d, title: "x") { id } }`, { d: 5 }, 'BAD_USER_INPUT', ['String']],
  ['a wrong type inside a variable', PUSH, { i: { tableId: 1, baseVersion: 'one', idempotencyKey: 'k', changes: [] } }, 'BAD_USER_INPUT', ['Int', 'baseVersion']],
  ['a variable declared with another type', `query ($d: Int) { findTable(documentNumber: $d, title: "x") { id } }`, { d: 5 }, 'GRAPHQL_VALIDATION_FAILED', ['String!']],
  ['an unknown field', `{ plans { idd } }`, {}, 'GRAPHQL_VALIDATION_FAILED', ['Plan', '"id"']],
  ['an unknown argument', `{ plans(issuingUnit: 1) { id } }`, {}, 'GRAPHQL_VALIDATION_FAILED', ['Query.plans', 'issuingUnitId']],
];

describe.each(CASES)('%s', (_name, query, variables, code, leaks) => {
  it('is answered with the generic message, its position and its code, naming nothing of the schema', async () => {
    const response = await postGraphQL(url, query, variables);
    expect(response.status).toBe(400);
    expect(response.errors!.length).toBeGreaterThan(0);
    for (const error of response.errors!) {
      expect(error.message).toMatch(GENERIC);
      expect(error.extensions!.code).toBe(code);
      expect((error as { locations?: unknown[] }).locations?.length).toBeGreaterThan(0);
      for (const leak of [...leaks, 'Did you mean']) expect(JSON.stringify(error)).not.toContain(leak);
    }
  });
});

it('names the variable the caller wrote, which reveals nothing', async () => {
  const response = await postGraphQL(url, PUSH, { i: { baseVersion: 1, idempotencyKey: 'k', changes: [] } });
  expect(response.errors![0].message).toContain('(variable $i)');
  expect(response.errors![0].message).toContain('(biến $i)');
});

it('keeps the messages PlanBridge itself gives, which name what the caller sent', async () => {
  const nul = await postGraphQL(url, `query ($d: String!) { findTable(documentNumber: $d, title: "x") { id } }`, { d: 'a\u0000b' });
  expect(nul.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'documentNumber' });
  expect(nul.errors![0].message).toContain('NUL');
  const deep = `{ plans { ${'tables { plan { '.repeat(10)}id${' } }'.repeat(10)} } }`;
  expect((await postGraphQL(url, deep)).errors!.map((error) => error.message).join('\n')).toMatch(/depth limit of 15 exceeded/);
});
