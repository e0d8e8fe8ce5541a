/** The server serves the built task pane and its icons, and CORS lets only the configured add-in origin in. */
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { serverOf } from './support/harness';

let db: TestDatabase;
let app: TestApp;
let server: string;
const ORIGIN = 'https://addin.planbridge.example';

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm, { settings: { addinOrigins: [ORIGIN] } });
  server = serverOf(app.url);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

/**
 * fetch with the body read: an unread body keeps its keep-alive socket open after the server has stopped, and
 * with it the Jest worker ("A worker process has failed to exit gracefully").
 */
async function request(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe('GET /addin/…', () => {
  it('serves the built pane with its script, styles and icons', async () => {
    const page = await request(`${server}/addin/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = page.body.toString();
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(html).toContain('taskpane.js');
    for (const asset of ['taskpane.js', 'taskpane.css', 'commands.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-80.png']) {
      const response = await request(`${server}/addin/${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
    }
    const icon = (await request(`${server}/addin/assets/icon-32.png`)).body;
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect((await request(`${server}/addin/nope.js`)).status).toBe(404);
    expect((await request(`${server}/addin`, { redirect: 'manual' })).headers.get('location')).toBe('/addin/taskpane.html');
  });

  it('hands out the manifest with its URLs pointing at this server', async () => {
    const xml = (await request(`${server}/addin/manifest.xml`)).body.toString();
    expect(xml).toContain(`<SourceLocation DefaultValue="${server}/addin/taskpane.html"/>`);
    expect(xml).not.toContain('localhost:4000');
  });
});

describe('GET /guide/…: the staff guide, linked from the pane', () => {
  /** The links of a page of this server, as absolute URLs (external ones left out). */
  function linksOf(html: string, base: string, attribute: 'href' | 'src'): string[] {
    return [...html.matchAll(new RegExp(`${attribute}="([^"]+)"`, 'g'))].map((match) => new URL(match[1].replace(/&amp;/g, '&'), base).href).filter((url) => url.startsWith(server));
  }

  it('is linked, Vietnamese first, from the help page and the not-in-Excel notice, and every link of both answers 200', async () => {
    for (const name of ['help.html', 'taskpane.html']) {
      const base = `${server}/addin/${name}`;
      const links = linksOf((await request(base)).body.toString(), base, 'href').filter((url) => !url.endsWith('.css'));
      expect(links.filter((url) => url.includes('/guide/'))).toEqual([`${server}/guide/vi/`, `${server}/guide/en/`]);
      for (const url of links) expect([url, (await request(url)).status]).toEqual([url, 200]);
    }
  });

  it('renders the guide from docs/ with its pictures, and the twins link to each other', async () => {
    for (const [lang, title, twin] of [['vi', 'Hướng dẫn sử dụng PlanBridge trong Excel', '../en/user-guide.md'], ['en', 'Using PlanBridge in Excel', '../vi/huong-dan-su-dung.md']]) {
      const base = `${server}/guide/${lang}/`;
      const page = await request(base);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = page.body.toString();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1>${title}</h1>`);
      const pictures = linksOf(html, base, 'src');
      expect(pictures.length).toBeGreaterThanOrEqual(8);
      for (const url of pictures) {
        const picture = await request(url);
        expect([url, picture.status, picture.headers.get('content-type')]).toEqual([url, 200, 'image/png']);
      }
      const twinPage = await request(new URL(twin, base).href, { redirect: 'manual' });
      expect([twinPage.status, twinPage.headers.get('location')]).toEqual([301, `/guide/${lang === 'vi' ? 'en' : 'vi'}/`]);
    }
  });

  it('serves nothing else of the repository', async () => {
    for (const path of ['/guide/..%2Fpackage.json', '/guide/..%2F..%2Fpackage.json', '/guide/nothing.png', '/guide/vi/huong-dan-su-dung.md.bak', '/guide/contributing.md']) {
      expect([path, (await request(`${server}${path}`)).status]).toEqual([path, 404]);
    }
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    request(`${server}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('allows the configured add-in origin, with the Authorization header', async () => {
    const response = await preflight(ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    const query = await request(`${server}/graphql`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ fundingSources { key } }' }) });
    expect(query.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('refuses any other origin', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const query = await request(`${server}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ fundingSources { key } }' }) });
    expect(query.headers.get('access-control-allow-origin')).toBeNull();
  });
});
