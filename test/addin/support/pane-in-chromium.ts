/**
 * The BUILT task pane in headless Chromium (Debian's /usr/bin/chromium via playwright-core), served by the
 * real server on a cloned test database. Office and Excel come from a fake loaded in the page in place of
 * Microsoft's office.js (never the real one outside Office); every other request off the server is refused
 * and remembered.
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
  /** The server's origin, e.g. http://127.0.0.1:1234. */
  server: string;
  browser: Chromium;
  page: Page;
  /** The Authorization header of every GraphQL request, in order. */
  authorizations: string[];
  /** Requests the page tried to make off the server (refused). */
  offSite: string[];
  /** Calls a function of the fake's window.__fake in the page. */
  fake<T>(fn: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export async function openPaneInChromium(viewport = { width: 380, height: 1100 }): Promise<PaneInChromium> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  if (!existsSync(path.join(root, 'dist/addin-pane/taskpane.js'))) throw new Error('dist/addin-pane/taskpane.js is missing: npm run build');
  const bundle = await build({ entryPoints: [path.join(__dirname, 'fake-office-browser.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', logLevel: 'silent' });
  const fakeOfficeJs = bundle.outputFiles[0].text;
  const db = await createTestDatabase();
  let app: TestApp | null = null;
  let browser: Chromium | null = null;
  const close = async () => {
    await browser?.close();
    await app?.close();
    await db.drop();
  };
  try {
    app = await startTestApp(db.orm);
    browser = await launchChromium({ viewport });
    return await ready(db, app, browser, fakeOfficeJs, close);
  } catch (error) {
    await close();
    throw error;
  }
}

async function ready(db: TestDatabase, app: TestApp, browser: Chromium, fakeOfficeJs: string, close: () => Promise<void>): Promise<PaneInChromium> {
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
    close,
  };
}
