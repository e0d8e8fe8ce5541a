/**
 * The GraphiQL page in headless Chromium against the real server: the pre-filled query answers "sign in" until one
 * signs in with the page's button (through /signin in a window of its own), then answers the table; a second tab
 * holds the examples.
 */
import type { Page } from 'playwright-core';
import { describeInChromium, launchChromium, type Chromium } from '../support/chromium';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

describeInChromium('the GraphiQL test')('GraphiQL in a browser', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Chromium;
  let page: Page;
  let server: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.orm, { as: null });
    server = app.url.replace(/\/graphql$/, '');
    browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
    // Nothing leaves the machine (the sign-in page's office.js is Microsoft's CDN: refused here, as offline).
    await browser.context.route('**/*', (route) => (route.request().url().startsWith(server) ? route.continue() : route.abort()));
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  /** Runs the tab's query with the ▶ button; its request's Authorization header and the answer. */
  async function run(): Promise<{ authorization: string | undefined; answer: any }> {
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url() === app.url && Boolean(candidate.request().postData()?.includes('findTable'))),
      page.click('.graphiql-execute-button'),
    ]);
    return { authorization: response.request().headers().authorization, answer: await response.json() };
  }

  it('answers the pre-filled query once signed in with the Sign in button', async () => {
    await page.goto(`${server}/graphql`);
    await page.waitForSelector('#planbridge-signin');
    expect(await page.locator('#planbridge-signin').textContent()).toBe('Đăng nhập / Sign in');

    // Before signing in, the pre-filled query says what to do.
    const anonymous = await run();
    expect(anonymous.authorization).toBeUndefined();
    expect(anonymous.answer.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', signInMayHelp: true });
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('sign in'));

    const [popup] = await Promise.all([browser.context.waitForEvent('page'), page.click('#planbridge-signin')]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(`${server}/signin`);
    await popup.fill('#login', 'admin');
    await popup.fill('#password', 'planbridge-local');
    await Promise.all([popup.waitForEvent('close'), popup.click('button[type=submit]')]);
    await page.waitForSelector('#planbridge-user');
    expect(await page.locator('#planbridge-user').textContent()).toBe('Đã đăng nhập / Signed in: admin');

    // The header the button wrote into the Headers editor is sent.
    const signedIn = await run();
    expect(signedIn.authorization).toMatch(/^Bearer \S+$/);
    expect(signedIn.answer.errors).toBeUndefined();
    const total = signedIn.answer.data.findTable.rows.find((row: any) => row.key === 'TOTAL');
    expect(total.cells.find((cell: any) => cell.columnKey === 'total').value).toBe('5600826');
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('Phụ lục 2'));
    await page.screenshot({ path: browser.screenshot('graphiql-signed-in.png') });
  }, 120000);

  it('has a second tab of examples', async () => {
    const tabs = page.locator('.graphiql-tab');
    expect(await tabs.count()).toBe(2);
    expect(await tabs.nth(1).textContent()).toContain('Units');
  });
});
