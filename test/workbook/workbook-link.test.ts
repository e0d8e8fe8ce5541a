/** GraphQL tableWorkbook: a short-lived signed address that downloads through HTTP without a token, and only that. */
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { signedWorkbookPath } from '../../server/workbook/download-links';
import { readBook, XLSX_TYPE } from './support';
import { User } from '../../server/entities';

let db: TestDatabase;
let app: TestApp;
let base: string;
let seeded: string;

const LINK = `query ($id: ID!, $version: Int) { tableWorkbook(tableId: $id, version: $version) { path expiresAt version fileName } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  base = app.url.replace(/\/graphql$/, '');
  const found = await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`);
  seeded = found.data!.findTable.id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

async function link(tableId: string, version?: number, login: string | null = 'admin') {
  const query = await app.as(login);
  return query(LINK, { id: tableId, version });
}

describe('tableWorkbook', () => {
  it('gives an address that downloads the workbook without an Authorization header, and expires in minutes', async () => {
    const before = Date.now();
    const answer = await link(seeded);
    expect(answer.errors).toBeUndefined();
    const { path, expiresAt, version, fileName } = answer.data!.tableWorkbook;
    expect(path).toMatch(new RegExp(`^/tables/${seeded}\\.xlsx\\?.*signature=`));
    const expires = new Date(expiresAt).getTime();
    expect(expires).toBeGreaterThan(before);
    expect(expires).toBeLessThanOrEqual(before + 10 * 60 * 1000);
    expect(fileName).toMatch(new RegExp(`v${version}\\.xlsx$`));

    const response = await fetch(base + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(XLSX_TYPE);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent(fileName));
    const book = await readBook(Buffer.from(await response.arrayBuffer()));
    const sheet = book.worksheets.find((candidate) => candidate.name !== 'PlanBridge')!;
    expect(String(sheet.getCell('A1').value)).toContain('132/KH-UBND');
  });

  it('signs a past version into the address: the download holds that version', async () => {
    const answer = await link(seeded, 1);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.tableWorkbook.version).toBe(1);
    expect(answer.data!.tableWorkbook.path).toContain('version=1');
    const response = await fetch(base + answer.data!.tableWorkbook.path);
    expect(response.status).toBe(200);
    const book = await readBook(Buffer.from(await response.arrayBuffer()));
    const sheet = book.worksheets.find((candidate) => candidate.name !== 'PlanBridge')!;
    expect(String(sheet.getCell('A4').value)).toContain('Phiên bản 1 ');
  });

  it('refuses a forged address: another signature, another user, another version or another table', async () => {
    const { path } = (await link(seeded)).data!.tableWorkbook;
    const url = new URL(base + path);
    const signature = url.searchParams.get('signature')!;
    const forged = (change: (params: URLSearchParams) => void, pathname = url.pathname) => {
      const params = new URLSearchParams(url.searchParams);
      change(params);
      return `${base}${pathname}?${params}`;
    };
    const attempts = [
      forged((params) => params.set('signature', (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1))),
      forged((params) => params.set('user', String(Number(params.get('user')) + 1))),
      forged((params) => params.set('version', '1')),
      forged((params) => params.set('expires', String(Number(params.get('expires')) + 3600))),
      forged(() => undefined, `/tables/${Number(seeded) + 1}.xlsx`),
    ];
    for (const attempt of attempts) {
      const response = await fetch(attempt);
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.code).toBe('LINK_EXPIRED');
      expect(body.messageVi).toContain('hết hạn');
    }
  });

  it('refuses an expired address, correctly signed', async () => {
    const admin = await db.orm.em.fork().findOneOrFail(User, { login: 'admin' });
    const { path } = signedWorkbookPath(Number(seeded), null, admin.id, Date.now() - 10 * 60 * 1000);
    const response = await fetch(base + path);
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('LINK_EXPIRED');
  });

  it('answers a table one may not read exactly like a missing table, and a version the table does not have as bad input', async () => {
    const hidden = await link(seeded, undefined, 'caobang.editor');
    const missing = await link('999999', undefined, 'caobang.editor');
    expect(hidden.data).toBeNull();
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(hidden.errors![0].message.replaceAll(seeded, 'ID')).toBe(missing.errors![0].message.replaceAll('999999', 'ID'));

    const anonymous = await link(seeded, undefined, null);
    expect(anonymous.errors![0].extensions!.code).toBe('NOT_FOUND');

    const future = await link(seeded, 9999);
    expect(future.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(future.errors![0].extensions!.messageVi).toContain('không có phiên bản 9999');
  });
});
