/**
 * importTable with replaceTableId (and POST /plans/:planId/tables?replace=): a new version of the same sheet over a
 * draft table, through the real HTTP endpoint. The dry run shows the structural diff and the values that change
 * and writes nothing; applied, it is one structure change and one push, in the history; refused for a submitted
 * table, a stale version, another title or a bad grid, writing nothing; racing re-imports give one winner.
 */
import type { TestDatabase } from '../support/database';
import { tokenFor, useTestApp, type TestApp } from '../support/graphql';

let db: TestDatabase;
let app: TestApp;
let query: Awaited<ReturnType<TestApp['as']>>;
let planId: string;
let tables = 0;

useTestApp((made) => {
  ({ db, app } = made);
});
beforeAll(async () => {
  query = await app.as('cantho.editor');
  planId = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { plan { id } } }`)).data!.findTable.plan.id;
});

const IMPORT = `mutation ($input: ImportTableInput!) {
  importTable(input: $input) {
    dryRun tableId
    replacement { tableId baseVersion version structureChanges { op key label previousLabel removedValues { key value } } valueChanges { rowKey columnKey oldValue newValue } }
  }
}`;
const GRID = `query ($id: ID!) { tableGrid(tableId: $id) { version contentHash columns { key label } rows { key publishedNumber label level parentKey values } } }`;

const VERSION_1 = [
  ['STT', 'Nội dung', 'Tổng số', 'Ngân sách Trung ương', 'Ngân sách địa phương', 'Vốn khác'],
  ['', 'Tổng cộng', '300', '200', '100', ''],
  ['I', 'Dự án 1', '300', '200', '100', ''],
  ['1', 'Tiểu dự án 1', '120', '80', '40', ''],
  ['2', 'Tiểu dự án 2', '100', '70', '30', ''],
  ['3', 'Tiểu dự án 3', '80', '50', '30', ''],
];
/** Sub-project 2 dropped, 3 reworded and put first, a new 4, "Vốn khác" gone, a community column, new figures. */
const VERSION_2 = [
  ['STT', 'Nội dung', 'Tổng số', 'Ngân sách Trung ương', 'Ngân sách địa phương', 'Huy động cộng đồng'],
  ['', 'Tổng cộng', '330', '220', '100', '10'],
  ['I', 'Dự án 1', '330', '220', '100', '10'],
  ['3', 'Tiểu dự án 3 (điều chỉnh)', '80', '50', '30', ''],
  ['1', 'Tiểu dự án 1', '120', '80', '40', ''],
  ['4', 'Tiểu dự án 4', '130', '90', '30', '10'],
];

async function importedTable(): Promise<{ id: string; title: string }> {
  const title = `Bảng nhập lại ${++tables}`;
  const created = await query(IMPORT, { input: { planId, title, unitOfMeasure: 'triệu đồng', grid: VERSION_1, dryRun: false } });
  expect(created.errors).toBeUndefined();
  return { id: created.data!.importTable.tableId, title };
}

const replace = (table: { id: string; title: string }, grid: string[][], dryRun: boolean, baseVersion: number | null = 1, title = table.title) =>
  query(IMPORT, { input: { planId, title, unitOfMeasure: 'triệu đồng', grid, dryRun, replaceTableId: table.id, baseVersion } });
const gridOf = async (id: string) => (await app.query(GRID, { id })).data!.tableGrid;

describe('importing a new version of the same sheet over a draft table', () => {
  it('shows the structural diff and the changed values in a dry run, writing nothing, then applies it as one structure change and one push', async () => {
    const table = await importedTable();
    const before = await gridOf(table.id);
    const [totalRow, section, first, second, third] = before.rows.map((row: any) => row.key);
    const [total, central, local, other] = before.columns.map((column: any) => column.key);

    const dry = await replace(table, VERSION_2, true);
    expect(dry.errors).toBeUndefined();
    const { replacement } = dry.data!.importTable;
    expect(dry.data!.importTable.tableId).toBeNull();
    expect(replacement).toMatchObject({ tableId: table.id, baseVersion: 1, version: 3 });
    const ops = replacement.structureChanges.map((change: any) => [change.op, change.key]);
    const added = replacement.structureChanges.filter((change: any) => change.op.startsWith('ADD_')).map((change: any) => change.label);
    expect(added.sort()).toEqual(['Huy động cộng đồng', 'Tiểu dự án 4']);
    expect(ops).toEqual(expect.arrayContaining([['REMOVE_COLUMN', other], ['REMOVE_ROW', second], ['MOVE_ROW', third], ['RENAME_ROW', third]]));
    expect(ops.filter(([op]: string[]) => op === 'MOVE_ROW' || op === 'MOVE_COLUMN')).toEqual([['MOVE_ROW', third]]);
    expect(replacement.structureChanges.find((change: any) => change.op === 'REMOVE_ROW')).toEqual({
      op: 'REMOVE_ROW', key: second, label: 'Tiểu dự án 2', previousLabel: null,
      removedValues: [{ key: total, value: '100' }, { key: central, value: '70' }, { key: local, value: '30' }],
    });
    expect(replacement.structureChanges.find((change: any) => change.op === 'RENAME_ROW')).toMatchObject({ label: 'Tiểu dự án 3 (điều chỉnh)', previousLabel: 'Tiểu dự án 3' });
    const community = replacement.structureChanges.find((change: any) => change.op === 'ADD_COLUMN').key;
    const fourth = replacement.structureChanges.find((change: any) => change.op === 'ADD_ROW').key;
    expect(replacement.valueChanges).toEqual(expect.arrayContaining([
      { rowKey: totalRow, columnKey: total, oldValue: '300', newValue: '330' },
      { rowKey: section, columnKey: community, oldValue: null, newValue: '10' },
      { rowKey: fourth, columnKey: central, oldValue: null, newValue: '90' },
    ]));
    expect(replacement.valueChanges.some((change: any) => change.rowKey === first)).toBe(false);
    expect(await gridOf(table.id)).toEqual(before);

    const applied = await replace(table, VERSION_2, false);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.importTable).toMatchObject({ dryRun: false, tableId: table.id, replacement: { version: 3, structureChanges: replacement.structureChanges, valueChanges: replacement.valueChanges } });
    const after = await gridOf(table.id);
    expect(after.version).toBe(3);
    expect(after.columns.map((column: any) => [column.key, column.label])).toEqual([
      [total, 'Tổng số'], [central, before.columns[1].label], [local, before.columns[2].label], [community, 'Huy động cộng đồng'],
    ]);
    expect(after.rows.map((row: any) => [row.key, row.publishedNumber, row.label, row.parentKey, row.values])).toEqual([
      [totalRow, null, 'Tổng cộng', null, ['330', '220', '100', '10']],
      [section, 'I', 'Dự án 1', null, ['330', '220', '100', '10']],
      [third, '3', 'Tiểu dự án 3 (điều chỉnh)', section, ['80', '50', '30', null]],
      [first, '1', 'Tiểu dự án 1', section, ['120', '80', '40', null]],
      [fourth, '4', 'Tiểu dự án 4', section, ['130', '90', '30', '10']],
    ]);

    const history = await app.query(`query ($id: ID!) { tableHistory(tableId: $id) { versionAfter author comment structureChanges { op } changes { rowKey columnKey newValue } } }`, { id: table.id });
    const [push, structure] = history.data!.tableHistory;
    expect(structure).toMatchObject({ versionAfter: 2, author: 'cantho.editor', changes: [] });
    expect(structure.structureChanges.map((change: any) => change.op)).toEqual(replacement.structureChanges.map((change: any) => change.op));
    expect(push).toMatchObject({ versionAfter: 3, author: 'cantho.editor', structureChanges: [] });
    expect(push.changes).toHaveLength(replacement.valueChanges.length);
    expect(push.comment).toContain('re-imported');

    // The table's rules are the new version's: the new column is checked (its total 10 = Σ 10), and a later push works.
    const findings = await app.query(`query ($id: ID!) { validateTable(tableId: $id) { ruleId } }`, { id: table.id });
    expect(findings.data!.validateTable).toEqual([]);
    const edit = await query(`mutation ($input: PushTableInput!) { pushTable(input: $input) { status version findings { ruleId preExisting } } }`, {
      input: { tableId: table.id, baseVersion: 3, idempotencyKey: `after-reimport-${table.id}`, changes: [{ rowKey: fourth, columnKey: community, value: '15' }] },
    });
    expect(edit.data!.pushTable.status).toBe('REJECTED');
    expect(edit.data!.pushTable.findings.length).toBeGreaterThan(0);
  });

  it('makes the new version the table as published: its own mistakes are marked preExisting', async () => {
    const table = await importedTable();
    const mistaken = VERSION_2.map((row) => [...row]);
    mistaken[5][2] = '131'; // Tiểu dự án 4: 131 ≠ 90 + 30 + 10
    expect((await replace(table, mistaken, false)).errors).toBeUndefined();
    const findings = (await app.query(`query ($id: ID!) { validateTable(tableId: $id) { ruleId expected found preExisting } }`, { id: table.id })).data!.validateTable;
    expect(findings).toContainEqual(expect.objectContaining({ expected: '130', found: '131', preExisting: true }));
    expect(findings.every((finding: any) => finding.preExisting)).toBe(true);
  });

  it('a re-import of the very same sheet changes nothing', async () => {
    const table = await importedTable();
    const dry = await replace(table, VERSION_1, true);
    expect(dry.data!.importTable.replacement).toMatchObject({ version: 1, structureChanges: [], valueChanges: [] });
  });

  it('is refused for a submitted table, a stale version, another title, a bad grid or no baseVersion, writing nothing', async () => {
    const table = await importedTable();
    const before = await gridOf(table.id);
    const stale = await replace(table, VERSION_2, false, 2);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'STALE_VERSION' });
    expect(stale.errors![0].extensions!.messageEn).toContain(`Table "${table.title}" (132/KH-UBND): it is at version 1 now (sent 2)`);
    const renamed = await replace(table, VERSION_2, true, 1, 'Tên khác');
    expect(renamed.errors![0].extensions!.problems.map((problem: any) => problem.code)).toEqual(['TITLE_DIFFERS']);
    expect(renamed.errors![0].extensions!.messageVi).toContain(`Nhập lại giữ tên bảng "${table.title}"`);
    const ambiguous = VERSION_2.map((row) => [...row]);
    ambiguous[4][3] = '1.5';
    const bad = await replace(table, ambiguous, false);
    expect(bad.errors![0].extensions!.code).toBe('IMPORT_REFUSED');
    expect(bad.errors![0].extensions!.problems.map((problem: any) => problem.cell)).toContain('D5');
    const noVersion = await replace(table, VERSION_2, false, null);
    expect(noVersion.errors![0].extensions!.problems.map((problem: any) => problem.code)).toEqual(['MISSING_BASE_VERSION']);
    const seeded = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id version } }`)).data!.findTable;
    const notImported = await replace({ id: seeded.id, title: 'Phụ lục 2' }, VERSION_2, true, seeded.version);
    expect(notImported.errors![0].extensions!.problems.map((problem: any) => problem.code)).toEqual(['NOT_IMPORTED']);
    expect(await gridOf(table.id)).toEqual(before);

    expect((await query(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: table.id })).errors).toBeUndefined();
    const locked = await replace(table, VERSION_2, true);
    expect(locked.errors![0].extensions!.code).toBe('TABLE_LOCKED');
    expect((await gridOf(table.id)).rows).toEqual(before.rows);
  });

  it('lets exactly one of re-imports and structure changes racing on one version through', async () => {
    const table = await importedTable();
    const rowKey = (await gridOf(table.id)).rows[3].key;
    const answers = await Promise.all([
      ...Array.from({ length: 3 }, () => replace(table, VERSION_2, false)),
      ...Array.from({ length: 3 }, (_, index) =>
        query(`mutation ($input: ChangeTableStructureInput!) { changeTableStructure(input: $input) { version } }`, {
          input: { tableId: table.id, baseVersion: 1, changes: [{ op: 'RENAME_ROW', key: rowKey, label: `Đổi tên ${index}` }] },
        })),
    ]);
    const won = answers.filter((answer) => answer.errors === undefined);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0].extensions?.code === 'STALE_VERSION')).toHaveLength(5);
    const version = (await gridOf(table.id)).version;
    expect(version).toBe(won[0].data!.importTable ? 3 : 2);
  });

  it('works through POST /plans/:planId/tables?replace= with a CSV file', async () => {
    const table = await importedTable();
    const token = await tokenFor(db.orm, 'cantho.editor');
    const csv = VERSION_2.map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n');
    const post = async (dryRun: boolean, baseVersion: number) => {
      const url = app.url.replace(/\/graphql$/, `/plans/${planId}/tables?title=${encodeURIComponent(table.title)}&unitOfMeasure=${encodeURIComponent('triệu đồng')}&replace=${table.id}&baseVersion=${baseVersion}&dryRun=${dryRun}`);
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
      return { status: response.status, json: (await response.json()) as any };
    };
    const dry = await post(true, 1);
    expect(dry.status).toBe(200);
    expect(dry.json.replacement).toMatchObject({ tableId: table.id, baseVersion: 1, version: 3 });
    expect((await gridOf(table.id)).version).toBe(1);
    const applied = await post(false, 1);
    expect(applied.status).toBe(201);
    expect((await gridOf(table.id)).rows.map((row: any) => row.label)).toEqual(['Tổng cộng', 'Dự án 1', 'Tiểu dự án 3 (điều chỉnh)', 'Tiểu dự án 1', 'Tiểu dự án 4']);
    const again = await post(false, 1);
    expect(again.status).toBe(409);
    expect(again.json.errors[0].extensions.code).toBe('STALE_VERSION');
  });
});
