/**
 * The BUILT task pane in headless Chromium (Debian's /usr/bin/chromium via playwright-core), served by the
 * real server on a cloned test database. Office and Excel come from a fake loaded in the page in place of
 * Microsoft's office.js (never the real one outside Office). Scenario: sign in through the dialog, pull
 * the seeded Cần Thơ appendix, type a bad value and good values into the sheet, push, see the finding
 * listed and its cell marked, fix it, push, and read the new values back from the server.
 */
import type { Page } from 'playwright-core';
import { cellA1, parseCell } from '../../domain/sheet/a1';
import { STATUS_FILL } from '../../domain/indicators/indicator-report';
import { describeInChromium } from '../support/chromium';
import { tokenFor, type TestApp } from '../support/graphql';
import type { TestDatabase } from '../support/database';
import { openPaneInChromium, type PaneInChromium } from './support/pane-in-chromium';
import { sheetPicture, shownText, type PictureOptions } from './support/sheet-picture';
import type { SheetSnapshot } from './support/sheet-snapshot';

describeInChromium('the browser test of the task pane')('the built task pane in Chromium against the real server', () => {
  let pane: PaneInChromium;
  let db: TestDatabase;
  let app: TestApp;
  let server: string;
  let browser: PaneInChromium['browser'];
  let page: Page;
  let authorizations: string[];
  let offSite: string[];

  beforeAll(async () => {
    pane = await openPaneInChromium();
    ({ db, app, server, browser, page, authorizations, offSite } = pane);
  }, 120000);

  afterAll(async () => {
    await pane?.close();
  });

  const message = () => page.locator('#message');
  /** Until the pane says how its work ended. */
  const settled = () => page.waitForFunction(() => !document.body.hasAttribute('aria-busy') && /pb-(success|error|warning)/.test(document.getElementById('message')!.className));
  const fake = <T>(fn: string, ...args: unknown[]) => pane.fake<T>(fn, ...args);
  /** The active sheet as the add-in left it, drawn by sheet-picture.ts, screenshot for the staff guide. */
  async function sheetShot(name: string, options: PictureOptions = {}): Promise<SheetSnapshot> {
    const snapshot = await fake<SheetSnapshot>('snapshot');
    const picture = await browser.context.newPage();
    await picture.setViewportSize({ width: 900, height: 100 }); // the screenshot takes the whole page, no more
    await picture.setContent(sheetPicture(snapshot, options));
    await picture.screenshot({ path: browser.screenshot(name), fullPage: true });
    await picture.close();
    return snapshot;
  }
  /** A part of the pane, from the top of `from` (default: the page's top) to the bottom of `to`, for the staff guide. */
  async function paneShot(name: string, to: string, from?: string): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    const bottom = (await page.locator(to).boundingBox())!;
    const top = from ? (await page.locator(from).boundingBox())!.y - 8 : 0;
    await page.screenshot({ path: browser.screenshot(name), fullPage: true, clip: { x: 0, y: top, width: 380, height: bottom.y + bottom.height + 8 - top } });
  }
  /** Sign in: the pane opens <server>/signin in an Office dialog; the page answers through messageParent. */
  async function signIn(login: string, displayName: string): Promise<string> {
    await page.click('#signin');
    const dialog = await page.evaluate(() => (window as any).__fake.dialogs.at(-1).url);
    expect(dialog).toBe(`${server}/signin`);
    const token = await tokenFor(db.orm, login);
    await page.evaluate((session) => (window as any).__fake.dialogs.at(-1).send(JSON.stringify({ type: 'planbridge-session', session })), { accessToken: token, user: { login, displayName } });
    await page.waitForFunction((name) => document.getElementById('who')!.textContent!.includes(name), displayName);
    return token;
  }
  const shownAt = (snapshot: SheetSnapshot, address: string) => {
    const cell = snapshot.cells.find((candidate) => cellA1(candidate.row, candidate.column) === address)!;
    return { text: shownText(cell), fill: cell.fill, note: cell.note };
  };

  it('signs in, pulls, marks a bad value, pushes the fix and the server has it', async () => {
    await page.goto(`${server}/addin/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#pull').textContent()).toBe('Lấy về');
    expect(await page.locator('#server').inputValue()).toBe(server);

    const token = await signIn('cantho.editor', 'Sở LĐ-TB&XH Cần Thơ – nhập liệu');
    expect(await page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('planbridge:session:')))).toBe(true);

    // Browse unit → plan → table (plan 132 was issued by Cần Thơ before the 2025 merger).
    await page.fill('#unit-search', 'can tho');
    await page.locator('#unit-results [role="option"]', { hasText: '2004–2025' }).first().click();
    await page.waitForFunction(() => (document.getElementById('table') as HTMLSelectElement).value !== '');
    expect(await page.locator('#plan option:checked').textContent()).toContain('132/KH-UBND');
    expect(await page.locator('#table option:checked').textContent()).toContain('Phụ lục 2');

    await page.click('#pull');
    await page.waitForFunction(() => document.getElementById('message')!.className.includes('pb-success'));
    expect(await message().textContent()).toContain('Đã lấy "Phụ lục 2" phiên bản 1');
    expect(await page.locator('#sheet-info').textContent()).toContain('132/KH-UBND — Phụ lục 2 · phiên bản 1');
    const sheets = await fake<{ name: string; protected: boolean }[]>('sheets');
    expect(sheets[1]).toMatchObject({ name: 'Phụ lục 2 132-KH-UBND', protected: true });
    const grand = (await fake<string>('addressOf', 'TOTAL', 'total'))!;
    expect(await fake('value', grand)).toBe(5600826);
    const pulled = await sheetShot('sheet-pulled.png');
    expect(shownAt(pulled, grand).text).toBe('5.600.826');

    // A badly written number, and good values (a consistent raise of III.2.2 by 60, typed the Vietnamese way).
    const bad = (await fake<string>('addressOf', 'III.5', 'local-budget'))!;
    await fake('type', bad, '1,234.5');
    const good: [string, string, string][] = [
      ['III.2.2', 'total', '400'], ['III.2.2', 'local-budget', '400'], ['III.2', 'total', '10.400'], ['III.2', 'local-budget', '8.400'],
      ['III', 'total', '117.890'], ['III', 'local-budget', '52.030'], ['TOTAL', 'total', '5.600.886'], ['TOTAL', 'local-budget', '102.873'],
    ];
    for (const [rowKey, columnKey, text] of good) await fake('type', (await fake<string>('addressOf', rowKey, columnKey))!, text);

    await page.click('#push');
    await page.waitForFunction(() => document.getElementById('message')!.className.includes('pb-error'));
    expect(await message().textContent()).toContain('Chưa gửi');
    const item = page.locator('#problems .pb-problem-button').first();
    expect(await item.getAttribute('data-address')).toBe(bad);
    expect(await item.textContent()).toContain('1,234.5');
    const marked = await fake<{ fill: string; note: string }>('cell', bad);
    expect(marked.fill).toBe('#FDE7E9');
    expect(marked.note).toContain('PlanBridge — Lỗi');
    const badRow = parseCell(bad).row + 1;
    const markedSheet = await sheetShot('sheet-marked.png', { rows: [badRow - 8, badRow + 6], openNotes: [bad] });
    expect(shownAt(markedSheet, bad)).toMatchObject({ text: '1,234.5', fill: '#FDE7E9' });
    // Nothing was sent: the server is still at version 1.
    const tableId = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
    expect((await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version } }`, { id: tableId })).data!.tableGrid.version).toBe(1);

    // A click on the finding selects its cell (keyboard: it is a button).
    await item.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((address) => (window as any).__fake.selection()?.address === address, bad);

    await page.screenshot({ path: browser.screenshot('addin-taskpane.png'), fullPage: true });

    // Fix the bad cell (back to its published 800) and push again.
    await fake('type', bad, '800');
    await page.click('#push');
    await page.waitForFunction(() => document.getElementById('message')!.className.includes('pb-success'), undefined, { timeout: 30000 });
    expect(await message().textContent()).toContain('Đã gửi 8 ô. Phiên bản mới: 2.');
    expect(await page.locator('#problems-section').isHidden()).toBe(true);
    const cleared = await fake<{ fill: string; note: string | null; value: unknown }>('cell', bad);
    expect(cleared).toMatchObject({ fill: '#FFFFFF', note: null });
    expect(await fake('value', grand)).toBe(5600886);
    await page.screenshot({ path: browser.screenshot('addin-taskpane-pushed.png'), fullPage: true });

    // The server has the new values.
    const id = tableId;
    const grid = (await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version columns { key } rows { key values } } }`, { id })).data!.tableGrid;
    const value = (rowKey: string, columnKey: string) => grid.rows.find((r: any) => r.key === rowKey).values[grid.columns.findIndex((c: any) => c.key === columnKey)];
    expect(grid.version).toBe(2);
    expect([value('III.2.2', 'local-budget'), value('TOTAL', 'total'), value('III.5', 'local-budget')]).toEqual(['400', '5600886', '800']);
    const history = await app.query(`query ($id: ID!) { tableHistory(tableId: $id) { author } }`, { id });
    expect(history.data!.tableHistory[0].author).toBe('cantho.editor');

    // Every GraphQL call after sign-in carried the bearer token; nothing left the machine.
    expect(authorizations.slice(-3).every((header) => header === `Bearer ${token}`)).toBe(true);
    expect(offSite).toEqual([]);
  }, 120000);

  it('lists the cells a colleague changed too, keeps mine, and pushes again', async () => {
    const tableId = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
    // Since this sheet pulled version 2, a colleague corrected Dự án 5 (III.5) from 800 to 850, and the totals above it.
    const raised = (by: number): [string, string, number][] => [
      ['III.5', 'total', 800 + by], ['III.5', 'local-budget', 800 + by], ['III', 'total', 117890 + by], ['III', 'local-budget', 52030 + by],
      ['TOTAL', 'total', 5600886 + by], ['TOTAL', 'local-budget', 102873 + by],
    ];
    const colleague = await app.query(`mutation ($input: PushTableInput!) { pushTable(input: $input) { status version } }`, {
      input: { tableId, baseVersion: 2, idempotencyKey: 'colleague-iii5', changes: raised(50).map(([rowKey, columnKey, value]) => ({ rowKey, columnKey, value: String(value) })) },
    });
    expect(colleague.data!.pushTable).toEqual({ status: 'APPLIED', version: 3 });

    // The officer makes it 820 on the sheet, typed the Vietnamese way, and pushes.
    for (const [rowKey, columnKey, value] of raised(20)) await fake('type', (await fake<string>('addressOf', rowKey, columnKey))!, value.toLocaleString('vi-VN'));
    await page.click('#push');
    await page.waitForFunction(() => document.getElementById('message')!.className.includes('pb-warning'));
    expect(await message().textContent()).toBe('Có 6 ô xung đột. Hãy chọn rồi gửi lại.');
    const rows = page.locator('#conflicts-body tr');
    expect(await rows.count()).toBe(6);
    const project5 = rows.filter({ hasText: 'Dự án 5' }).filter({ hasText: 'Ngân sách thành phố' });
    expect((await project5.locator('td').allTextContents()).slice(0, 3)).toEqual(['800', '850', '820']);
    expect((await rows.filter({ hasText: 'TỔNG CỘNG' }).filter({ hasText: '/ Tổng số' }).locator('td').allTextContents()).slice(0, 3)).toEqual(['5.600.886', '5.600.936', '5.600.906']);
    await paneShot('addin-conflict.png', '#conflicts-section', '#conflicts-section');

    await page.click('#all-mine');
    await page.click('#conflicts-apply');
    await page.waitForFunction(() => document.getElementById('message')!.className.includes('pb-success'), undefined, { timeout: 30000 });
    expect(await message().textContent()).toBe('Đã gửi 6 ô. Phiên bản mới: 4.');
    expect(await page.locator('#conflicts-section').isHidden()).toBe(true);
    const grid = (await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version columns { key } rows { key values } } }`, { id: tableId })).data!.tableGrid;
    const local = grid.columns.findIndex((column: { key: string }) => column.key === 'local-budget');
    expect(grid.rows.find((row: { key: string }) => row.key === 'III.5').values[local]).toBe('820');
  }, 120000);

  it('submits the table for approval, and an approver of the unit above (the Ministry) approves it', async () => {
    const status = async () => (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { status } }`)).data!.findTable.status;
    await page.fill('#comment', 'Số liệu đã rà soát');
    await page.click('#submit');
    await settled();
    expect(await message().textContent()).toBe('Đã gửi duyệt. Bảng bị khóa cho đến khi được phê duyệt hoặc mở lại để sửa.');
    expect(await page.locator('#sheet-info').textContent()).toContain('Trạng thái: Đã gửi duyệt, chờ phê duyệt');
    expect(await status()).toBe('SUBMITTED');
    await paneShot('addin-submitted.png', 'section:has(#h-sheet)');

    await page.click('#signout');
    await signIn('ministry.approver', 'Bộ LĐ-TB&XH – duyệt');
    await page.click('#approve');
    await settled();
    expect(await message().textContent()).toBe('Đã phê duyệt bảng.');
    expect(await page.locator('#sheet-info').textContent()).toContain('Trạng thái: Đã phê duyệt');
    expect(await status()).toBe('APPROVED');
    await paneShot('addin-approved.png', 'section:has(#h-sheet)');
  }, 120000);

  it('pulls an indicator report into a read-only sheet, coloured by status with a chart, and refreshes it', async () => {
    const unit = await page.locator('#report-unit option').evaluateAll((options) => (options as HTMLOptionElement[]).find((option) => option.text.includes('Cần Thơ') && option.text.includes('2004'))!.value);
    expect(await page.locator('#report-unit option').first().textContent()).toBe('Cả nước');
    await page.selectOption('#report-unit', unit);
    await page.selectOption('#report-indicators', ['POOR_HOUSEHOLD_RATE', 'POOR_HOUSEHOLDS']);
    await page.fill('#report-asof', '2024-06-30');
    await page.click('#report-pull');
    await page.waitForFunction(() => document.getElementById('message')!.textContent!.startsWith('Đã lấy báo cáo'));
    expect(await message().textContent()).toBe('Đã lấy báo cáo (2 dòng) vào trang tính "Báo cáo chỉ tiêu" (chỉ đọc).');
    const sheets = await fake<{ name: string; protected: boolean }[]>('sheets');
    expect(sheets[sheets.length - 1]).toMatchObject({ name: 'Báo cáo chỉ tiêu', protected: true });
    // Indicators in the list's order: poor households (2,901 at the start, nothing since: not assessed), then the rate.
    expect(await Promise.all(['B6', 'E6', 'J6', 'N6', 'J7', 'N7'].map((address) => fake('value', address)))).toEqual(['Số hộ nghèo', 2901, '', 'Chưa đánh giá', 0.21, 'Đúng tiến độ']);
    expect([await fake('shownFill', 'N6'), await fake('shownFill', 'N7')]).toEqual([STATUS_FILL.NOT_ASSESSED, STATUS_FILL.ON_TRACK]);
    expect(await fake<unknown[]>('charts')).toHaveLength(2);
    expect(await page.locator('#sheet-info').textContent()).toContain('Báo cáo chỉ tiêu (chỉ đọc)');
    // Table sync keeps off the report sheet: its buttons are off, the report's refresh is on.
    expect(await page.locator('#push').isDisabled()).toBe(true);
    expect(await page.locator('#report-refresh').isEnabled()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: browser.screenshot('addin-report.png'), fullPage: true });
    const report = await sheetShot('sheet-report.png', { rows: [1, 7] });
    expect(shownAt(report, 'N7')).toMatchObject({ text: 'Đúng tiến độ', fill: STATUS_FILL.ON_TRACK });
    expect(shownAt(report, 'J7').text).toBe('0,21');

    await page.click('#report-refresh');
    await page.waitForFunction(() => document.getElementById('message')!.textContent!.startsWith('Đã cập nhật báo cáo'));
    expect(await fake<unknown[]>('charts')).toHaveLength(2);
    expect(await fake('value', 'J7')).toBe(0.21);
  });

  it('switches to English and back', async () => {
    await page.click('#lang');
    expect(await page.locator('#push').textContent()).toBe('Push');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.click('#lang');
    expect(await page.locator('#push').textContent()).toBe('Gửi lên');
  });

  it('finds a commune of Điện Biên by typing "dien bien", chosen with the keyboard, and lists the plan its editor created for it', async () => {
    const commune = (await app.query(`{ findUnit(name: "Phường Điện Biên Phủ", asOf: "2025-07-01") { id } }`)).data!.findUnit.id;
    const user = await app.query(
      `mutation ($unit: ID!) { createUser(login: "dienbienphu.pane", displayName: "Phường Điện Biên Phủ – nhập liệu", password: "a long enough password", role: EDITOR, unitId: $unit) { id } }`,
      { unit: commune },
    );
    expect(user.errors).toBeUndefined();
    const editor = await app.as('dienbienphu.pane');
    const created = await editor(
      `mutation ($unit: ID!) { createPlan(input: { issuingUnitId: $unit, documentNumber: "15/KH-UBND", issuedOn: "2025-08-15", title: "Kế hoạch giảm nghèo năm 2025 phường Điện Biên Phủ", periodFrom: "2025-07-01", periodTo: "2025-12-31" }) { id } }`,
      { unit: commune },
    );
    expect(created.errors).toBeUndefined();
    await page.click('details.pb-details summary');
    await page.fill('#token', await tokenFor(db.orm, 'dienbienphu.pane'));
    await page.click('#save-token');

    await page.fill('#unit-search', '');
    await page.type('#unit-search', 'd'); // one character asks nothing
    await page.waitForTimeout(400);
    expect(await page.locator('#unit-results').isHidden()).toBe(true);
    await page.type('#unit-search', 'ien bien');
    const options = page.locator('#unit-results [role="option"]');
    await options.first().waitFor();
    const texts = await options.allTextContents();
    expect(texts.some((text) => text.startsWith('Tỉnh Điện Biên'))).toBe(true);
    const index = texts.findIndex((text) => text.includes('Phường Điện Biên Phủ') && text.endsWith('Tỉnh Điện Biên'));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let step = 0; step <= index; step++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#unit-search').getAttribute('aria-activedescendant')).toBe(`unit-results-${index}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('plan') as HTMLSelectElement).value !== '');
    expect(await page.locator('#unit-search').inputValue()).toContain('Phường Điện Biên Phủ');
    expect(await page.locator('#plan option:checked').textContent()).toBe('15/KH-UBND — Kế hoạch giảm nghèo năm 2025 phường Điện Biên Phủ');
  });

  it('refuses to start on Excel on iPad (Office.PlatformType.iOS), in Vietnamese and English', async () => {
    await page.goto(`${server}/addin/taskpane.html?platform=iOS`);
    await page.waitForSelector('body[data-refused="platform"]');
    const text = await message().textContent();
    expect(text).toContain('PlanBridge chưa hỗ trợ Excel trên iPad');
    expect(text).toContain('PlanBridge does not support Excel on iPad');
    expect(await page.locator('body').getAttribute('data-ready')).toBeNull();
  });
});
