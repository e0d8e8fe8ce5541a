import type { EntityManager } from '@mikro-orm/postgresql';
import { issueToken } from '../../server/auth/tokens';
import { vietnamToday } from '../../domain/reporting/calendar';
import { readConfig } from '../../server/config';
import { AccessToken, Period, PlanTable, TokenKind, User } from '../../server/entities';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { postGraphQL, startTestApp, type TestApp } from '../support/graphql';
import { importTestTable } from '../support/tables';

/** Accounts, roles per unit, approval and hardening, through the real HTTP endpoint. */
let db: TestDatabase;
let app: TestApp;
let baclieuCity: string; // a district table (TP. Bạc Liêu, in Bạc Liêu province, now Cà Mau)
let canGio: string; // another district's table (Cần Giờ, Hồ Chí Minh City)
let baclieuProvince: string; // the province above Bạc Liêu city

const SHEET = 'STT,Nội dung,Tổng số,Ngân sách Trung ương\n1,Hỗ trợ nhà ở,10,10\n2,Truyền thông,5,5';
const GRID = `query ($id: ID!) { tableGrid(tableId: $id) { version editable status statusChangedBy notEditableReasonEn notEditableReasonVi reportDeadline daysRemaining } }`;
const PUSH = `mutation ($id: ID!, $base: Int!, $key: String!, $value: String) {
  pushTable(input: { tableId: $id, baseVersion: $base, idempotencyKey: $key, changes: [{ rowKey: "1", columnKey: "central-budget", value: $value }, { rowKey: "1", columnKey: "total", value: $value }] }) { status version }
}`;
let keys = 0;
const push = (query: Awaited<ReturnType<TestApp['as']>>, id: string, base: number, value: string) => query(PUSH, { id, base, value, key: `k${++keys}` });

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  baclieuCity = String(await importTestTable(db, SHEET, { title: 'BL-city', unitKey: '954@2010' }));
  canGio = String(await importTestTable(db, SHEET, { title: 'CG', unitKey: '787@1991' }));
  baclieuProvince = String(await importTestTable(db, SHEET, { title: 'BL-province', unitKey: '95@1997' }));
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

describe('tokens', () => {
  it('a missing token reads nothing private and cannot push', async () => {
    const anonymous = await app.as(null);
    expect((await anonymous(`{ plans { id } }`)).data!.plans).toEqual([]);
    expect((await anonymous(GRID, { id: baclieuCity })).errors![0].extensions!.code).toBe('NOT_FOUND');
    const pushed = await push(anonymous, baclieuCity, 1, '11');
    expect(pushed.status).toBe(401);
    expect(pushed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('an anonymous read of a protected object says signing in may show it, whether or not the object exists', async () => {
    const anonymous = await app.as(null);
    const progress = `query ($unit: ID!) { indicatorProgress(unitId: $unit, indicatorKeys: ["POOR_HOUSEHOLD_RATE"]) { status } }`;
    const existing = (await anonymous(progress, { unit: '1' })).errors![0];
    const missing = (await anonymous(progress, { unit: '999999' })).errors![0];
    expect(existing.extensions).toMatchObject({ code: 'NOT_FOUND', signInMayHelp: true });
    expect(existing.extensions!.messageEn).toBe('No administrative unit "1" without signing in: sign in (signIn, then the Authorization header) if you should see it');
    expect(existing.extensions!.messageVi).toContain('đăng nhập');
    expect(missing.message.split('999999').join('1')).toBe(existing.message);
    const table = (await anonymous(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).errors![0];
    expect(table.extensions).toMatchObject({ code: 'NOT_FOUND', signInMayHelp: true });
    // Signed in without rights on the unit: plain NOT_FOUND, signing in again would not help.
    const caobang = await app.as('caobang.editor');
    const hidden = (await caobang(progress, { unit: '1' })).errors![0];
    expect(hidden.extensions!.messageEn).toBe('No administrative unit "1"');
    expect(hidden.extensions!.signInMayHelp).toBeUndefined();
  });

  it('expired, revoked and forged tokens are refused with 401, the same message each', async () => {
    const em = db.orm.em.fork() as EntityManager;
    const user = await em.findOneOrFail(User, { login: 'cantho.viewer' });
    const expired = issueToken(em, user, TokenKind.PERSONAL, -1000, 'expired');
    const revoked = issueToken(em, user, TokenKind.PERSONAL, 3600000, 'revoked');
    revoked.record.revokedAt = new Date();
    await em.flush();
    const messages = new Set<string>();
    for (const token of [expired.token, revoked.token, 'pbp_forged0000000000000000000000000000000000', 'not-even-a-bearer']) {
      const response = await postGraphQL(app.url, `{ me { login } }`, {}, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect(response.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      messages.add(response.errors![0].message);
    }
    expect(messages.size).toBe(1);
  });

  it('signs in, refreshes (the old refresh token dies), creates, lists and revokes a personal token, and signs out', async () => {
    const anonymous = await app.as(null);
    const signIn = await anonymous(`mutation { signIn(login: "Cantho.Editor", password: "planbridge-local") { accessToken refreshToken accessTokenExpiresAt user { login roles { role unit { code } } } } }`);
    expect(signIn.errors).toBeUndefined();
    const session = signIn.data!.signIn;
    expect(session.user).toEqual({ login: 'cantho.editor', roles: [{ role: 'EDITOR', unit: { code: '92' } }] });
    expect(new Date(session.accessTokenExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    const refreshed = await anonymous(`mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`, { t: session.refreshToken });
    expect(refreshed.data!.refreshSession.accessToken).not.toBe(session.accessToken);
    const again = await anonymous(`mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: session.refreshToken });
    expect(again.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // That reuse revoked the whole session (test/server/security/refresh-tokens.test.ts): sign in afresh.
    expect((await anonymous(`{ me { login } }`, {}, bearer(refreshed.data!.refreshSession.accessToken))).status).toBe(401);
    const current = (await anonymous(`mutation { signIn(login: "cantho.editor", password: "planbridge-local") { accessToken } }`)).data!.signIn;

    const created = await anonymous(`mutation { createPersonalAccessToken(name: "Excel trên máy của Lan", expiresInDays: 30) { token info { id name kind } } }`, {}, bearer(current.accessToken));
    const pat = created.data!.createPersonalAccessToken;
    expect(pat.info).toMatchObject({ name: 'Excel trên máy của Lan', kind: 'PERSONAL' });
    const stored = await db.orm.em.fork().findOneOrFail(AccessToken, pat.info.id);
    expect(stored.tokenHash).not.toContain(pat.token); // only the hash is kept
    expect((await anonymous(`{ me { login personalTokens { name } } }`, {}, bearer(pat.token))).data!.me).toEqual({ login: 'cantho.editor', personalTokens: [{ name: 'Excel trên máy của Lan' }] });
    await anonymous(`mutation ($id: ID!) { revokeToken(id: $id) }`, { id: pat.info.id }, bearer(current.accessToken));
    expect((await anonymous(`{ me { login } }`, {}, bearer(pat.token))).status).toBe(401);

    expect((await anonymous(`mutation { signOut }`, {}, bearer(current.accessToken))).data!.signOut).toBe(true);
    expect((await anonymous(`{ me { login } }`, {}, bearer(current.accessToken))).status).toBe(401);
  });

  it('slows wrong passwords, then locks the account for a while, even against the right password', async () => {
    const anonymous = await app.as(null);
    const attempt = (password: string) => anonymous(`mutation ($p: String!) { signIn(login: "caobang.editor", password: $p) { accessToken } }`, { p: password });
    const started = Date.now();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(`wrong-${i}`)).errors![0].extensions!.code);
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200 + 400 + 600 + 800 + 1000);
    const locked = await attempt('planbridge-local');
    expect(locked.errors![0].extensions).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: expect.any(Number) });
    expect(locked.data).toBeNull();
  });

  it('an unknown login answers exactly like a wrong password', async () => {
    const anonymous = await app.as(null);
    const response = await anonymous(`mutation { signIn(login: "nobody", password: "whatever-123") { accessToken } }`);
    expect(response.errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('roles scoped to units', () => {
  it('a district editor cannot see or push to another district\'s table or the province\'s', async () => {
    const editor = await app.as('baclieu-city.editor');
    expect((await push(editor, baclieuCity, 1, '11')).data!.pushTable.status).toBe('APPLIED');
    for (const other of [canGio, baclieuProvince]) {
      const response = await push(editor, other, 1, '12');
      expect(response.errors![0].extensions!.code).toBe('NOT_FOUND');
    }
    const admin = await app.as('admin');
    for (const other of [canGio, baclieuProvince]) expect((await admin(GRID, { id: other })).data!.tableGrid.version).toBe(1);
  });

  it('a province editor reads a district\'s table but cannot overwrite it', async () => {
    const admin = await app.as('admin');
    const bacLieu = (await admin(`{ units(code: "95") { id } }`)).data!.units[0].id;
    const created = await admin(
      `mutation ($unit: ID!) { createUser(login: "baclieu.editor", displayName: "Sở Bạc Liêu", password: "mat-khau-du-dai", role: EDITOR, unitId: $unit) { id } }`,
      { unit: bacLieu },
    );
    expect(created.errors).toBeUndefined();
    const provinceEditor = await app.as('baclieu.editor');
    const grid = (await provinceEditor(GRID, { id: baclieuCity })).data!.tableGrid;
    expect(grid.editable).toBe(false);
    expect(grid.notEditableReasonEn).toContain('only view');
    const response = await push(provinceEditor, baclieuCity, grid.version, '13');
    expect(response.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await provinceEditor(`{ plans { documentNumber } }`)).data!.plans.map((plan: any) => plan.documentNumber).sort()).toEqual(['BL-city/KH-UBND', 'BL-province/KH-UBND']);
  });

  it('guessing the ids of other units\' tables answers like a table that does not exist', async () => {
    const viewer = await app.as('cantho.viewer');
    const hidden = await viewer(`query ($id: ID!) { planTable(id: $id) { id } }`, { id: canGio });
    const missing = await viewer(`query ($id: ID!) { planTable(id: $id) { id } }`, { id: '99999' });
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(hidden.errors![0].message.split(canGio).join('ID')).toBe(missing.errors![0].message.split('99999').join('ID'));
    const history = await viewer(`query ($id: ID!) { tableHistory(tableId: $id) { id } }`, { id: canGio });
    expect(history.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('a role on today\'s Cần Thơ covers the data of the Cần Thơ that existed before the 2025 merger', async () => {
    const viewer = await app.as('cantho.viewer');
    const found = await viewer(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`);
    expect(found.errors).toBeUndefined();
    const values = await viewer(`{ indicatorValues(filter: { indicatorKeys: ["POOR_HOUSEHOLD_RATE"] }) { unit { code } } }`);
    expect(values.data!.indicatorValues.length).toBeGreaterThan(0);
    values.data!.indicatorValues.forEach((value: any) => expect(value.unit.code).toBe('92'));
  });
});

describe('approval workflow', () => {
  it('goes draft → submitted → approved (locked) → reopened with a reason, upward only, all recorded', async () => {
    const editor = await app.as('baclieu-city.editor');
    const approver = await app.as('camau.approver'); // Cà Mau absorbed Bạc Liêu province in 2025
    const id = baclieuCity;

    expect((await editor(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await editor(`mutation ($id: ID!) { submitTable(tableId: $id, comment: "Báo cáo năm") { status } }`, { id })).data!.submitTable.status).toBe('SUBMITTED');

    const locked = (await editor(GRID, { id })).data!.tableGrid;
    expect(locked).toMatchObject({ editable: false, status: 'SUBMITTED', statusChangedBy: 'Phòng LĐ-TB&XH TP. Bạc Liêu – nhập liệu' });
    expect(locked.notEditableReasonVi).toContain('đã gửi duyệt');
    const refused = await push(editor, id, locked.version, '14');
    expect(refused.errors![0].extensions!.code).toBe('TABLE_LOCKED');
    expect(refused.errors![0].message).toContain('Phòng LĐ-TB&XH TP. Bạc Liêu');

    expect((await approver(`mutation ($id: ID!) { approveTable(tableId: $id, comment: "Đạt") { status } }`, { id })).data!.approveTable.status).toBe('APPROVED');
    const approvedPush = await push(await app.as('admin'), id, locked.version, '15');
    expect(approvedPush.errors![0].extensions!.code).toBe('TABLE_LOCKED');
    expect((await editor(GRID, { id })).data!.tableGrid.version).toBe(locked.version);

    const noReason = await approver(`mutation ($id: ID!) { reopenTable(tableId: $id, reason: "  ") { status } }`, { id });
    expect(noReason.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await approver(`mutation ($id: ID!) { reopenTable(tableId: $id, reason: "Sai số liệu dòng 1") { status } }`, { id })).data!.reopenTable.status).toBe('DRAFT');
    expect((await push(editor, id, locked.version, '16')).data!.pushTable.status).toBe('APPLIED');

    const events = (await editor(`query ($id: ID!) { tableWorkflow(tableId: $id) { fromStatus toStatus actor comment at } }`, { id })).data!.tableWorkflow;
    expect(events.map((event: any) => [event.fromStatus, event.toStatus, event.comment])).toEqual([
      ['DRAFT', 'SUBMITTED', 'Báo cáo năm'],
      ['SUBMITTED', 'APPROVED', 'Đạt'],
      ['APPROVED', 'DRAFT', 'Sai số liệu dòng 1'],
    ]);
    expect(events[1].actor).toBe('Sở LĐ-TB&XH Cà Mau – duyệt');
  });

  it('nobody approves their own submission, and a unit cannot approve itself', async () => {
    const admin = await app.as('admin');
    expect((await admin(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: canGio })).data!.submitTable.status).toBe('SUBMITTED');
    const own = await admin(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: canGio });
    expect(own.errors![0].extensions!.code).toBe('SELF_APPROVAL');
    const cantho = await app.as('cantho.approver');
    const seeded = (await cantho(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
    await admin(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: seeded });
    const sameLevel = await cantho(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: seeded });
    expect(sameLevel.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await (await app.as('ministry.approver'))(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: seeded })).data!.approveTable.status).toBe('APPROVED');
  });

  it('shows a report\'s deadline and the days remaining', async () => {
    const em = db.orm.em.fork() as EntityManager;
    const table = await em.findOneOrFail(PlanTable, Number(baclieuProvince));
    // Ten days after today in Vietnam, whatever the hour in UTC.
    const due = new Date(Date.parse(`${vietnamToday()}T00:00:00Z`) + 10 * 86400000).toISOString().slice(0, 10);
    table.reportingPeriod = em.create(Period, { key: 'test-period', label: 'Kỳ thử', startsOn: '2026-01-01', endsOn: '2026-12-31', reportDeadline: due });
    await em.flush();
    expect((await app.query(GRID, { id: baclieuProvince })).data!.tableGrid).toMatchObject({ reportDeadline: due, daysRemaining: 10 });
  });
});

describe('query hardening', () => {
  it('refuses a query 50 levels deep', async () => {
    let selection = 'id';
    for (let level = 0; level < 25; level++) selection = `parent { children { ${selection} } }`;
    const response = await app.query(`{ unitTree { ${selection} } }`);
    // Whichever limit fires first (depth or cost), the query never runs.
    expect(response.errors![0].message).toMatch(/depth|cost/i);
    expect(response.data).toBeUndefined();
    let parents = 'code';
    for (let level = 0; level < 15; level++) parents = `parent { ${parents} }`;
    const deepButCheap = await app.query(`{ me { roles { unit { ${parents} } } } }`);
    expect(deepButCheap.errors![0].message).toMatch(/depth/i);
  });

  it('refuses 1,000 aliases of pushTable, and nothing changes', async () => {
    const before = (await app.query(GRID, { id: canGio })).data!.tableGrid.version;
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: pushTable(input: { tableId: "${canGio}", baseVersion: 1, idempotencyKey: "alias-${i}", changes: [{ rowKey: "1", columnKey: "total", value: "${i}" }] }) { status }`);
    const response = await app.query(`mutation { ${aliases.join('\n')} }`);
    expect(response.errors![0].message).toMatch(/alias|tokens/i);
    expect((await app.query(GRID, { id: canGio })).data!.tableGrid.version).toBe(before);
    const fewer = Array.from({ length: 30 }, (_, i) => `a${i}: pushTable(input: { tableId: "${canGio}", baseVersion: 1, idempotencyKey: "few-${i}", changes: [{ rowKey: "1", columnKey: "total", value: "1" }] }) { status }`);
    const aliased = await app.query(`mutation { ${fewer.join('\n')} }`);
    expect(aliased.errors![0].message).toMatch(/alias/i);
    expect((await app.query(GRID, { id: canGio })).data!.tableGrid.version).toBe(before);
  });

  it('limits mutations per token and sign-ins per address', async () => {
    // The counters live in the database, shared with the other apps of this file: start from none.
    await db.orm.em.getConnection().execute('delete from rate_limit');
    const strict = await startTestApp(db.orm, { settings: { mutationsPerMinute: 2, signInsPerMinute: 2 } });
    try {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 3; i++) codes.push((await strict.query(`mutation { revokeToken(id: "999999") }`)).errors?.[0].extensions?.code);
      expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
      const anonymous = await strict.as(null);
      const signIns: (string | undefined)[] = [];
      for (let i = 0; i < 3; i++) signIns.push((await anonymous(`mutation { signIn(login: "nobody-${i}", password: "x-123456789") { accessToken } }`)).errors?.[0].extensions?.code);
      expect(signIns).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'RATE_LIMITED']);
    } finally {
      await strict.close();
    }
  });

  it('masks internal errors, keeps CSRF prevention on, and can switch off introspection and the IDE', async () => {
    const csrf = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ me { login } }' }) });
    expect(csrf.status).toBe(400);
    const closed = await startTestApp(db.orm, { settings: { introspection: false, ide: false } });
    try {
      const introspection = await closed.query(`{ __schema { types { name } } }`);
      expect(introspection.errors![0].message).toMatch(/introspection/i);
      const page = await fetch(closed.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('GraphiQL');
    } finally {
      await closed.close();
    }
  });

  it('makes indicator values public only when configured', async () => {
    const query = `{ indicatorValues(filter: { indicatorKeys: ["POOR_HOUSEHOLD_RATE"] }) { value } }`;
    expect((await (await app.as(null))(query)).data!.indicatorValues).toEqual([]);
    const open = await startTestApp(db.orm, { settings: { publicIndicators: true }, as: null });
    try {
      expect((await open.query(query)).data!.indicatorValues.length).toBeGreaterThan(0);
    } finally {
      await open.close();
    }
  });

  it('creates seed users only outside production unless asked', () => {
    expect(readConfig({}).seedUsers).toBe(true);
    expect(readConfig({ NODE_ENV: 'production' }).seedUsers).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', PLANBRIDGE_SEED_USERS: 'true' }).seedUsers).toBe(true);
    expect(readConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, ide: false });
  });
});
