/**
 * Live table changes in the BUILT task pane (headless Chromium, fake Office.js, the real server): a viewer pulls
 * Cần Thơ's Phụ lục 2; when the editor pushes to it through the API, the pane says who changed it and when within
 * two seconds, and its Refresh button brings the new version into the sheet; after a network loss it reconnects
 * and still tells of a push made meanwhile.
 */
import type { Duplex } from 'node:stream';
import { describeInChromium } from '../support/chromium';
import { tokenFor } from '../support/graphql';
import { untilSubscribers } from '../support/table-subscriptions';
import { openPaneInChromium, type PaneInChromium } from './support/pane-in-chromium';

const PUSH = `mutation ($input: PushTableInput!) { pushTable(input: $input) { status version } }`;

describeInChromium('the live-changes browser test')('the task pane shows other people\'s pushes to its bound sheets', () => {
  let pane: PaneInChromium;

  beforeAll(async () => {
    pane = await openPaneInChromium();
  }, 120000);
  afterAll(async () => {
    await pane?.close();
  });

  it('shows "changed by … at …" within two seconds of another user\'s push, and Refresh pulls it', async () => {
    const { page, server, db, app } = pane;
    // The server's ends of the pane's WebSockets, to cut them later as a network loss would.
    const upgraded: Duplex[] = [];
    app.app.httpServer.on('upgrade', (_request, socket: Duplex) => upgraded.push(socket));
    await page.goto(`${server}/addin/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#signin');
    const session = { accessToken: await tokenFor(db.orm, 'cantho.viewer'), user: { login: 'cantho.viewer', displayName: 'Cần Thơ – xem' } };
    await page.evaluate((sent) => (window as any).__fake.dialogs.at(-1).send(JSON.stringify({ type: 'planbridge-session', session: sent })), session);
    await page.waitForFunction(() => document.getElementById('who')!.textContent!.includes('Cần Thơ – xem'));
    await page.fill('#unit-search', 'can tho');
    await page.locator('#unit-results [role="option"]', { hasText: '2004–2025' }).first().click();
    await page.waitForFunction(() => (document.getElementById('table') as HTMLSelectElement).value !== '');
    await page.click('#pull');
    await page.waitForFunction(() => document.getElementById('message')!.className.includes('pb-success'));
    expect(await page.locator('#sheet-info').textContent()).toContain('phiên bản 1');
    expect(await page.locator('#live-change').isHidden()).toBe(true);
    const tableId = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
    await untilSubscribers(app.app.tableChanges, 1, 10000);

    // Cần Thơ's editor raises III.2.2 by 60 (and its totals), through the API, not through this pane.
    const editor = await app.as('cantho.editor');
    const cells: [string, string, string][] = [
      ['III.2.2', 'total', '400'], ['III.2.2', 'local-budget', '400'], ['III.2', 'total', '10400'], ['III.2', 'local-budget', '8400'],
      ['III', 'total', '117890'], ['III', 'local-budget', '52030'], ['TOTAL', 'total', '5600886'], ['TOTAL', 'local-budget', '102873'],
    ];
    const changes = cells.map(([rowKey, columnKey, value]) => ({ rowKey, columnKey, value }));
    const pushed = await editor(PUSH, { input: { tableId, baseVersion: 1, idempotencyKey: 'live-browser-1', changes } });
    expect(pushed.data!.pushTable).toEqual({ status: 'APPLIED', version: 2 });
    const answered = Date.now();
    await page.waitForSelector('#live-change:not([hidden])', { timeout: 2000 });
    expect(Date.now() - answered).toBeLessThanOrEqual(2000);
    const text = await page.locator('#live-change-text').textContent();
    expect(text).toMatch(/^Bảng đã được Sở LĐ-TB&XH Cần Thơ – nhập liệu cập nhật lúc \d{2}:\d{2} \("Phụ lục 2", phiên bản 2\)\.$/);
    await page.locator('#live-change').screenshot({ path: pane.browser.screenshot('addin-live-change.png') });

    await page.click('#live-refresh');
    await page.waitForFunction(() => document.getElementById('sheet-info')!.textContent!.includes('phiên bản 2'));
    expect(await page.locator('#live-change').isHidden()).toBe(true);
    expect(await pane.fake('value', (await pane.fake<string>('addressOf', 'III.2.2', 'total'))!)).toBe(400);

    // In English, the same notice for the next push.
    await page.click('#lang');
    const next = await editor(PUSH, { input: { tableId, baseVersion: 2, idempotencyKey: 'live-browser-2', changes: changes.map((change) => ({ ...change, value: String(Number(change.value) + 1) })) } });
    expect(next.data!.pushTable.status).toBe('APPLIED');
    await page.waitForSelector('#live-change:not([hidden])', { timeout: 2000 });
    expect(await page.locator('#live-change-text').textContent()).toMatch(/^Changed by Sở LĐ-TB&XH Cần Thơ – nhập liệu at \d{2}:\d{2} \("Phụ lục 2", version 3\)\.$/);
    expect(await page.locator('#live-refresh').textContent()).toBe('Refresh');

    // The network goes and comes back: graphql-ws reconnects and resubscribes from the sheet's version, so a push
    // made meanwhile is still told.
    expect(upgraded.length).toBeGreaterThan(0);
    for (const socket of upgraded.splice(0)) socket.destroy();
    const meanwhile = await editor(PUSH, { input: { tableId, baseVersion: 3, idempotencyKey: 'live-browser-3', changes: changes.map((change) => ({ ...change, value: String(Number(change.value) + 2) })) } });
    expect(meanwhile.data!.pushTable).toEqual({ status: 'APPLIED', version: 4 });
    await page.waitForFunction(() => document.getElementById('live-change-text')!.textContent!.includes('version 4'), undefined, { timeout: 15000 });
    expect(upgraded.length).toBeGreaterThan(0);
  });
});
