/**
 * changeTableStructure through the real HTTP endpoint: rows and columns of an imported draft table added and
 * renamed, all or nothing, on the current version only, kept in the history; refused once the table is
 * submitted; two changes racing on one version give exactly one winner.
 */
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

const CHANGE = `mutation ($input: ChangeTableStructureInput!) {
  changeTableStructure(input: $input) { version changeSetId changes { op key label previousLabel removedValues { key value } } }
}`;
const GRID = `query ($id: ID!) { tableGrid(tableId: $id) { version columns { key label type } rows { key publishedNumber label level parentKey kind values } } }`;

let db: TestDatabase;
let app: TestApp;
let query: Awaited<ReturnType<TestApp['as']>>;
let planId: string;
let tables = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  query = await app.as('cantho.editor');
  planId = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { plan { id } } }`)).data!.findTable.plan.id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

/** A fresh draft table imported through importTable: a total, a section with two items, a total column. */
async function importedTable(): Promise<string> {
  const grid = [
    ['STT', 'Nội dung', 'Tổng số', 'Ngân sách Trung ương', 'Ngân sách địa phương'],
    ['', 'Tổng cộng', '300', '200', '100'],
    ['I', 'Dự án 1', '300', '200', '100'],
    ['1', 'Tiểu dự án 1', '120', '80', '40'],
    ['2', 'Tiểu dự án 2', '180', '120', '60'],
  ];
  const created = await query(`mutation ($input: ImportTableInput!) { importTable(input: $input) { tableId } }`, {
    input: { planId, title: `Bảng cấu trúc ${++tables}`, unitOfMeasure: 'triệu đồng', grid, dryRun: false },
  });
  expect(created.errors).toBeUndefined();
  return created.data!.importTable.tableId;
}

const change = (tableId: string, baseVersion: number, changes: unknown[], comment?: string) => query(CHANGE, { input: { tableId, baseVersion, comment, changes } });
const gridOf = async (id: string) => (await app.query(GRID, { id })).data!.tableGrid;

describe('changing the structure of a draft table', () => {
  it('adds a sub-project row under its parent and a column after another, renames both, and keeps it in the history', async () => {
    const id = await importedTable();
    const before = await gridOf(id);
    const sectionKey = before.rows[1].key;
    const lastChild = before.rows[3].key;
    const local = before.columns[2].key;
    const answer = await change(id, 1, [
      { op: 'ADD_ROW', key: 'I.3', label: 'Tiểu dự án 3', publishedNumber: '3', parentKey: sectionKey },
      { op: 'ADD_COLUMN', key: 'community', label: 'Huy động cộng đồng', type: 'MONEY', afterKey: local },
      { op: 'RENAME_ROW', key: lastChild, label: 'Tiểu dự án 2 (điều chỉnh)' },
      { op: 'RENAME_COLUMN', key: local, label: 'Ngân sách thành phố' },
    ], 'Bổ sung tiểu dự án 3');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.changeTableStructure).toMatchObject({
      version: 2,
      changes: [
        { op: 'ADD_ROW', key: 'I.3', label: 'Tiểu dự án 3', previousLabel: null, removedValues: [] },
        { op: 'ADD_COLUMN', key: 'community', label: 'Huy động cộng đồng', previousLabel: null, removedValues: [] },
        { op: 'RENAME_ROW', key: lastChild, label: 'Tiểu dự án 2 (điều chỉnh)', previousLabel: 'Tiểu dự án 2' },
        { op: 'RENAME_COLUMN', key: local, label: 'Ngân sách thành phố', previousLabel: before.columns[2].label },
      ],
    });

    const after = await gridOf(id);
    expect(after.version).toBe(2);
    expect(after.columns.map((column: any) => [column.key, column.label, column.type])).toEqual([
      ...before.columns.slice(0, 2).map((column: any) => [column.key, column.label, column.type]),
      [local, 'Ngân sách thành phố', 'MONEY'],
      ['community', 'Huy động cộng đồng', 'MONEY'],
    ]);
    expect(after.rows.map((row: any) => [row.key, row.label, row.level, row.parentKey, row.values])).toEqual([
      [before.rows[0].key, 'Tổng cộng', 0, null, ['300', '200', '100', null]],
      [sectionKey, 'Dự án 1', 0, null, ['300', '200', '100', null]],
      [before.rows[2].key, 'Tiểu dự án 1', 1, sectionKey, ['120', '80', '40', null]],
      [lastChild, 'Tiểu dự án 2 (điều chỉnh)', 1, sectionKey, ['180', '120', '60', null]],
      ['I.3', 'Tiểu dự án 3', 1, sectionKey, [null, null, null, null]],
    ]);
    expect(after.rows[4]).toMatchObject({ publishedNumber: '3', kind: before.rows[3].kind });

    // The new cells take pushes like any other.
    const push = await query(`mutation ($input: PushTableInput!) { pushTable(input: $input) { status version } }`, {
      input: { tableId: id, baseVersion: 2, idempotencyKey: `structure-test-${id}`, changes: [{ rowKey: 'I.3', columnKey: 'community', value: '5' }] },
    });
    expect(push.data!.pushTable).toEqual({ status: 'APPLIED', version: 3 });

    const history = await app.query(`query ($id: ID!) { tableHistory(tableId: $id) { versionBefore versionAfter author comment structureChanges { op key } changes { rowKey } } }`, { id });
    expect(history.data!.tableHistory).toEqual([
      { versionBefore: 2, versionAfter: 3, author: 'cantho.editor', comment: null, structureChanges: [], changes: [{ rowKey: 'I.3' }] },
      {
        versionBefore: 1,
        versionAfter: 2,
        author: 'cantho.editor',
        comment: 'Bổ sung tiểu dự án 3',
        structureChanges: [{ op: 'ADD_ROW', key: 'I.3' }, { op: 'ADD_COLUMN', key: 'community' }, { op: 'RENAME_ROW', key: lastChild }, { op: 'RENAME_COLUMN', key: local }],
        changes: [],
      },
    ]);
  });

  it('refuses bad changes as a whole, naming the table and each row or column, and writes nothing', async () => {
    const id = await importedTable();
    const before = await gridOf(id);
    const answer = await change(id, 1, [
      { op: 'ADD_ROW', key: 'X', label: 'Dòng mới' },
      { op: 'ADD_ROW', key: before.rows[1].key, label: 'Trùng khóa' },
      { op: 'RENAME_ROW', key: 'nowhere', label: 'Không có' },
      { op: 'ADD_COLUMN', key: 'extra', label: 'Cột thêm' },
      { op: 'RENAME_COLUMN', key: before.columns[0].key, label: '  ' },
      { op: 'ADD_ROW', key: 'Y', label: 'Con', parentKey: 'missing' },
    ]);
    expect(answer.errors![0].extensions!.code).toBe('BAD_STRUCTURE_CHANGE');
    const { messageVi, messageEn } = answer.errors![0].extensions!;
    expect(messageEn).toContain(`Table "Bảng cấu trúc ${tables}" (132/KH-UBND): change 2, row "${before.rows[1].key}": the key already exists`);
    expect(messageEn).toContain('change 3, row "nowhere": there is no such row');
    expect(messageEn).toContain('change 4, column "extra": the column type is required');
    expect(messageEn).toContain(`change 5, column "${before.columns[0].key}": the label must have 1 to 1000 characters`);
    expect(messageEn).toContain('change 6, row "Y": there is no parent row "missing"');
    expect(messageEn).not.toContain('change 1,');
    expect(messageVi).toContain('thay đổi 3, dòng "nowhere": không có dòng này');
    expect(await gridOf(id)).toEqual(before);

    const stale = await change(id, 2, [{ op: 'ADD_ROW', key: 'X', label: 'Dòng mới' }]);
    expect(stale.errors![0].extensions!.code).toBe('STALE_VERSION');
    const viewer = await app.as('cantho.viewer');
    const forbidden = await viewer(CHANGE, { input: { tableId: id, baseVersion: 1, changes: [{ op: 'ADD_ROW', key: 'X', label: 'Dòng mới' }] } });
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await gridOf(id)).toEqual(before);
  });

  it('is refused once the table is submitted, as pushes are', async () => {
    const id = await importedTable();
    const submitted = await query(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id });
    expect(submitted.errors).toBeUndefined();
    const answer = await change(id, 1, [{ op: 'RENAME_ROW', key: (await gridOf(id)).rows[1].key, label: 'Đổi tên' }]);
    expect(answer.errors![0].extensions!.code).toBe('TABLE_LOCKED');
    expect(answer.errors![0].extensions!.messageEn).toContain('is submitted');
    expect((await gridOf(id)).rows[1].label).toBe('Dự án 1');
  });

  it('removes and moves rows and columns, keeping the keys of what moves and the values of what goes in the history', async () => {
    const id = await importedTable();
    const before = await gridOf(id);
    const [total, section, first, second] = before.rows.map((row: any) => row.key);
    const [totalColumn, central, local] = before.columns.map((column: any) => column.key);
    expect((await change(id, 1, [{ op: 'ADD_COLUMN', key: 'extra', label: 'Cột phụ', type: 'MONEY' }])).errors).toBeUndefined();
    const push = await query(`mutation ($input: PushTableInput!) { pushTable(input: $input) { status version } }`, {
      input: { tableId: id, baseVersion: 2, idempotencyKey: `structure-remove-${id}`, changes: [{ rowKey: first, columnKey: 'extra', value: '7' }] },
    });
    expect(push.data!.pushTable).toEqual({ status: 'APPLIED', version: 3 });

    const answer = await change(id, 3, [
      { op: 'REMOVE_COLUMN', key: 'extra' },
      { op: 'REMOVE_ROW', key: second },
      { op: 'MOVE_ROW', key: first, afterKey: section },
      { op: 'MOVE_COLUMN', key: local, afterKey: totalColumn },
    ], 'Tách tiểu dự án 1, bỏ tiểu dự án 2');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.changeTableStructure.changes).toEqual([
      { op: 'REMOVE_COLUMN', key: 'extra', label: 'Cột phụ', previousLabel: null, removedValues: [{ key: first, value: '7' }] },
      { op: 'REMOVE_ROW', key: second, label: 'Tiểu dự án 2', previousLabel: null, removedValues: [{ key: totalColumn, value: '180' }, { key: central, value: '120' }, { key: local, value: '60' }] },
      { op: 'MOVE_ROW', key: first, label: 'Tiểu dự án 1', previousLabel: null, removedValues: [] },
      { op: 'MOVE_COLUMN', key: local, label: before.columns[2].label, previousLabel: null, removedValues: [] },
    ]);
    const after = await gridOf(id);
    expect(after.version).toBe(4);
    expect(after.columns.map((column: any) => column.key)).toEqual([totalColumn, local, central]);
    expect(after.rows.map((row: any) => [row.key, row.level, row.parentKey, row.kind, row.values])).toEqual([
      [total, 0, null, before.rows[0].kind, ['300', '100', '200']],
      [section, 0, null, before.rows[1].kind, ['300', '100', '200']],
      [first, 0, null, 'ITEM', ['120', '40', '80']],
    ]);

    // The push into the removed column is still in the history, named; a past version shows today's rows and columns.
    const history = await app.query(`query ($id: ID!) { tableHistory(tableId: $id) { versionAfter comment structureChanges { op key removedValues { key value } } changes { rowKey columnKey oldValue newValue } } }`, { id });
    expect(history.data!.tableHistory[0]).toMatchObject({ versionAfter: 4, comment: 'Tách tiểu dự án 1, bỏ tiểu dự án 2', changes: [] });
    expect(history.data!.tableHistory[1]).toEqual({ versionAfter: 3, comment: null, structureChanges: [], changes: [{ rowKey: first, columnKey: 'extra', oldValue: null, newValue: '7' }] });
    const past = await app.query(`query ($id: ID!) { tableGrid(tableId: $id, version: 2) { version rows { key values } } }`, { id });
    expect(past.errors).toBeUndefined();
    expect(past.data!.tableGrid.rows.map((row: any) => row.values)).toEqual(after.rows.map((row: any) => row.values));

    // A row can be added again under the same key; it starts empty.
    const again = await change(id, 4, [{ op: 'ADD_ROW', key: second, label: 'Tiểu dự án 2 (mới)', parentKey: section }]);
    expect(again.errors).toBeUndefined();
    expect((await gridOf(id)).rows.find((row: any) => row.key === second)).toMatchObject({ parentKey: section, values: [null, null, null] });
  });

  it('refuses to remove a parent or a column a rule needs, and to move a row under itself, writing nothing', async () => {
    const id = await importedTable();
    const before = await gridOf(id);
    const [, section, first] = before.rows.map((row: any) => row.key);
    const local = before.columns[2].key;
    const answer = await change(id, 1, [
      { op: 'REMOVE_ROW', key: section },
      { op: 'MOVE_ROW', key: section, parentKey: first },
      { op: 'MOVE_ROW', key: first, parentKey: section, afterKey: 'nowhere' },
      { op: 'REMOVE_COLUMN', key: 'nowhere' },
    ]);
    expect(answer.errors![0].extensions!.code).toBe('BAD_STRUCTURE_CHANGE');
    const { messageVi, messageEn } = answer.errors![0].extensions!;
    expect(messageEn).toContain(`change 1, row "${section}": it still has the child row "${first}"; remove or move its children first`);
    expect(messageVi).toContain(`thay đổi 1, dòng "${section}": còn dòng con "${first}"`);
    expect(messageEn).toContain(`change 2, row "${section}": it cannot go under itself or one of its own rows`);
    expect(messageEn).toContain(`change 3, row "${first}": "nowhere" is not its parent or a row beside it`);
    expect(messageEn).toContain('change 4, column "nowhere": there is no such column');

    const ruled = await change(id, 1, [{ op: 'REMOVE_COLUMN', key: local }]);
    expect(ruled.errors![0].extensions!.code).toBe('BAD_STRUCTURE_CHANGE');
    expect(ruled.errors![0].extensions!.messageEn).toMatch(new RegExp(`after the change, Rule "[^"]+".*"${local}".*remove or change the rule first`));
    expect(await gridOf(id)).toEqual(before);
  });

  it('lets exactly one of two changes racing on the same version through', async () => {
    const id = await importedTable();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => change(id, 1, [{ op: 'ADD_ROW', key: `race-${index}`, label: `Dòng ${index}` }])),
    );
    const won = answers.filter((answer) => answer.errors === undefined);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0].extensions?.code === 'STALE_VERSION')).toHaveLength(5);
    const after = await gridOf(id);
    expect(after.version).toBe(2);
    expect(after.rows.filter((row: any) => row.key.startsWith('race-'))).toHaveLength(1);
  });
});
