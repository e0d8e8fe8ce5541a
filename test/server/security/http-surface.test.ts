import { createTestDatabase, type TestDatabase } from '../../support/database';
import { postGraphQL, startTestApp, type TestApp } from '../../support/graphql';
import { importTestTable } from '../../support/tables';

/** Headers, input limits, error answers and the public origin (issue 16, items 5–7, 9 and 14), through HTTP; item 8 in production-errors.test.ts. */
let db: TestDatabase;
let app: TestApp;
let server: string;
let canthoTable: string;
let canGioTable: string;
const SHEET = 'STT,Nội dung,Tổng số\n1,Hỗ trợ nhà ở,10';

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  server = app.url.replace(/\/graphql$/, '');
  canthoTable = String(await importTestTable(db, SHEET, { title: 'CT', unitKey: '92@2025' }));
  canGioTable = String(await importTestTable(db, SHEET, { title: 'CG', unitKey: '787@1991' }));
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

const PUSH = `mutation ($id: ID!, $key: String!, $comment: String) {
  pushTable(input: { tableId: $id, baseVersion: 1, idempotencyKey: $key, comment: $comment, changes: [{ rowKey: "1", columnKey: "total", value: "12" }] }) { status version replayed }
}`;

describe('security headers (item 5)', () => {
  const csp = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${server}${path}`, init);
    return { csp: response.headers.get('content-security-policy') ?? '', frame: response.headers.get('x-frame-options'), nosniff: response.headers.get('x-content-type-options') };
  };

  it('the sign-in page and GraphiQL cannot be framed; every response says nosniff', async () => {
    for (const path of ['/signin', '/graphiql']) {
      const page = await csp(path);
      expect([path, page.csp]).toEqual([path, expect.stringContaining("frame-ancestors 'none'")]);
      expect(page.frame).toBe('DENY');
      expect(page.nosniff).toBe('nosniff');
    }
    for (const path of ['/healthz', '/graphql?query=%7B__typename%7D', '/addin/taskpane.css', '/nowhere']) expect([path, (await csp(path)).nosniff]).toEqual([path, 'nosniff']);
    expect((await csp('/graphql', { headers: { accept: 'text/html' } })).csp).toContain("frame-ancestors 'none'");
  });

  it('the task pane may be framed by Office\'s hosts only, and runs only its own scripts and Office.js', async () => {
    const pane = await csp('/addin/taskpane.html');
    expect(pane.csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com https:\/\/\*\.office\.com/);
    expect(pane.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(pane.csp).not.toContain('unsafe-inline');
    expect(pane.frame).toBeNull();
    expect(pane.nosniff).toBe('nosniff');
  });
});

describe('input limits (items 6 and 9)', () => {
  it('a 2 MB argument is refused with a small answer that does not repeat it', async () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query ($d: String!) { findTable(documentNumber: $d, title: $d) { id } }`, variables: { d: huge } }),
    });
    const text = await response.text();
    expect(text.length).toBeLessThan(2000);
    expect(JSON.parse(text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'documentNumber' });
  });

  it('a NUL character is a clear 400 error naming the argument, not a 500', async () => {
    const response = await app.query(PUSH, { id: canthoTable, key: 'nul', comment: 'a\u0000b' });
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'comment' });
    expect(response.errors![0].message).toContain('NUL');
  });

  it('a comment longer than 2,000 characters is refused and nothing is stored', async () => {
    const response = await app.query(PUSH, { id: canthoTable, key: 'long', comment: 'c'.repeat(4_900_00) });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'comment' });
    expect((await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version } }`, { id: canthoTable })).data!.tableGrid.version).toBe(1);
  });

  it('an idempotency key with spaces around it is replayed like the same key', async () => {
    const first = await app.query(PUSH, { id: canGioTable, key: '  padded-key ' });
    expect(first.data!.pushTable).toMatchObject({ status: 'APPLIED', replayed: false });
    const retry = await app.query(PUSH, { id: canGioTable, key: '  padded-key ' });
    expect(retry.data!.pushTable).toMatchObject({ status: 'APPLIED', version: first.data!.pushTable.version, replayed: true });
  });

  it('titles, document numbers, logins, keys and search texts one character over their limit are refused by name, and nothing is written', async () => {
    const refusal = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;
    const plan = `mutation ($title: String!, $number: String!) {
      createPlan(input: { title: $title, documentNumber: $number, issuingUnitId: "1", periodFrom: "2026-01-01", periodTo: "2026-12-31" }) { id }
    }`;
    const plans = async () => (await db.orm.em.fork().getConnection().execute(`select count(*)::int as n from plan`))[0].n as number;
    const before = await plans();
    expect(refusal(await app.query(plan, { title: 't'.repeat(301), number: 'LIMIT/1' }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'title' });
    expect(refusal(await app.query(plan, { title: 'Limits', number: 'n'.repeat(101) }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'documentNumber' });
    expect(await plans()).toBe(before);
    const anonymous = await app.as(null);
    const signIn = await anonymous(`mutation ($login: String!) { signIn(login: $login, password: "x") { accessToken } }`, { login: 'l'.repeat(101) });
    expect(refusal(signIn)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'login' });
    const search = await anonymous(`query ($q: String!) { searchUnits(query: $q) { id } }`, { q: 'c'.repeat(501) });
    expect(refusal(search)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    expect(refusal(await app.query(PUSH, { id: canthoTable, key: 'k'.repeat(201) }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey' });
    expect((await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version } }`, { id: canthoTable })).data!.tableGrid.version).toBe(1);
    // At the limit itself a key is taken: the limits are where they say, not lower.
    expect((await app.query(PUSH, { id: canthoTable, key: 'k'.repeat(200) })).data!.pushTable).toMatchObject({ status: 'APPLIED', version: 2 });
  });
});

describe('the manifest\'s origin (item 7)', () => {
  it('never comes from X-Forwarded-Host or Host by default, and comes from PLANBRIDGE_PUBLIC_URL when set', async () => {
    const forged = await (await fetch(`${server}/addin/manifest.xml`, { headers: { 'x-forwarded-host': 'evil.example:443', 'x-forwarded-proto': 'https' } })).text();
    expect(forged).not.toContain('evil.example');
    expect(forged).toContain(`${server}/addin/taskpane.html`);
    const configured = await startTestApp(db.orm, { settings: { publicUrl: 'https://planbridge.example.gov.vn' } });
    try {
      const xml = await (await fetch(`${configured.url.replace(/\/graphql$/, '')}/addin/manifest.xml`, { headers: { 'x-forwarded-host': 'evil.example' } })).text();
      expect(xml).toContain('https://planbridge.example.gov.vn/addin/taskpane.html');
      expect(xml).not.toContain('evil.example');
    } finally {
      await configured.close();
    }
  });
});

describe('access checks that tests must catch (item 14)', () => {
  it('tableWorkflow of another unit\'s table answers like a missing table', async () => {
    const viewer = await app.as('cantho.viewer');
    const hidden = await viewer(`query ($id: ID!) { tableWorkflow(tableId: $id) { toStatus } }`, { id: canGioTable });
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await viewer(`query ($id: ID!) { tableWorkflow(tableId: $id) { toStatus } }`, { id: canthoTable })).errors).toBeUndefined();
  });

  it('a VIEWER can neither push to nor submit a table of their own unit', async () => {
    const viewer = await app.as('cantho.viewer');
    expect((await viewer(PUSH, { id: canthoTable, key: 'viewer' })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await viewer(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: canthoTable })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('when the database fails (items 9, 10 and 14)', () => {
  let broken: TestDatabase;
  let brokenApp: TestApp;
  beforeAll(async () => {
    broken = await createTestDatabase();
    brokenApp = await startTestApp(broken.orm);
    await brokenApp.as('admin'); // its token is issued while the database still answers
    await broken.orm.close(true);
  });
  afterAll(async () => {
    await brokenApp.close();
    await broken.drop();
  });

  it('a failure while building the request context is answered 503 without its details', async () => {
    const response = await (await brokenApp.as('admin'))(`{ me { login } }`);
    expect(response.status).toBe(503);
    expect(response.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(response)).not.toMatch(/ECONNREFUSED|pool|knex|127\.0\.0\.1/i);
  });

  it('an internal error is masked and carries the request\'s own id', async () => {
    const response = await postGraphQL(brokenApp.url, `{ plans { id } }`, {}, { 'x-request-id': 'req-item-14' });
    expect(response.errors![0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-item-14' });
    expect(response.errors![0].message).toContain('req-item-14');
    expect(JSON.stringify(response)).not.toMatch(/pool|knex|select|stack/i);
  });

  it('/healthz says the process is alive while /readyz says the database is not', async () => {
    const base = brokenApp.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${server}/readyz`)).status).toBe(200);
  });
});
