/** The server serves the built task pane and its icons, and CORS lets only the configured add-in origin in. */
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { serverOf } from './support/harness';

let db: TestDatabase;
let app: TestApp;
let server: string;
const ORIGIN = 'https://addin.planbridge.example';

beforeAll(async () => {
  process.env.PLANBRIDGE_ADDIN_ORIGIN = ORIGIN;
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  server = serverOf(app.url);
});
afterAll(async () => {
  delete process.env.PLANBRIDGE_ADDIN_ORIGIN;
  await app.close();
  await db.drop();
});

describe('GET /addin/…', () => {
  it('serves the built pane with its script, styles and icons', async () => {
    const page = await fetch(`${server}/addin/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(html).toContain('taskpane.js');
    for (const asset of ['taskpane.js', 'taskpane.css', 'commands.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-80.png']) {
      const response = await fetch(`${server}/addin/${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
    }
    const icon = Buffer.from(await (await fetch(`${server}/addin/assets/icon-32.png`)).arrayBuffer());
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${server}/addin/nope.js`)).status).toBe(404);
    expect((await fetch(`${server}/addin`, { redirect: 'manual' })).headers.get('location')).toBe('/addin/taskpane.html');
  });

  it('hands out the manifest with its URLs pointing at this server', async () => {
    const xml = await (await fetch(`${server}/addin/manifest.xml`)).text();
    expect(xml).toContain(`<SourceLocation DefaultValue="${server}/addin/taskpane.html"/>`);
    expect(xml).not.toContain('localhost:4000');
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${server}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('allows the configured add-in origin, with the Authorization header', async () => {
    const response = await preflight(ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    const query = await fetch(`${server}/graphql`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ fundingSources { key } }' }) });
    expect(query.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('refuses any other origin', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const query = await fetch(`${server}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ fundingSources { key } }' }) });
    expect(query.headers.get('access-control-allow-origin')).toBeNull();
  });
});
