/**
 * "Tạo bảng từ trang tính / New table from this sheet" in the BUILT task pane (headless Chromium, fake
 * Office.js, real server): a published table pasted into a sheet (a title, a unit line, a merged two-row
 * header, numbers stored as numbers, a total row the import does not know by its label) is previewed; the person
 * says which row is the total, changes a column's type and leaves one proposed rule out (each choice proposes the
 * rules again), the table is created as chosen and the sheet bound to it; an edit typed into the sheet is then
 * pushed and the server has it.
 */
import type { Page } from 'playwright-core';
import { describeInChromium } from '../support/chromium';
import { tokenFor } from '../support/graphql';
import { openPaneInChromium, type PaneInChromium } from './support/pane-in-chromium';

const TITLE = 'Kế hoạch vốn các chương trình MTQG năm 2023 (Bắc Kạn)';
/**
 * The Bắc Kạn 2023 capital plan of the corpus (test/corpus/bac-kan-2023-mtqg-capital-plan.json), as a sheet holds it,
 * its total row labelled "Cả tỉnh" (the whole province), a label the import does not take for a total.
 */
const SHEET: (string | number | null)[][] = [
  ['Kế hoạch vốn đầu tư công các chương trình mục tiêu quốc gia năm 2023', null, null, null, null],
  ['Đơn vị tính: triệu đồng', null, null, null, null],
  ['STT', 'Chương trình', 'Tổng số', 'Trong đó', null],
  [null, null, null, 'Ngân sách Trung ương hỗ trợ', 'Ngân sách địa phương đối ứng'],
  [null, 'Cả tỉnh', 830140, 780000, 50140],
  [1, 'Chương trình mục tiêu quốc gia giảm nghèo bền vững', 185334, 180000, 5334],
  [2, 'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi', 532033, 500000, 32033],
  [3, 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới', 112773, 100000, 12773],
];

describeInChromium('the import from a sheet in the task pane')('a new table from the sheet in the built task pane', () => {
  let pane: PaneInChromium;
  let page: Page;

  beforeAll(async () => {
    pane = await openPaneInChromium();
    page = pane.page;
  }, 120000);

  afterAll(async () => {
    await pane?.close();
  });

  const message = () => page.locator('#message');
  const idle = () => page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
  /** Waits for the pane to say something of `kind`; another message fails the test with its text. */
  const said = async (kind: 'success' | 'error') => {
    await page.waitForFunction(() => !document.body.hasAttribute('aria-busy') && !document.getElementById('message')!.hidden, undefined, { timeout: 60000 });
    expect([await message().getAttribute('class'), await message().textContent()]).toEqual([`pb-message pb-${kind}`, expect.any(String)]);
  };

  it('previews the sheet, creates the table with the total row, a column type and the rules chosen, binds the sheet and pushes an edit', async () => {
    const { app, db, fake } = pane;
    await page.goto(`${pane.server}/addin/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await fake('paste', 'A1:E8', SHEET, SHEET.map((row) => row.map((cell) => (typeof cell === 'number' && cell > 100 ? '#,##0' : 'General'))));
    for (const area of ['A1:E1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:E3']) await fake('merge', area);

    await page.click('details.pb-details summary');
    await page.fill('#token', await tokenFor(db.orm, 'cantho.editor'));
    await page.click('#save-token');
    await page.waitForFunction(() => document.getElementById('message')!.textContent === 'Đã lưu mã truy cập cho sổ tính này.');
    // Without a plan nothing is read or sent.
    await page.click('#import-preview');
    expect(await message().textContent()).toBe('Hãy chọn đơn vị và kế hoạch sẽ nhận bảng.');
    await page.fill('#unit-search', 'can tho');
    await page.locator('#unit-results [role="option"]', { hasText: '2004–2025' }).first().click();
    await page.waitForFunction(() => (document.getElementById('plan') as HTMLSelectElement).value !== '');
    await page.fill('#import-title', TITLE);

    // The dry run: one cell selected, so the sheet's used range; nothing is written on the server.
    await page.click('#import-preview');
    await idle();
    expect(await message().textContent()).toBe('');
    await page.waitForSelector('#import-result:not([hidden])');
    const rows = () => page.locator('#import-rows tr').evaluateAll((lines) => lines.map((line) => Array.from(line.children, (cell) => cell.textContent)));
    const ruleTexts = () => page.locator('#import-rules li').allTextContents();
    // No total row found: "Cả tỉnh" is a row like the others, and no total-row rule is proposed.
    expect(await page.locator('#import-total').inputValue()).toBe('');
    expect((await rows()).map((row) => row[1])).toEqual(['Cả tỉnh', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững', expect.any(String), 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới']);
    expect((await rows())[0][2]).not.toBe('Tổng');
    expect(await ruleTexts()).not.toContain('Dòng tổng = tổng các mục✓ 3');

    // The person says "Cả tỉnh" is the total: the rules are proposed again with it.
    await page.locator('#import-total').selectOption({ label: 'Cả tỉnh' });
    await idle();
    expect(await page.locator('#import-total').inputValue()).toBe('0');
    expect(await page.locator('#import-summary').textContent()).toBe(
      'A1:E8 của "Sheet1": 4 dòng tiêu đề, 4 dòng số liệu, 3 cột số liệu (triệu đồng). Nhận ra: stt-column, merged-header, total-first, total-column, numbered-items.',
    );
    // Each column: its header, its type (for a figure column a choice, its scale beside it), and for a figure
    // column what its empty cells mean (a choice).
    const columns = () => page.locator('#import-columns tr').evaluateAll((lines) => lines.map((line) => {
      const type = line.querySelector<HTMLSelectElement>('select.pb-column-type');
      return [
        line.children[0].textContent,
        type ? `${type.selectedOptions[0].textContent}${line.children[1].lastChild!.textContent}` : line.children[1].textContent,
        line.querySelector<HTMLSelectElement>('select.pb-column-empty')?.value ?? null,
      ];
    }));
    expect(await columns()).toEqual([
      ['STT', 'STT', null],
      ['Chương trình', 'Nội dung', null],
      ['Tổng số', 'Tiền (triệu) · cột tổng', 'ROLLUP'],
      ['Trong đó / Ngân sách Trung ương hỗ trợ', 'Tiền (triệu)', 'ROLLUP'],
      ['Trong đó / Ngân sách địa phương đối ứng', 'Tiền (triệu)', 'ROLLUP'],
    ]);
    const found = await rows();
    expect(found[0]).toEqual(['', 'Cả tỉnh', 'Tổng']);
    expect(found.slice(1).map((row) => [row[0], row[2]])).toEqual([['1', 'Dòng'], ['2', 'Dòng'], ['3', 'Dòng']]);
    expect(await ruleTexts()).toEqual([
      'Tổng số = Trong đó / Ngân sách Trung ương hỗ trợ + Trong đó / Ngân sách địa phương đối ứng✓ 4',
      'Dòng tổng = tổng các mục✓ 3',
      'Không âm: Tổng số, Trong đó / Ngân sách Trung ương hỗ trợ, Trong đó / Ngân sách địa phương đối ứng✓ 12',
    ]);
    expect(await page.locator('#import-rules input:checked').count()).toBe(3);
    expect(await page.locator('#import-findings').textContent()).toBe('Không có sai sót.');
    const tables = async () => (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "${TITLE}") { id } }`)).data?.findTable ?? null;
    expect(await tables()).toBeNull();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: pane.browser.screenshot('addin-import.png'), fullPage: true });

    // The local budget's empty cells are said to be "not published": the rules are proposed again under it.
    await page.locator('#import-columns select.pb-column-empty').nth(2).selectOption('NOT_PUBLISHED');
    await idle();
    expect((await columns()).map((column) => column[2])).toEqual([null, null, 'ROLLUP', 'ROLLUP', 'NOT_PUBLISHED']);
    expect(await page.locator('#import-rules li').allTextContents()).toEqual([
      'Tổng số = Trong đó / Ngân sách Trung ương hỗ trợ + Trong đó / Ngân sách địa phương đối ứng✓ 4',
      'Dòng tổng = tổng các mục✓ 2',
      'Dòng tổng = tổng các mục✓ 1',
      'Không âm: Tổng số, Trong đó / Ngân sách Trung ương hỗ trợ, Trong đó / Ngân sách địa phương đối ứng✓ 12',
    ]);

    // The local budget's column is said to hold a rate: rates never add up, so the sums leave it out.
    await page.locator('#import-columns select.pb-column-type').nth(2).selectOption('rate');
    await idle();
    expect((await columns())[4]).toEqual(['Trong đó / Ngân sách địa phương đối ứng', 'Tỷ lệ (%)', 'NOT_PUBLISHED']);
    expect(await ruleTexts()).toEqual([
      'Trong đó / Ngân sách Trung ương hỗ trợ ≤ Tổng số✓ 4',
      'Dòng tổng = tổng các mục✓ 2',
      '0 ≤ Trong đó / Ngân sách địa phương đối ứng ≤ 100✓ 0 ✗ 4',
      'Không âm: Tổng số, Trong đó / Ngân sách Trung ương hỗ trợ✓ 8',
    ]);
    // The range fails on all four figures: proposed, not kept.
    expect(await page.locator('#import-rules input').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked))).toEqual([true, true, false, true]);

    // Leave "not negative" out, then create: the sheet is rewritten as the new table and bound to it.
    await page.locator('#import-rules input').last().uncheck();
    await idle();
    await page.click('#import-create');
    await said('success');
    expect(await message().textContent()).toBe(`Đã tạo bảng "${TITLE}" (4 dòng); trang tính "Sheet1" đã được gắn với bảng.`);
    expect(await page.locator('#import-result').isHidden()).toBe(true);
    expect(await page.locator('#sheet-info').textContent()).toContain(`132/KH-UBND — ${TITLE} · phiên bản 1`);
    const id = (await tables())!.id;
    const grid = async () => (await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version rules columns { key label type } rows { key kind values } } }`, { id })).data!.tableGrid;
    const created = await grid();
    // Stored as chosen: the local budget a rate, "Cả tỉnh" the total row, the rules ticked (the total row's sum on
    // the two money columns; the part ≤ its total).
    expect(created.columns.map((column: { type: string }) => column.type)).toEqual(['MONEY', 'MONEY', 'RATE']);
    expect(created.rows.map((row: { kind: string }) => row.kind)).toEqual(['GRAND_TOTAL', 'ITEM', 'ITEM', 'ITEM']);
    expect(created.rules.map((rule: { kind: string; relation?: string; columns?: string[] }) => [rule.kind, rule.relation ?? null, rule.columns?.length ?? null])).toEqual([
      ['COMPARE', 'LE', null], ['GRAND_TOTAL', null, 2],
    ]);
    expect(created.rows.map((row: { key: string; values: string[] }) => [row.key, ...row.values])).toEqual([
      ['TOTAL', '830140', '780000', '50140'],
      ['1', '185334', '180000', '5334'],
      ['2', '532033', '500000', '32033'],
      ['3', '112773', '100000', '12773'],
    ]);
    const [total, central, local] = created.columns.map((column: { key: string }) => column.key);
    expect(await fake('value', (await fake<string>('addressOf', '1', local))!)).toBe(5334);
    expect(await fake('sheets')).toEqual([expect.objectContaining({ name: 'Sheet1', protected: true })]);

    // An edit typed the Vietnamese way, consistent with the rules, pushed from the bound sheet.
    for (const [rowKey, columnKey, text] of [['1', local, '5.400'], ['1', total, '185.400'], ['TOTAL', local, '50.206'], ['TOTAL', total, '830.206']]) {
      await fake('type', (await fake<string>('addressOf', rowKey, columnKey))!, text);
    }
    await page.click('#push');
    await said('success');
    expect(await message().textContent()).toContain('Đã gửi 4 ô. Phiên bản mới: 2.');
    const pushed = await grid();
    expect(pushed.version).toBe(2);
    expect(pushed.rows.slice(0, 2).map((row: { values: string[] }) => row.values)).toEqual([['830206', '780000', '50206'], ['185400', '180000', '5400']]);
    expect(central).toBeDefined();
    expect(pane.offSite).toEqual([]);
  }, 180000);
});
