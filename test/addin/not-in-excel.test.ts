/**
 * The built task pane opened in a plain browser, not in Excel: it says so in Vietnamese and English, links to the
 * guide and to the tables on the web, and shows no form. Two ways to be outside Excel: office.js not loaded at all,
 * and office.js loaded but Office.onReady reporting no host (what Microsoft's office.js does in a plain browser).
 */
import type { Page } from 'playwright-core';
import { describeInChromium, launchChromium, type Chromium } from '../support/chromium';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const NO_HOST = `window.Office = { HostType: { Excel: 'Excel' }, onReady(callback) { setTimeout(() => callback({ host: null, platform: null })); } };`;

describeInChromium('the not-in-Excel test of the task pane')('the task pane outside Excel', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Chromium;
  let server: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.orm, { as: null });
    server = app.url.replace(/\/graphql$/, '');
    browser = await launchChromium({ viewport: { width: 380, height: 700 } });
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  async function open(officeJs: string | null): Promise<Page> {
    const page = await browser.context.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS && officeJs !== null) return route.fulfill({ status: 200, contentType: 'application/javascript', body: officeJs });
      return url.startsWith(server) ? route.continue() : route.abort();
    });
    await page.goto(`${server}/addin/taskpane.html`);
    await page.waitForSelector('body[data-ready="not-in-excel"]');
    return page;
  }

  async function expectNotice(page: Page): Promise<void> {
    const notice = page.locator('#not-in-excel');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('Trang này chạy trong Excel');
    expect(await notice.textContent()).toContain('This page runs inside Excel');
    expect(await notice.locator('a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))).toEqual([`${server}/guide/vi/`, `${server}/guide/en/`, `${server}/addin/help.html`, `${server}/tables`]);
    expect(await page.locator('main').isHidden()).toBe(true);
    expect(await page.locator('#pull').isVisible()).toBe(false);
  }

  it('says so when office.js is not loaded', async () => {
    const page = await open(null);
    await expectNotice(page);
    await page.screenshot({ path: browser.screenshot('addin-not-in-excel.png'), fullPage: true });
    await page.close();
  });

  it('opens the staff guide from its link, with every picture shown, and its English twin from there', async () => {
    const page = await open(null);
    await page.click('#not-in-excel a[href="/guide/vi/"]');
    expect(await page.locator('h1').textContent()).toBe('Hướng dẫn sử dụng PlanBridge trong Excel');
    const pictures = await page.locator('img').evaluateAll((images) => images.map((image) => ({ src: (image as HTMLImageElement).src, width: (image as HTMLImageElement).naturalWidth })));
    expect(pictures.length).toBeGreaterThanOrEqual(8);
    expect(pictures.filter((picture) => picture.width === 0)).toEqual([]);
    await page.click('a[href="../en/user-guide.md"]');
    expect(page.url()).toBe(`${server}/guide/en/`);
    expect(await page.locator('h1').textContent()).toBe('Using PlanBridge in Excel');
    await page.close();
  });

  it('says so when Office reports no host', async () => {
    const page = await open(NO_HOST);
    await expectNotice(page);
    await page.close();
  });
});
