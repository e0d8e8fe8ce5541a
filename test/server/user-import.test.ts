import { verifyPassword } from '../../server/auth/passwords';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

/** Accounts for a whole province from a CSV (issue 11, part 4), through the real HTTP endpoint. */
let db: TestDatabase;
let app: TestApp;
let provinceAdmin: Awaited<ReturnType<TestApp['as']>>;

const IMPORT = `mutation ($csv: String!, $dryRun: Boolean!) {
  importUsers(csv: $csv, dryRun: $dryRun) { dryRun applied users { line login displayName role password unit { key } } problems { line column code messageVi messageEn } }
}`;
const sql = (query: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute(query, params);
const userCount = async () => Number((await sql('select count(*)::int as n from app_user'))[0].n);

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  const province = (await app.query(`{ findUnit(name: "Tỉnh Điện Biên", asOf: "2025-07-01") { id } }`)).data!.findUnit.id;
  const created = await app.query(
    `mutation ($unit: ID!) { createUser(login: "dienbien.admin", displayName: "Sở Điện Biên – quản trị", password: "a long enough password", role: ADMINISTRATOR, unitId: $unit) { id } }`,
    { unit: province },
  );
  expect(created.errors).toBeUndefined();
  provinceAdmin = await app.as('dienbien.admin');
  // Two former units sharing a code, none of today: the code alone cannot say which is meant.
  const parent = (await sql(`select id from administrative_unit where key = '11@2021'`))[0].id;
  await sql(`insert into administrative_unit (key, code, name, level, parent_id, valid_from, valid_to) values ('100@2004', '100', 'Huyện Điện Biên', 'DISTRICT', ?, '2004-01-01', '2020-12-31')`, [parent]);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

describe('importing users from a CSV', () => {
  it('a dry run lists every problem by line, in Vietnamese and English, and writes nothing', async () => {
    const before = await userCount();
    const csv = [
      'login,display name,unit code,role',
      'dbp.editor,Phường Điện Biên Phủ – nhập liệu,03127,EDITOR', // 2: fine (today's 03127, not the former Him Lam)
      'xx.editor,Không có,99999,EDITOR', // 3: unknown unit
      'dbp.editor,Trùng,11,VIEWER', // 4: duplicate in the file
      'cantho.editor,Đã có,11,VIEWER', // 5: taken
      'dienbien.admin2,Quản trị,11,ADMINISTRATOR', // 6: administrator of the caller's own unit
      'ct.viewer,Cần Thơ,92,VIEWER', // 7: outside the province
      'db.boss,Sếp,11,BOSS', // 8: unknown role
      'old.district,Huyện cũ,100,VIEWER', // 9: ambiguous code
      'commune.admin,Quản trị phường,03127,ADMINISTRATOR', // 10: fine, below the caller's unit
    ].join('\n');
    const response = await provinceAdmin(IMPORT, { csv, dryRun: true });
    expect(response.errors).toBeUndefined();
    const result = response.data!.importUsers;
    expect(result.applied).toBe(false);
    expect(result.problems.map((p: any) => [p.line, p.column, p.code])).toEqual([
      [3, 'unit code', 'UNKNOWN_UNIT'],
      [4, 'login', 'DUPLICATE_LOGIN'],
      [5, 'login', 'LOGIN_TAKEN'],
      [6, 'role', 'ROLE_ABOVE_OWN'],
      [7, 'unit code', 'OUTSIDE_SCOPE'],
      [8, 'role', 'UNKNOWN_ROLE'],
      [9, 'unit code', 'AMBIGUOUS_UNIT'],
    ]);
    const ambiguous = result.problems.find((p: any) => p.code === 'AMBIGUOUS_UNIT');
    expect(ambiguous.messageEn).toContain('100@2004');
    expect(ambiguous.messageEn).toContain('100@2021');
    expect(ambiguous.messageVi).toContain('hãy ghi khóa');
    expect(result.problems[1].messageVi).toBe('Tên đăng nhập "dbp.editor" trùng với dòng 2');
    expect(result.users.map((u: any) => [u.line, u.login, u.unit.key, u.role, u.password])).toEqual([
      [2, 'dbp.editor', '03127@2025', 'EDITOR', null],
      [10, 'commune.admin', '03127@2025', 'ADMINISTRATOR', null],
    ]);
    const applied = await provinceAdmin(IMPORT, { csv, dryRun: false });
    expect(applied.errors![0].extensions).toMatchObject({ code: 'USER_IMPORT_REFUSED' });
    expect(applied.errors![0].extensions!.problems).toHaveLength(7);
    expect(await userCount()).toBe(before);
  });

  it('creates every user with a generated password shown once, argon2-hashed, and a role that works', async () => {
    const csv = 'Login,Display Name,Unit Code,Role\nmuongphang.editor,Xã Mường Phăng – nhập liệu,03127,editor\nmuongphang.viewer,Xã Mường Phăng – xem,11,VIEWER\n';
    const response = await provinceAdmin(IMPORT, { csv, dryRun: false });
    expect(response.errors).toBeUndefined();
    const { applied, users } = response.data!.importUsers;
    expect(applied).toBe(true);
    expect(users).toHaveLength(2);
    const [row] = await sql(`select password_hash from app_user where login = 'muongphang.editor'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(users[0].password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(users[0].password).not.toBe(users[1].password);
    expect(await verifyPassword(row.password_hash, users[0].password)).toBe(true);
    const signIn = await app.query(`mutation ($login: String!, $password: String!) { signIn(login: $login, password: $password) { accessToken } }`, {
      login: 'muongphang.editor',
      password: users[0].password,
    });
    expect(signIn.errors).toBeUndefined();
  });

  it('only administrators import, within their scope', async () => {
    const editor = await app.as('cantho.editor');
    const response = await editor(IMPORT, { csv: 'login,display name,unit code,role\nabc.def,x,92,VIEWER', dryRun: true });
    expect(response.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('two identical imports racing: exactly one applies, the other creates nobody', async () => {
    const csv = ['login,display name,unit code,role', ...Array.from({ length: 4 }, (_, i) => `race${i}.editor,Người ${i},03127,EDITOR`)].join('\n');
    const before = await userCount();
    const responses = await Promise.all([provinceAdmin(IMPORT, { csv, dryRun: false }), provinceAdmin(IMPORT, { csv, dryRun: false })]);
    expect(responses.filter((response) => !response.errors && response.data!.importUsers.applied)).toHaveLength(1);
    const loser = responses.find((response) => response.errors)!;
    expect(loser.errors![0].extensions!.code).toMatch(/^(CONFLICT|USER_IMPORT_REFUSED)$/);
    expect(await userCount()).toBe(before + 4);
  });
});
