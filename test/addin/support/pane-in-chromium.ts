/**
 * The BUILT task pane in headless Chromium, served by the real server on a cloned test database, with the
 * fake Office.js (fake-office-browser.ts) served in place of Microsoft's: what the browser tests share.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { CHROMIUM, launchChromium, type Chromium } from '../../support/chromium';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestApp, type TestApp } from '../../support/graphql';
import { serverOf } from './harness';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const root = path.resolve(__dirname, '../../..');

export interface PaneInChromium {
  db: TestDatabase;
  app: TestApp;
  /** The server's origin; the pane is at `${server}/addin/taskpane.html`. */
  server: string;
  browser: Chromium;
  page: Page;
  /** The bearer header of every GraphQL request the page made. */
  authorizations: string[];
  /** Requests the page tried to make off the server (aborted). */
  offSite: string[];
  /** Calls a function of the fake workbook (window.__fake) in the page. */
  fake<T>(fn: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export async function openPaneInChromium(viewport = { width: 380, height: 1100 }): Promise<PaneInChromium> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  if (!existsSync(path.join(root, 'dist/addin-pane/taskpane.js'))) throw new Error('dist/addin-pane/taskpane.js is missing: run npm run build');
  const built = await build({ entryPoints: [path.join(__dirname, 'fake-office-browser.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', logLevel: 'silent' });
  const fakeOfficeJs = built.outputFiles[0].text;
  const db = await createTestDatabase();
  let app: TestApp | undefined;
  let browser: Chromium | undefined;
  try {
    app = await startTestApp(db.orm);
    browser = await launchChromium({ viewport });
  } catch (error) {
    await app?.close();
    await db.drop();
    throw error;
  }
  return inPage(db, app, browser, fakeOfficeJs);
}

async function inPage(db: TestDatabase, app: TestApp, browser: Chromium, fakeOfficeJs: string): Promise<PaneInChromium> {
  const server = serverOf(app.url);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const authorizations: string[] = [];
  const offSite: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql')) authorizations.push(request.headers().authorization ?? '');
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'application/javascript', body: fakeOfficeJs });
    if (url.startsWith(server)) return route.continue();
    offSite.push(url);
    return route.abort();
  });
  return {
    db,
    app,
    server,
    browser,
    page,
    authorizations,
    offSite,
    fake: <T>(fn: string, ...args: unknown[]) => page.evaluate(({ fn, args }) => (window as any).__fake[fn](...args), { fn, args }) as Promise<T>,
    close: async () => {
      await browser.close();
      await app.close();
      await db.drop();
    },
  };
}
