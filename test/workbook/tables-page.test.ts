/**
 * The /tables page in headless Chromium (Debian's, through playwright-core) against the real server: sign in,
 * find a table, download it, edit the file, upload it and read the result on the page; a bad value's finding
 * listed by cell; a refusal (someone who may only read); English; and the whole loop with the keyboard alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describeInChromium, launchChromium, type Chromium } from '../support/chromium';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { columnOf, readBook, rowOf, sampleTable, writeBook } from './support';

const PASSWORD = 'planbridge-local';

describeInChromium('the browser test of the /tables page')('the /tables page for offices without the add-in', () => {
  let db: TestDatabase;
  let app: TestApp;
  let server: string;
  let browser: Chromium;
  let files: string;
  const offSite: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.orm);
    server = app.url.replace(/\/graphql$/, '');
    browser = await launchChromium({ viewport: { width: 1100, height: 900 } });
    files = mkdtempSync(path.join(os.tmpdir(), 'planbridge-tables-page-'));
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  async function open(): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Refused uploads answer 4xx on purpose; Chromium logs those too, they are no script errors.
    page.on('console', (entry) => {
      if (entry.type() === 'error' && !entry.text().startsWith('Failed to load resource')) pageErrors.push(entry.text());
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server)) return route.continue();
      offSite.push(url);
      return route.abort();
    });
    await page.goto(`${server}/tables`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  }

  async function signIn(page: Page, login: string): Promise<void> {
    await page.fill('#login', login);
    await page.fill('#password', PASSWORD);
    await page.click('#signin-form button[type=submit]');
    await page.waitForSelector('#tables-body tr');
  }

  /** The downloaded workbook with one cell set, saved as a file to upload. */
  async function edited(download: Download, name: string, rowKey: string, columnKey: string, value: number): Promise<string> {
    const book = await readBook(Buffer.from(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))));
    const sheet = book.worksheets[0];
    sheet.getCell(rowOf(sheet, rowKey), columnOf(sheet, columnKey)).value = value;
    const file = path.join(files, name);
    await book.xlsx.writeFile(file);
    return file;
  }

  async function grid(tableId: string): Promise<{ version: number; value(rowKey: string, columnKey: string): string | null }> {
    const table = (await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version columns { key } rows { key values } } }`, { id: tableId })).data!.tableGrid;
    return { version: table.version, value: (rowKey, columnKey) => table.rows.find((row: any) => row.key === rowKey).values[table.columns.findIndex((column: any) => column.key === columnKey)] };
  }

  it('is served with a strict policy: hashed inline code only, never framed', async () => {
    const response = await fetch(`${server}/tables`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<html lang="vi">');
  });

  it('signs in, lists the readable tables, downloads one, uploads an edit and shows the result; a bad value is listed by cell', async () => {
    const tableId = await sampleTable(db, 'Trang web 1');
    const page = await open();
    expect(await page.locator('h1').textContent()).toContain('Bảng số liệu');
    await signIn(page, 'cantho.editor');
    expect(await page.locator('#who').textContent()).toContain('cantho.editor');
    // Cần Thơ's editor sees Cần Thơ's plans and no other province's.
    const plans = await page.locator('#tables-body td:first-child').allTextContents();
    expect(plans.some((text) => text.includes('132/KH-UBND'))).toBe(true);
    expect(plans.every((text) => text.includes('Cần Thơ'))).toBe(true);

    await page.fill('#filter', 'Trang web 1');
    expect(await page.locator('#tables-body tr').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-table-id="${tableId}"]`)]);
    expect(download.suggestedFilename()).toBe('132-KH-UBND Trang web 1 v1.xlsx');
    await page.screenshot({ path: browser.screenshot('tables-page.png'), fullPage: true });

    // An edit of Dự án A's total (100 → 120; the grand total is a formula the server does not take from the file).
    await page.click(`button[data-upload-for="${tableId}"]`);
    expect(await page.locator('#upload-table').inputValue()).toBe(tableId);
    await page.setInputFiles('#file', await edited(download, 'good.xlsx', '1', 'total', 120));
    await page.click('#upload');
    await page.waitForSelector('#result-status');
    expect(await page.locator('#result-status').textContent()).toContain('Đã ghi');
    expect((await grid(tableId)).value('1', 'total')).toBe('120');
    // The list shows the new version.
    await page.waitForFunction(() => document.querySelector('#tables-body td.number')?.textContent === '2');

    // A negative value breaks the table's non-negative rule: refused, the finding listed with its cell, nothing written.
    const [again] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-table-id="${tableId}"]`)]);
    await page.setInputFiles('#file', await edited(again, 'bad.xlsx', '2', 'total', -5));
    await page.click('#upload');
    await page.waitForFunction(() => document.getElementById('result-status')?.textContent?.includes('Không hợp lệ'));
    const finding = await page.locator('#result-findings li').first().textContent();
    expect(finding).toMatch(/^Lỗi 'Trang web 1'!D\d+: /);
    expect((await grid(tableId)).version).toBe(2);
    await page.screenshot({ path: browser.screenshot('tables-page-findings.png'), fullPage: true });

    // English, and the result follows the language.
    await page.click('#lang');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#h-result').textContent()).toBe('Result of the last upload');
    expect(await page.locator('#result-status').textContent()).toContain('Invalid — nothing written');
    await page.click('#lang');
    expect(await page.locator('#lang').textContent()).toBe('English');
    await page.close();
  }, 120000);

  it('shows a refusal with its reason: a viewer may download but not upload', async () => {
    const tableId = await sampleTable(db, 'Trang web 2');
    const page = await open();
    await signIn(page, 'cantho.viewer');
    await page.fill('#filter', 'Trang web 2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-table-id="${tableId}"]`)]);
    await page.click(`button[data-upload-for="${tableId}"]`);
    await page.setInputFiles('#file', await edited(download, 'viewer.xlsx', '1', 'total', 130));
    await page.click('#upload');
    await page.waitForSelector('#result-status');
    expect(await page.locator('#result-status').textContent()).toContain('(FORBIDDEN)');
    expect(await page.locator('#result-message').textContent()).toContain('không có quyền sửa');
    expect((await grid(tableId)).version).toBe(1);
    // A wrong password is said on the page, and signing out forgets the session.
    await page.click('#signout');
    await page.fill('#login', 'cantho.viewer');
    await page.fill('#password', 'wrong');
    await page.click('#signin-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('message')!.className === 'error');
    expect(await page.locator('#tables-section').isHidden()).toBe(true);
    await page.close();
  }, 120000);

  it('works with the keyboard alone: sign in, download, upload, read the result', async () => {
    const tableId = await sampleTable(db, 'Trang web 3');
    const page = await open();
    const key = (name: string) => page.keyboard.press(name);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-table-id') || document.activeElement?.getAttribute('data-upload-for') || document.activeElement?.tagName);
    // The login field has the focus when the page opens.
    expect(await focused()).toBe('login');
    await page.keyboard.type('cantho.editor');
    await key('Tab');
    await page.keyboard.type(PASSWORD);
    await key('Enter');
    await page.waitForSelector('#tables-body tr');
    expect(await focused()).toBe('filter');
    await page.keyboard.type('Trang web 3');
    // Tab from the filter reaches the row's Download button, then its Upload button.
    await key('Tab');
    expect(await focused()).toBe(tableId);
    const [download] = await Promise.all([page.waitForEvent('download'), key('Enter')]);
    const file = await edited(download, 'keyboard.xlsx', '2', 'total', 55);
    await key('Tab');
    expect(await focused()).toBe(tableId);
    await key('Enter');
    expect(await focused()).toBe('file');
    expect(await page.locator('#upload-table').inputValue()).toBe(tableId);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), key('Space')]);
    await chooser.setFiles(file);
    await key('Tab'); // check only
    await key('Tab'); // upload
    expect(await focused()).toBe('upload');
    await key('Enter');
    await page.waitForSelector('#result-status');
    expect(await focused()).toBe('result-section');
    expect(await page.locator('#result-status').textContent()).toContain('Đã ghi');
    expect((await grid(tableId)).value('2', 'total')).toBe('55');
    await page.close();
  }, 120000);

  it('loaded nothing from elsewhere and raised no script error', () => {
    expect(offSite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
