/** importTable through the real HTTP endpoint: dry run, creation, then pull, validate, push and approve like the seed. */
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { seedAppendixGrid } from './seed-appendix';

const IMPORT = `mutation ($input: ImportTableInput!) {
  importTable(input: $input) {
    dryRun tableId title emptyMeans columnEmptyMeans { columnKey means }
    structure { headerRows dataRows footnoteRows footnotes unitOfMeasure notation shapes
      columns { position header type scale key publishedNumber isTotal places }
      rows { index line key stt label unit kind level parentKey }
      inexactCells { rowKey columnKey cell text kind } }
    rules { id kind rule checks holds fails failing { rowKey columnKey } kept }
    findings { ruleId severity expected found difference preExisting cells { rowKey columnKey } }
    warnings { code cell line messageVi messageEn }
  }
}`;
const GRID = `query ($id: ID!) { tableGrid(tableId: $id) { title version unitOfMeasure status columns { key label type scale } rows { key label kind level parentKey values } rules } }`;
const VALIDATE = `query ($id: ID!) { validateTable(tableId: $id) { ruleId expected found difference preExisting cells { rowKey columnKey } } }`;
const PUSH = `mutation ($input: PushTableInput!) { pushTable(input: $input) { status version messageEn findings { ruleId preExisting severity cells { rowKey columnKey } } } }`;

let db: TestDatabase;
let app: TestApp;
let planId: string;
let editor: Awaited<ReturnType<TestApp['as']>>;
let counter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  planId = (await app.query(`{ plans(documentNumber: "132/KH-UBND") { id } }`)).data!.plans[0].id;
  editor = await app.as('cantho.editor');
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

async function tableCount(): Promise<number> {
  const [row] = await db.orm.em.fork().getConnection().execute(`select (select count(*) from plan_table) + (select count(*) from table_row) + (select count(*) from table_cell) as n`);
  return Number(row.n);
}

function input(title: string, grid: (string | null)[][], extra: Record<string, unknown> = {}) {
  return { input: { planId, title, unitOfMeasure: 'triệu đồng', grid, dryRun: false, ...extra } };
}

async function push(tableId: string, baseVersion: number, changes: { rowKey: string; columnKey: string; value: string | null }[], as = editor) {
  counter += 1;
  const response = await as(PUSH, { input: { tableId, baseVersion, idempotencyKey: `import-${counter}`, changes } });
  expect(response.errors).toBeUndefined();
  return response.data!.pushTable;
}

describe('dry run', () => {
  it('answers what an empty cell means per column, obeys a column chosen by the person, and refuses an unknown column', async () => {
    const grid = [
      ['STT', 'Nội dung', 'Tổng số', 'Ngân sách Trung ương', 'Vốn vay'],
      ['I', 'Phần I', '', '', '90'], ['1', 'Dự án 1', '100', '60', '40'], ['2', 'Dự án 2', '100', '50', ''],
      ['', 'Tổng cộng', '200', '110', '90'],
    ];
    const inferred = (await editor(IMPORT, input('Theo cột', grid, { dryRun: true }))).data!.importTable;
    expect(inferred.columnEmptyMeans).toEqual([
      { columnKey: 'total', means: 'ROLLUP' }, { columnKey: 'central-budget', means: 'ROLLUP' }, { columnKey: 'von-vay', means: 'NOT_PUBLISHED' },
    ]);
    expect(inferred.findings).toEqual([]);
    const chosen = (await editor(IMPORT, input('Theo cột', grid, { dryRun: true, columnEmptyMeans: [{ columnKey: 'von-vay', means: 'NONE' }] }))).data!.importTable;
    expect(chosen.columnEmptyMeans.map((c: any) => c.means)).toEqual(['ROLLUP', 'ROLLUP', 'NONE']);
    expect(chosen.findings.map((f: any) => [f.ruleId, f.cells[0].rowKey, f.expected, f.found])).toEqual(
      expect.arrayContaining([['column-sum-total', 'I.2', '50', '100']]),
    );
    const unknown = await editor(IMPORT, input('Theo cột', grid, { dryRun: true, columnEmptyMeans: [{ columnKey: 'khong-co', means: 'NONE' }] }));
    expect(unknown.errors?.[0].extensions?.problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_COLUMN' })]);
  });

  it('takes the column types and the total row a person chose, proposes the rules under them, and refuses unknown ones', async () => {
    // "Cả tỉnh" is no total by its label; the poor households' column is read as money from the table's unit.
    const grid = [
      ['STT', 'Nội dung', 'Tổng số', 'Ngân sách Trung ương', 'Hộ nghèo được hỗ trợ'],
      ['', 'Cả tỉnh', '300', '180', '-5'], ['1', 'Huyện A', '100', '60', '12'], ['2', 'Huyện B', '200', '120', '30'],
    ];
    const found = (await editor(IMPORT, input('Chọn lại', grid, { dryRun: true }))).data!.importTable;
    expect(found.structure.rows.map((r: any) => r.kind)).not.toContain('GRAND_TOTAL');
    expect(found.structure.columns[4].type).toBe('money');
    const choices = { columnTypes: [{ columnKey: found.structure.columns[4].key, type: 'COUNT' }], totalRow: 0 };
    const chosen = (await editor(IMPORT, input('Chọn lại', grid, { dryRun: true, ...choices }))).data!.importTable;
    expect(chosen.structure.rows.map((r: any) => [r.key, r.kind])).toEqual([['TOTAL', 'GRAND_TOTAL'], ['1', 'ITEM'], ['2', 'ITEM']]);
    expect(chosen.structure.columns.map((c: any) => [c.type, c.scale])).toEqual([['stt', null], ['label', null], ['money', 'triệu'], ['money', 'triệu'], ['count', null]]);
    // The total row's sum is now proposed (and fails on the counts: -5 ≠ 42), the counts' sign checked apart.
    expect(chosen.rules.filter((r: any) => r.kind === 'GRAND_TOTAL').map((r: any) => [r.checks, r.fails])).not.toEqual([]);
    expect(found.rules.filter((r: any) => r.kind === 'GRAND_TOTAL')).toEqual([]);
    const created = (await editor(IMPORT, input('Chọn lại', grid, choices))).data!.importTable;
    const table = (await app.query(GRID, { id: created.tableId })).data!.tableGrid;
    expect(table.columns.map((c: any) => c.type)).toEqual(['MONEY', 'MONEY', 'COUNT']);
    expect(table.rows[0]).toMatchObject({ key: 'TOTAL', kind: 'GRAND_TOTAL' });

    const unknownColumn = await editor(IMPORT, input('Chọn lại 2', grid, { dryRun: true, columnTypes: [{ columnKey: 'khong-co', type: 'RATE' }] }));
    expect(unknownColumn.errors?.[0].extensions?.problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_COLUMN' })]);
    const before = await tableCount();
    const unknownRow = await editor(IMPORT, input('Chọn lại 2', grid, { totalRow: 3 }));
    expect(unknownRow.errors?.[0].extensions?.problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_ROW', messageEn: 'totalRow: the table has 3 data rows (0 to 2), not row 3' })]);
    expect(await tableCount()).toBe(before);
  });

  it('reads a table written with decimal points, and refuses it when told the notation is Vietnamese', async () => {
    // Bắc Giang's indicators (test/corpus): 2010's published rate is not 63379 / 412204 = 15,38 %.
    const grid = [['Chỉ tiêu', 'ĐV tính', '2010', '2011', '2014'], ['Tổng số hộ', 'hộ', '412204.00', '421820.00', '436960.00'],
      ['Số hộ nghèo', 'hộ', '63379.00', '51085.00', '32772.00'], ['Tỷ lệ hộ nghèo', '%', '15.40', '12.11', '7.50']];
    const answer = (await editor(IMPORT, input('Thập phân', grid, { dryRun: true, unitOfMeasure: null }))).data!.importTable;
    expect(answer.structure.notation).toBe('DECIMAL_POINT');
    expect(answer.findings.map((f: any) => [f.ruleId, f.cells[0].columnKey, f.found])).toEqual([[expect.stringMatching(/^ratio-/), '2010', '15.4']]);
    const refused = await editor(IMPORT, input('Thập phân', grid, { dryRun: true, notation: 'VIETNAMESE' }));
    expect(refused.errors?.[0].extensions?.code).toBe('IMPORT_REFUSED');
    expect(refused.errors?.[0].extensions?.problems.map((p: any) => p.cell)).toContain('C2');
  });

  it('answers the structure, the rules with where they hold, the findings and the "Dự án 2" warning, and writes nothing', async () => {
    const before = await tableCount();
    const response = await editor(IMPORT, input('Phụ lục 2 (bản nhập)', seedAppendixGrid(), { dryRun: true }));
    expect(response.errors).toBeUndefined();
    const answer = response.data!.importTable;
    expect(answer).toMatchObject({ dryRun: true, tableId: null, emptyMeans: 'ROLLUP', findings: [] });
    expect(answer.structure).toMatchObject({ headerRows: 2, dataRows: 29, footnoteRows: 0 });
    // The funding-source headers get the same keys as the seeded table's columns.
    expect(answer.structure.columns.map((c: any) => c.key)).toEqual([null, null, 'total', 'central-budget', 'local-budget', 'preferential-loans', 'community']);
    expect(answer.rules.map((r: any) => [r.id, r.kind, r.checks, r.holds, r.fails, r.kept])).toEqual([
      ['column-sum-total', 'ROW_SUM', 26, 26, 0, true],
      ['parent-sum', 'HIERARCHY_SUM', 21, 21, 0, true],
      ['total-sum', 'GRAND_TOTAL', 5, 5, 0, true],
      ['non-negative', 'NON_NEGATIVE', 62, 62, 0, true],
    ]);
    expect(answer.warnings.filter((w: any) => w.code === 'PARTIAL_PARENT').map((w: any) => w.line)).toEqual([17]);
    expect(await tableCount()).toBe(before);
  });
});

describe('import, then pull, validate, push, submit and approve like the seeded table', () => {
  let tableId: string;

  it('creates the table with its published mistake kept and marked as published', async () => {
    const grid = seedAppendixGrid();
    grid[18][6] = '1.999'; // a published mistake: 2.1's community funds no longer add up
    const response = await editor(IMPORT, input('Phụ lục 2 (có lỗi in)', grid));
    expect(response.errors).toBeUndefined();
    const answer = response.data!.importTable;
    expect(answer.dryRun).toBe(false);
    tableId = answer.tableId;
    expect(answer.findings.map((f: any) => [f.ruleId, f.cells[0].rowKey, f.expected, f.found, f.difference, f.preExisting])).toEqual([
      ['parent-sum', 'III', '61679', '61680', '1', true],
      ['column-sum-total', 'III.2', '10339', '10340', '1', true],
      ['column-sum-total', 'III.2.1', '9999', '10000', '1', true],
    ]);
  });

  it('pulls with the same rows, columns, values and rules as the seed', async () => {
    const seededId = (await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`)).data!.findTable.id;
    const [seeded, imported] = [(await app.query(GRID, { id: seededId })).data!.tableGrid, (await editor(GRID, { id: tableId })).data!.tableGrid];
    expect(imported).toMatchObject({ version: 1, status: 'DRAFT', unitOfMeasure: 'triệu đồng' });
    expect(imported.columns).toEqual(seeded.columns);
    const shape = (rows: any[]) => rows.map((row) => [row.key, row.label, row.kind, row.level, row.parentKey]);
    expect(shape(imported.rows)).toEqual(shape(seeded.rows));
    const values = (rows: any[]) => rows.map((row) => row.values);
    expect(values(imported.rows).filter((_, r) => imported.rows[r].key !== 'III.2.1')).toEqual(values(seeded.rows).filter((_, r) => seeded.rows[r].key !== 'III.2.1'));
    const kinds = (rules: any[]) => rules.map((rule) => [rule.kind, rule.totalColumn ?? null, rule.partColumns ?? null, rule.missing ?? null]);
    expect(kinds(imported.rules)).toEqual(kinds(seeded.rules));
  });

  it('validates: the published mistakes are findings marked preExisting', async () => {
    const findings = (await editor(VALIDATE, { id: tableId })).data!.validateTable;
    expect(findings.map((f: any) => [f.cells[0].rowKey, f.preExisting])).toEqual([['III', true], ['III.2', true], ['III.2.1', true]]);
  });

  it('pushes an edit that does not touch them; refuses one that makes a new error', async () => {
    // Dự án 5 gets 100 more of city budget, carried up to section III and the grand total.
    const applied = await push(tableId, 1, [
      ['III.5', 'total', '900'], ['III.5', 'local-budget', '900'], ['III', 'total', '117930'], ['III', 'local-budget', '52070'],
      ['TOTAL', 'total', '5600926'], ['TOTAL', 'local-budget', '102913'],
    ].map(([rowKey, columnKey, value]) => ({ rowKey, columnKey, value })));
    expect(applied.status).toBe('APPLIED');
    expect(applied.version).toBe(2);
    expect(applied.findings.some((f: any) => f.severity === 'ERROR' && !f.preExisting)).toBe(false);
    const rejected = await push(tableId, 2, [{ rowKey: 'III.4', columnKey: 'total', value: '84361' }]);
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.findings.filter((f: any) => !f.preExisting).map((f: any) => f.cells[0].rowKey)).toContain('III.4');
    // Still the published mistakes only, still marked as such after the accepted push.
    const findings = (await editor(VALIDATE, { id: tableId })).data!.validateTable;
    expect(findings.every((f: any) => f.preExisting)).toBe(true);
  });

  it('is submitted and approved, and then refuses pushes', async () => {
    expect((await editor(`mutation ($id: ID!) { submitTable(tableId: $id) { status } }`, { id: tableId })).data!.submitTable.status).toBe('SUBMITTED');
    const approver = await app.as('ministry.approver');
    const approved = await approver(`mutation ($id: ID!) { approveTable(tableId: $id) { status } }`, { id: tableId });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveTable.status).toBe('APPROVED');
    counter += 1;
    const locked = await editor(PUSH, { input: { tableId, baseVersion: 2, idempotencyKey: `import-${counter}`, changes: [{ rowKey: 'III.5', columnKey: 'total', value: '800' }] } });
    expect(locked.errors![0].extensions!.code).toBe('TABLE_LOCKED');
  });
});

describe('ranges and approximate figures', () => {
  it('are stored as published text, empty among the figures, and never checked as exact', async () => {
    const grid = [
      ['STT', 'Nội dung', 'Tổng số', 'Ngân sách Trung ương', 'Ngân sách địa phương'],
      ['1', 'Dự án A', 'khoảng 10.500', '5.000', '5.000'],
      ['2', 'Dự án B', '900', '400', '500'],
      ['3', 'Dự án C', '6,5 - 7,2', '3', '4'],
      ['', 'Tổng cộng', '11.000', '5.403', '5.504'],
    ];
    const answer = (await editor(IMPORT, input('Bảng có số ước lượng', grid))).data!.importTable;
    expect(answer.structure.inexactCells.map((c: any) => [c.rowKey, c.cell, c.text])).toEqual([['1', 'C2', 'khoảng 10.500'], ['3', 'C4', '6,5 - 7,2']]);
    expect(answer.findings).toEqual([]);
    const pulled = (await editor(GRID, { id: answer.tableId })).data!.tableGrid;
    expect(pulled.rows[0].values).toEqual([null, '5000', '5000']);
    expect((await editor(VALIDATE, { id: answer.tableId })).data!.validateTable).toEqual([]);
  });
});

describe('who may import, and what is refused', () => {
  const small = [['STT', 'Nội dung', 'Tổng số'], ['1', 'A', '5']];

  it('only an editor of the plan\'s issuing unit', async () => {
    expect((await (await app.as('cantho.viewer'))(IMPORT, input('X1', small))).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await (await app.as('caobang.editor'))(IMPORT, input('X1', small))).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await (await app.as(null))(IMPORT, input('X1', small))).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad grid or a duplicate title with every problem named, in Vietnamese and English, and writes nothing', async () => {
    const before = await tableCount();
    const bad = await editor(IMPORT, input('Phụ lục 2', [['STT', 'Nội dung', 'Tổng số'], ['1', 'A', '1.5']]));
    const error = bad.errors![0];
    expect(error.extensions!.code).toBe('IMPORT_REFUSED');
    expect(error.extensions!.problems.map((p: any) => [p.code, p.cell])).toEqual([['BAD_GROUPING', 'C2'], ['DUPLICATE_TITLE', null]]);
    expect(error.extensions!.messageVi).toContain('Ô C2');
    expect(error.extensions!.messageEn).toContain('The plan already has a table "Phụ lục 2"');
    const empty = await editor(IMPORT, input('Trống', [], { dryRun: true }));
    expect(empty.errors![0].extensions!.problems[0].code).toBe('EMPTY_GRID');
    expect(await tableCount()).toBe(before);
  });

  it('two imports of one new title at once: exactly one is created', async () => {
    const grid = [['STT', 'Nội dung', 'Tổng số'], ['1', 'A', '5'], ['2', 'B', '7']];
    const answers = await Promise.all([1, 2, 3].map(() => editor(IMPORT, input('Bảng tranh chấp', grid))));
    expect(answers.filter((answer) => answer.data?.importTable?.tableId).length).toBe(1);
    const refused = answers.filter((answer) => answer.errors);
    expect(refused.length).toBe(2);
    expect(refused.every((answer) => answer.errors![0].extensions!.problems[0].code === 'DUPLICATE_TITLE')).toBe(true);
  });
});
