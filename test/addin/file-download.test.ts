/**
 * "Download as file" in the BUILT task pane, in headless Chromium with the fake Office.js, against the real
 * server: pull a table, press the button, and the browser downloads the table's workbook through a signed
 * address (no token in it) — the file a colleague without the add-in edits and uploads at /tables.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { describeInChromium, launchChromium, type Chromium } from '../support/chromium';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, tokenFor, type TestApp } from '../support/graphql';
import { readBook, rowOf, columnOf } from '../workbook/support';
import { serverOf } from './support/harness';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

describeInChromium('the browser test of "Download as file"')('"Download as file" in the task pane', () => {
  let db: TestDatabase;
  let app: TestApp;
  let server: string;
  let browser: Chromium;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    const fake = await build({ entryPoints: [path.join(__dirname, 'support/fake-office-browser.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', logLevel: 'silent' });
    db = await createTestDatabase();
    app = await startTestApp(db.orm);
    server = serverOf(app.url);
    browser = await launchChromium({ viewport: { width: 380, height: 1100 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      requested.push(url);
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'application/javascript', body: fake.outputFiles[0].text });
      return url.startsWith(server) ? route.continue() : route.abort();
    });
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  it('downloads the bound table as a workbook through a signed address', async () => {
    await page.goto(`${server}/addin/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#download-file').textContent()).toBe('Tải về tệp Excel');
    expect(await page.locator('#download-file').isDisabled()).toBe(true); // nothing bound yet
    await page.click('details.pb-details summary');
    await page.fill('#token', await tokenFor(db.orm, 'cantho.viewer'));
    await page.click('#save-token');
    await page.fill('#unit-search', 'can tho');
    await page.locator('#unit-results [role="option"]', { hasText: '2004–2025' }).first().click();
    await page.waitForFunction(() => (document.getElementById('table') as HTMLSelectElement).value !== '');
    await page.click('#pull');
    await page.waitForFunction(() => document.getElementById('message')!.className.includes('pb-success'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-file')]);
    expect(download.suggestedFilename()).toBe('132-KH-UBND Phụ lục 2 v1.xlsx');
    const address = new URL(download.url());
    expect(address.pathname).toMatch(/^\/tables\/\d+\.xlsx$/);
    expect(address.searchParams.get('signature')).toBeTruthy();
    expect(download.url()).not.toMatch(/token|authorization|bearer/i);
    await page.waitForFunction(() => document.getElementById('message')!.textContent!.startsWith('Đã mở tệp'));
    expect(await page.locator('#message').textContent()).toContain(`${server}/tables`);

    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const book = await readBook(Buffer.concat(chunks));
    const sheet = book.worksheets[0];
    // The server's grand total of Phụ lục 2, as the pull showed it.
    expect(sheet.getCell(rowOf(sheet, 'TOTAL'), columnOf(sheet, 'total')).value).toBe(5600826);
    expect(book.getWorksheet('PlanBridge')?.getCell('B2').value).toBe(address.pathname.match(/\d+/)![0]);
    expect(requested.every((url) => url.startsWith(server) || url === OFFICE_JS)).toBe(true);
  }, 120000);
});
