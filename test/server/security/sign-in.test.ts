import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestApp, type TestApp } from '../../support/graphql';
import { importTestTable } from '../../support/tables';

/** Sign-in lockouts and limits under parallel requests (issue 16, items 1, 2 and 9), through HTTP. */
let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

const SIGN_IN = `mutation ($l: String!, $p: String!) { signIn(login: $l, password: $p) { accessToken } }`;
const codeOf = (response: { errors?: { extensions?: Record<string, any> }[] }) => response.errors?.[0].extensions?.code ?? 'OK';

describe('wrong passwords in parallel', () => {
  it('12 parallel guesses lock the account after the fifth, and the right password is then refused', async () => {
    const anonymous = await app.as(null);
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => anonymous(SIGN_IN, { l: 'hcmc.approver', p: `guess-${i}` })));
    const codes = responses.map(codeOf);
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(MAX_BEFORE_LOCK);
    expect(codes.filter((code) => code === 'ACCOUNT_LOCKED')).toHaveLength(12 - MAX_BEFORE_LOCK);
    const right = await anonymous(SIGN_IN, { l: 'hcmc.approver', p: 'planbridge-local' });
    expect(codeOf(right)).toBe('ACCOUNT_LOCKED');
  });

  it('an unknown login is counted and locked exactly like a real one, with the same answers', async () => {
    const anonymous = await app.as(null);
    const real: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 6; i++) {
      real.push(codeOf(await anonymous(SIGN_IN, { l: 'cangio.editor', p: `wrong-${i}` })));
      unknown.push(codeOf(await anonymous(SIGN_IN, { l: 'no.such.person', p: `wrong-${i}` })));
    }
    expect(real).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    expect(unknown).toEqual(real);
    const messages = await Promise.all(['cangio.editor', 'no.such.person'].map(async (l) => (await anonymous(SIGN_IN, { l, p: 'x' })).errors![0].message.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME')));
    expect(messages[0]).toBe(messages[1]);
  });
});

const MAX_BEFORE_LOCK = 4;

describe('old wrong passwords', () => {
  it('four wrong passwords two days ago and one now do not lock: after a day without failures the count starts again', async () => {
    await db.orm.em.getConnection().execute(`insert into sign_in_failure (login, failures, locked_until, last_failure_at) values ('caobang.editor', 4, null, now() - interval '2 days')`);
    const anonymous = await app.as(null);
    expect(codeOf(await anonymous(SIGN_IN, { l: 'caobang.editor', p: 'wrong-now' }))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await anonymous(SIGN_IN, { l: 'caobang.editor', p: 'planbridge-local' }))).toBe('OK');
  });
});

describe('mutation limits', () => {
  it('counts each mutation field: 20 aliased pushTable in one request use 20 of the allowance', async () => {
    const id = String(await importTestTable(db, 'STT,Nội dung,Tổng số\n1,Hỗ trợ,10', { title: 'aliases', unitKey: '954@2010' }));
    const strict = await startTestApp(db.orm, { settings: { mutationsPerMinute: 25 } });
    try {
      const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: pushTable(input: { tableId: "${id}", baseVersion: 1, idempotencyKey: "alias-${i}", changes: [{ rowKey: "1", columnKey: "total", value: "${i}" }] }) { status }`);
      const first = await strict.query(`mutation { ${aliases.join('\n')} }`);
      expect(first.errors).toBeUndefined();
      const second = await strict.query(`mutation { ${aliases.slice(0, 10).join('\n')} }`);
      expect(second.status).toBe(429);
      expect(codeOf(second)).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });
});
