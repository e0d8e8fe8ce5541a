/**
 * GET /reports/indicators.xlsx: the add-in's indicator report as a read-only workbook, through HTTP with the
 * reader's rights; the same figures the add-in's report shows (test/addin/browser.test.ts), every cell locked.
 */
import JSZip from 'jszip';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, tokenFor, type TestApp } from '../support/graphql';
import { XLSX_TYPE, readBook } from './support';

let db: TestDatabase;
let app: TestApp;
let base: string;
let canTho: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  base = app.url.replace(/\/graphql$/, '');
  canTho = (await app.query(`{ findUnit(name: "Thành phố Cần Thơ", asOf: "2024-06-30") { id } }`)).data!.findUnit.id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

async function report(query: string, login: string | null): Promise<Response> {
  const headers: Record<string, string> = login ? { authorization: `Bearer ${await tokenFor(db.orm, login)}` } : {};
  return fetch(`${base}/reports/indicators.xlsx?${query}`, { headers });
}

describe('indicator report download', () => {
  it('writes the report the add-in shows, every cell locked and the sheet protected without a password', async () => {
    const response = await report(`unitId=${canTho}&indicators=POOR_HOUSEHOLD_RATE,POOR_HOUSEHOLDS&asOf=2024-06-30`, 'cantho.viewer');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(XLSX_TYPE);
    expect(response.headers.get('content-disposition')).toContain('bao-cao-chi-tieu');
    const body = Buffer.from(await response.arrayBuffer());
    const book = await readBook(body);
    const sheet = book.getWorksheet('Báo cáo chỉ tiêu')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^Báo cáo chỉ tiêu — Thành phố Cần Thơ/);
    expect(sheet.getCell('B5').value).toBe('Chỉ tiêu');
    // Indicators in the order asked: the rate (0.8 % at the start, 0.21 % now: on track), then poor households
    // (nothing recorded since the start: empty, never 0, and not assessed).
    expect(['B6', 'E6', 'J6', 'N6', 'B7', 'J7', 'N7'].map((address) => sheet.getCell(address).value)).toEqual(['Tỷ lệ hộ nghèo (so với hộ dân)', 0.8, 0.21, 'Đúng tiến độ', 'Số hộ nghèo', null, 'Chưa đánh giá']);
    expect((sheet as any).sheetProtection).toMatchObject({ sheet: true });
    expect((sheet as any).sheetProtection.hashValue).toBeUndefined();
    const unlocked: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cell.protection?.locked === false && unlocked.push(cell.address)));
    expect(unlocked).toEqual([]);
    // Status colours follow the text, as in the add-in: one "contains" rule per status over the status cells.
    const xml = await (await JSZip.loadAsync(body)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<conditionalFormatting sqref="N6:N7">');
    expect(xml).toContain('<cfRule type="containsText" dxfId="1" priority="1"><formula>NOT(ISERROR(SEARCH(&quot;Đúng tiến độ&quot;,N6)))</formula>');
    // No keys sheet: a report cannot be uploaded.
    expect(book.worksheets.map((candidate) => candidate.name)).toEqual(['Báo cáo chỉ tiêu']);
  });

  it('writes English on ?lang=en', async () => {
    const response = await report(`unitId=${canTho}&indicators=POOR_HOUSEHOLD_RATE&asOf=2024-06-30&lang=en`, 'cantho.viewer');
    const sheet = (await readBook(Buffer.from(await response.arrayBuffer()))).getWorksheet('Indicator report')!;
    expect(sheet.getCell('B6').value).toBe('Poor household rate (share of all households)');
    expect(sheet.getCell('N6').value).toBe('On track');
  });

  it('refuses a bad query, a unit one may not read and the whole country without national access, in Vietnamese and English', async () => {
    const none = await report(`unitId=${canTho}&indicators=`, 'cantho.viewer');
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ code: 'BAD_REPORT_QUERY', messageVi: 'Hãy chọn ít nhất một chỉ tiêu.', messageEn: 'Choose at least one indicator.' });
    const backwards = await report(`unitId=${canTho}&indicators=POOR_HOUSEHOLD_RATE&from=2024-12-31&to=2024-01-01`, 'cantho.viewer');
    expect((await backwards.json()).code).toBe('BAD_REPORT_QUERY');
    const unknown = await report(`unitId=${canTho}&indicators=NO_SUCH_INDICATOR`, 'cantho.viewer');
    expect(unknown.status).toBe(404);
    const otherProvince = await report(`unitId=${canTho}&indicators=POOR_HOUSEHOLD_RATE`, 'caobang.editor');
    expect(otherProvince.status).toBe(404);
    const country = await report(`indicators=POOR_HOUSEHOLD_RATE`, 'cantho.viewer');
    expect(country.status).toBe(404);
    expect((await country.json()).messageEn).toContain('national read access');
    const anonymous = await report(`unitId=${canTho}&indicators=POOR_HOUSEHOLD_RATE`, null);
    expect(anonymous.status).toBe(404);
    expect((await anonymous.json()).messageEn).toMatch(/sign in/i);
  });

  it('answers a bad token 401 UNAUTHENTICATED, in the workbook answers\' shape', async () => {
    const response = await fetch(`${base}/reports/indicators.xlsx?unitId=${canTho}&indicators=POOR_HOUSEHOLD_RATE`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      status: 'REFUSED',
      code: 'UNAUTHENTICATED',
      messageVi: 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi; hãy đăng nhập lại',
      messageEn: 'The access token is invalid, expired or revoked; sign in again',
      cells: [],
    });
  });

  it('gives the whole country to a national reader', async () => {
    const response = await report(`indicators=POOR_HOUSEHOLD_RATE&asOf=2024-06-30`, 'admin');
    expect(response.status).toBe(200);
    const sheet = (await readBook(Buffer.from(await response.arrayBuffer()))).getWorksheet('Báo cáo chỉ tiêu')!;
    expect(String(sheet.getCell('A1').value)).toBe('Báo cáo chỉ tiêu — Cả nước');
  });
});
