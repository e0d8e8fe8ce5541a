import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, tokenFor, type TestApp } from '../support/graphql';
import { importTestTable } from '../support/tables';

/** The pull/validate/push contract the Excel add-in speaks, through the real HTTP endpoint. */
const GRID = `query ($id: ID!, $version: Int) {
  tableGrid(tableId: $id, version: $version) {
    tableId title documentNumber unitOfMeasure version latestVersion contentHash editable notEditableReasonEn
    columns { key label type scale editable }
    rows { key publishedNumber label level parentKey kind editable computed values }
    rules
  }
}`;
const PUSH = `mutation ($input: PushTableInput!) {
  pushTable(input: $input) {
    status version contentHash changeSetId appliedCells replayed messageVi messageEn tableTitle
    findings { ruleId ruleKind severity messageVi messageEn expected found difference preExisting
               cells { rowKey columnKey rowNumber rowLabel columnLabel value derived } suggestion { rowKey columnKey value } }
    conflicts { rowKey columnKey rowLabel columnLabel base theirs mine }
  }
}`;

let db: TestDatabase;
let app: TestApp;
let seeded: string;
let counter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  const found = await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") { id } }`);
  seeded = found.data!.findTable.id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

async function grid(tableId: string, version?: number): Promise<any> {
  const response = await app.query(GRID, { id: tableId, version });
  expect(response.errors).toBeUndefined();
  return response.data!.tableGrid;
}

function cell(table: any, rowKey: string, columnKey: string): string | null {
  const column = table.columns.findIndex((candidate: any) => candidate.key === columnKey);
  return table.rows.find((row: any) => row.key === rowKey).values[column];
}

type Change = { rowKey: string; columnKey: string; value?: string | null; text?: string };

async function push(tableId: string, baseVersion: number, changes: Change[], extra: Record<string, unknown> = {}, headers?: Record<string, string>) {
  counter += 1;
  return app.query(PUSH, { input: { tableId, baseVersion, idempotencyKey: `key-${counter}-${Date.now()}`, changes, ...extra } }, headers);
}

describe('pull', () => {
  it('returns the table as a grid with exact values, empties null, a version and a content hash', async () => {
    const table = await grid(seeded);
    expect(table).toMatchObject({ title: 'Phụ lục 2', documentNumber: '132/KH-UBND', unitOfMeasure: 'triệu đồng', version: 1, latestVersion: 1, editable: true });
    expect(table.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(table.columns.map((column: any) => column.key)).toEqual(['total', 'central-budget', 'local-budget', 'preferential-loans', 'community']);
    expect(table.columns.every((column: any) => column.type === 'MONEY' && column.scale === 3 && column.editable)).toBe(true);
    expect(table.rows).toHaveLength(29);
    expect(cell(table, 'TOTAL', 'total')).toBe('5600826');
    expect(cell(table, 'I.2', 'central-budget')).toBeNull();
    expect(table.rows.find((row: any) => row.key === 'III.2.1')).toMatchObject({ parentKey: 'III.2', level: 2, kind: 'CHILD', editable: true, computed: false });
    expect(table.rows.find((row: any) => row.kind === 'LABEL').editable).toBe(false);
    expect((await grid(seeded)).contentHash).toBe(table.contentHash);
    // The template's rules come bound to this table's columns, ready for the shared rule engine.
    expect(table.rules.find((rule: any) => rule.id === 'row-total')).toMatchObject({
      kind: 'ROW_SUM',
      totalColumn: 'total',
      partColumns: ['central-budget', 'local-budget', 'preferential-loans', 'community'],
    });
  });

  it('answers NOT_FOUND for a table that does not exist', async () => {
    const response = await app.query(GRID, { id: '987654' });
    expect(response.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('validateTable', () => {
  it('finds nothing wrong in the published Cần Thơ appendix: empty parent cells are not errors', async () => {
    const response = await app.query(`query ($id: ID!) { validateTable(tableId: $id) { ruleId messageEn } }`, { id: seeded });
    expect(response.errors).toBeUndefined();
    expect(response.data!.validateTable).toEqual([]);
  });

  it('reports a real inconsistency cell by cell with expected, found, difference and a suggestion', async () => {
    const tableId = String(
      await importTestTable(db, ['STT,Nội dung,Tổng số,Ngân sách Trung ương,Ngân sách địa phương', '1,Dự án A,100,60,', '2,Dự án B,50,20,25', ',TỔNG CỘNG,151,80,25'].join('\n'), {
        title: 'Validate sample',
        rules: [
          { id: 'row-total', kind: 'ROW_SUM', severity: 'ERROR', totalColumn: 'TOTAL', partColumns: 'FUNDING_SOURCES', missing: 'ROLLUP' },
          { id: 'grand-total', kind: 'GRAND_TOTAL', severity: 'ERROR' },
        ],
      }),
    );
    const response = await app.query(
      `query ($id: ID!) { validateTable(tableId: $id) { ruleId severity expected found difference messageVi messageEn cells { rowKey columnKey rowNumber columnLabel value } suggestion { rowKey columnKey value } } }`,
      { id: tableId },
    );
    const findings = response.data!.validateTable;
    const rowB = findings.find((finding: any) => finding.ruleId === 'row-total' && finding.cells[0].rowKey === '2');
    expect(rowB).toMatchObject({ severity: 'ERROR', expected: '45', found: '50', difference: '5' });
    expect(rowB.cells[0]).toMatchObject({ rowNumber: '2', columnLabel: 'Tổng số', value: '50' });
    expect(rowB.messageVi).toContain('Tổng số');
    const rowA = findings.find((finding: any) => finding.ruleId === 'row-total' && finding.cells[0].rowKey === '1');
    expect(rowA.suggestion).toEqual({ rowKey: '1', columnKey: 'local-budget', value: '40' });
    const grand = findings.find((finding: any) => finding.ruleId === 'grand-total' && finding.cells[0].columnKey === 'total');
    expect(grand).toMatchObject({ expected: '150', found: '151', difference: '1' });
  });
});

describe('push', () => {
  // Raising III.2.2 "Cải thiện dinh dưỡng" by 60 (million VND) from the city budget, with every total that contains it.
  const consistentRaise: Change[] = [
    { rowKey: 'III.2.2', columnKey: 'total', text: '400' },
    { rowKey: 'III.2.2', columnKey: 'local-budget', value: '400' },
    { rowKey: 'III.2', columnKey: 'total', text: '10.400' },
    { rowKey: 'III.2', columnKey: 'local-budget', value: '8400' },
    { rowKey: 'III', columnKey: 'total', text: '117.890' },
    { rowKey: 'III', columnKey: 'local-budget', text: '52.030' },
    { rowKey: 'TOTAL', columnKey: 'total', text: ' 5.600.886 ' },
    { rowKey: 'TOTAL', columnKey: 'local-budget', value: '102873' },
  ];

  it('refuses a change that breaks the sums, names every broken cell, and writes nothing', async () => {
    const before = await grid(seeded);
    const response = await push(seeded, before.version, [{ rowKey: 'III.2.2', columnKey: 'local-budget', text: '400' }]);
    const result = response.data!.pushTable;
    expect(result.status).toBe('REJECTED');
    expect(result.messageEn).toContain('Table "Phụ lục 2" (132/KH-UBND)');
    expect(result.messageEn).toContain('nothing was written');
    const broken = result.findings.filter((finding: any) => finding.severity === 'ERROR').map((finding: any) => `${finding.ruleId} ${finding.cells[0].rowKey}/${finding.cells[0].columnKey}`);
    expect(broken).toEqual(expect.arrayContaining(['row-total III.2.2/total', 'parent-sum III.2/local-budget']));
    const parent = result.findings.find((finding: any) => finding.ruleId === 'parent-sum');
    expect(parent).toMatchObject({ expected: '8400', found: '8340', difference: '-60' });
    const after = await grid(seeded);
    expect(after.version).toBe(before.version);
    expect(after.contentHash).toBe(before.contentHash);
  });

  it('commits a consistent change in one version, with a new content hash', async () => {
    const before = await grid(seeded);
    const response = await push(seeded, before.version, consistentRaise, { comment: 'Bổ sung dinh dưỡng' }, { authorization: `Bearer ${await tokenFor(db.orm, 'cantho.editor')}` });
    expect(response.errors).toBeUndefined();
    const result = response.data!.pushTable;
    expect(result).toMatchObject({ status: 'APPLIED', version: before.version + 1, appliedCells: 8, replayed: false, findings: [] });
    const after = await grid(seeded);
    expect(after.version).toBe(before.version + 1);
    expect(after.contentHash).toBe(result.contentHash);
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(cell(after, 'TOTAL', 'total')).toBe('5600886');
    expect(cell(after, 'III.2.2', 'local-budget')).toBe('400');
    expect(cell(after, 'III.2.2', 'central-budget')).toBeNull();
  });

  it('keeps history: change sets, one cell\'s history, and any past version readable', async () => {
    const history = await app.query(
      `query ($id: ID!) { tableHistory(tableId: $id) { versionBefore versionAfter author comment createdAt contentHash changes { rowKey columnKey oldValue newValue } } }`,
      { id: seeded },
    );
    const [latest] = history.data!.tableHistory;
    expect(latest).toMatchObject({ versionBefore: 1, versionAfter: 2, author: 'cantho.editor', comment: 'Bổ sung dinh dưỡng' });
    expect(new Date(latest.createdAt).getTime()).toBeGreaterThan(Date.now() - 600000);
    expect(latest.changes).toContainEqual({ rowKey: 'TOTAL', columnKey: 'total', oldValue: '5600826', newValue: '5600886' });
    expect(latest.changes).toHaveLength(8);

    const cellHistory = await app.query(`query ($id: ID!) { cellHistory(tableId: $id, rowKey: "III.2.2", columnKey: "total") { versionAfter oldValue newValue author } }`, { id: seeded });
    expect(cellHistory.data!.cellHistory).toEqual([{ versionAfter: 2, oldValue: '340', newValue: '400', author: 'cantho.editor' }]);

    const original = await grid(seeded, 1);
    expect(original).toMatchObject({ version: 1, latestVersion: 2, editable: false });
    expect(original.notEditableReasonEn).toContain('past version');
    expect(cell(original, 'TOTAL', 'total')).toBe('5600826');
    const versionOne = await app.query(`query ($id: ID!) { validateTable(tableId: $id, version: 1) { ruleId } }`, { id: seeded });
    expect(versionOne.data!.validateTable).toEqual([]);
    const missing = await app.query(GRID, { id: seeded, version: 99 });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'version' });
  });
});

describe('bad input: findings or a clear error naming the cell, and the table unchanged', () => {
  const cases: [string, Change, string][] = [
    ['text in a number cell', { rowKey: 'III.5', columnKey: 'local-budget', text: 'tám' }, 'INVALID_CHARACTER'],
    ['1,234.5 as text', { rowKey: 'III.5', columnKey: 'local-budget', text: '1,234.5' }, 'MIXED_SEPARATORS'],
    ['1.5 as text (not Vietnamese)', { rowKey: 'III.5', columnKey: 'local-budget', text: '1.5' }, 'BAD_GROUPING'],
    ['1,5 as value (not canonical)', { rowKey: 'III.5', columnKey: 'local-budget', value: '1,5' }, 'NOT_CANONICAL'],
    ['12.34.5', { rowKey: 'III.5', columnKey: 'local-budget', text: '12.34.5' }, 'BAD_GROUPING'],
    ['--5', { rowKey: 'III.5', columnKey: 'local-budget', text: '--5' }, 'REPEATED_SIGN'],
    ['a formula', { rowKey: 'III.5', columnKey: 'local-budget', text: '=SUM(A1)' }, 'FORMULA'],
    ['beyond numeric range', { rowKey: 'III.5', columnKey: 'local-budget', value: '1' + '0'.repeat(20) }, 'OUT_OF_RANGE'],
    ['too many decimals for the column', { rowKey: 'III.5', columnKey: 'local-budget', value: '800.1234' }, 'TOO_MANY_DECIMALS'],
    ['a read-only cell', { rowKey: 'III.2.~1', columnKey: 'total', value: '1' }, 'NOT_EDITABLE'],
    ['an unknown row', { rowKey: 'NO-SUCH-ROW', columnKey: 'total', value: '1' }, 'UNKNOWN_ROW'],
    ['an unknown column', { rowKey: 'III.5', columnKey: 'no-such-column', value: '1' }, 'UNKNOWN_COLUMN'],
    ['neither value nor text', { rowKey: 'III.5', columnKey: 'total' }, 'VALUE_OR_TEXT'],
  ];

  it.each(cases)('%s', async (_name, change, code) => {
    const before = await grid(seeded);
    const result = (await push(seeded, before.version, [change])).data!.pushTable;
    expect(result.status).toBe('REJECTED');
    const finding = result.findings.find((candidate: any) => candidate.ruleKind === code);
    expect(finding).toBeDefined();
    expect(finding.cells[0]).toMatchObject({ rowKey: change.rowKey, columnKey: change.columnKey });
    expect(finding.messageVi.length).toBeGreaterThan(10);
    expect(finding.messageEn.length).toBeGreaterThan(10);
    const after = await grid(seeded);
    expect([after.version, after.contentHash]).toEqual([before.version, before.contentHash]);
  });

  it('negative money is a rule error on its cell', async () => {
    const before = await grid(seeded);
    const result = (await push(seeded, before.version, [{ rowKey: 'III.5', columnKey: 'central-budget', text: '-5' }])).data!.pushTable;
    expect(result.status).toBe('REJECTED');
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'non-negative', found: '-5', cells: [expect.objectContaining({ rowKey: 'III.5', columnKey: 'central-budget' })] }));
    expect((await grid(seeded)).contentHash).toBe(before.contentHash);
  });

  it('reports every problem of a push at once, not just the first', async () => {
    const before = await grid(seeded);
    const result = (
      await push(seeded, before.version, [
        { rowKey: 'III.5', columnKey: 'total', text: 'abc' },
        { rowKey: 'III.6', columnKey: 'total', text: '1,234.5' },
        { rowKey: 'NOPE', columnKey: 'total', value: '1' },
        { rowKey: 'III.4', columnKey: 'total', value: '5' },
        { rowKey: 'III.4', columnKey: 'total', value: '6' },
      ])
    ).data!.pushTable;
    expect(result.findings.map((finding: any) => finding.ruleKind).sort()).toEqual(['DUPLICATE_CHANGE', 'INVALID_CHARACTER', 'MIXED_SEPARATORS', 'UNKNOWN_ROW'].sort());
    expect((await grid(seeded)).contentHash).toBe(before.contentHash);
  });

  it('refuses an empty change list, an unknown table, a version from the future and a JSON number', async () => {
    const before = await grid(seeded);
    const empty = await push(seeded, before.version, []);
    expect(empty.errors![0].extensions!.code).toBe('NO_CHANGES');
    expect(empty.errors![0].message).toContain('Phụ lục 2');
    const unknown = await push('424242', 1, [{ rowKey: 'III.5', columnKey: 'total', value: '1' }]);
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    const future = await push(seeded, before.version + 5, [{ rowKey: 'III.5', columnKey: 'total', value: '1' }]);
    expect(future.errors![0].extensions!.code).toBe('BAD_BASE_VERSION');
    const number = await app.query(PUSH, { input: { tableId: seeded, baseVersion: before.version, idempotencyKey: 'json-number', changes: [{ rowKey: 'III.5', columnKey: 'total', value: 800 }] } });
    expect(number.errors![0].message).toContain('String cannot represent a non string value');
    expect((await grid(seeded)).contentHash).toBe(before.contentHash);
  });

  it('refuses a payload over the configured size limit with a clear message', async () => {
    const small = await startTestApp(db.orm, { settings: { maxBodyBytes: 4096 } });
    try {
      const changes = Array.from({ length: 200 }, (_, index) => ({ rowKey: 'III.5', columnKey: 'total', value: String(index) }));
      const response = await small.query(PUSH, { input: { tableId: seeded, baseVersion: 1, idempotencyKey: 'too-big', changes } });
      expect(response.status).toBe(413);
      expect(response.errors![0]).toMatchObject({ message: expect.stringContaining('Request body too large'), extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    } finally {
      await small.close();
    }
  });
});

describe('concurrent edits', () => {
  const FREE_TABLE = ['STT,Nội dung,Tổng số,Ngân sách Trung ương', '1,Một,1,1', '2,Hai,2,2', '3,Ba,3,3', '4,Bốn,4,4', '5,Năm,5,5', '6,Sáu,6,6', '7,Bảy,7,7', '8,Tám,8,8'].join('\n');

  it('merges cell by cell against the history, and reports both-sides changes as conflicts with base, theirs and mine', async () => {
    const tableId = String(await importTestTable(db, FREE_TABLE, { title: 'Merge sample' }));
    const alice = await push(tableId, 1, [{ rowKey: '1', columnKey: 'total', value: '10' }]);
    expect(alice.data!.pushTable).toMatchObject({ status: 'APPLIED', version: 2 });

    // Bob pulled version 1 too: his change to another cell merges.
    const bob = await push(tableId, 1, [{ rowKey: '2', columnKey: 'total', value: '20' }]);
    expect(bob.data!.pushTable).toMatchObject({ status: 'APPLIED', version: 3 });

    // Carol changed Alice's cell differently: conflict, and nothing of hers applies.
    const carol = await push(tableId, 1, [
      { rowKey: '1', columnKey: 'total', value: '11' },
      { rowKey: '3', columnKey: 'total', value: '30' },
    ]);
    expect(carol.data!.pushTable.status).toBe('CONFLICT');
    expect(carol.data!.pushTable.conflicts).toEqual([{ rowKey: '1', columnKey: 'total', rowLabel: 'Một', columnLabel: 'Tổng số', base: '1', theirs: '10', mine: '11' }]);
    const afterCarol = await grid(tableId);
    expect(afterCarol.version).toBe(3);
    expect(cell(afterCarol, '3', 'total')).toBe('3');

    // The same value on both sides is no conflict.
    const dave = await push(tableId, 1, [{ rowKey: '1', columnKey: 'total', value: '10' }, { rowKey: '3', columnKey: 'total', value: '30' }]);
    expect(dave.data!.pushTable).toMatchObject({ status: 'APPLIED', version: 4, appliedCells: 1 });
  });

  it('gives a conflict the value of the client\'s base version and the latest value, when others changed the cell twice', async () => {
    const tableId = String(await importTestTable(db, FREE_TABLE, { title: 'Twice-changed sample' }));
    expect((await push(tableId, 1, [{ rowKey: '4', columnKey: 'total', value: '40' }])).data!.pushTable.version).toBe(2);
    expect((await push(tableId, 2, [{ rowKey: '4', columnKey: 'total', value: '41' }])).data!.pushTable.version).toBe(3);

    const late = await push(tableId, 1, [{ rowKey: '4', columnKey: 'total', value: '49' }]);
    expect(late.data!.pushTable.conflicts).toEqual([{ rowKey: '4', columnKey: 'total', rowLabel: 'Bốn', columnLabel: 'Tổng số', base: '4', theirs: '41', mine: '49' }]);
    // From version 2 only the second change is someone else's.
    const later = await push(tableId, 2, [{ rowKey: '4', columnKey: 'total', value: '48' }]);
    expect(later.data!.pushTable.conflicts).toEqual([expect.objectContaining({ base: '40', theirs: '41', mine: '48' })]);
  });

  it('never applies two parallel pushes against the same version', async () => {
    const tableId = String(await importTestTable(db, FREE_TABLE, { title: 'Race sample' }));
    // Eight clients, same base version, same cell, different values: one wins, seven conflict.
    const sameCell = await Promise.all(Array.from({ length: 8 }, (_, index) => push(tableId, 1, [{ rowKey: '1', columnKey: 'total', value: String(100 + index) }])));
    sameCell.forEach((response) => expect(response.errors).toBeUndefined());
    const statuses = sameCell.map((response) => response.data!.pushTable.status).sort();
    expect(statuses).toEqual(['APPLIED', ...Array(7).fill('CONFLICT')]);
    expect((await grid(tableId)).version).toBe(2);

    // Eight clients, same base version, different cells: all apply, one version each, in some order.
    const otherCells = await Promise.all(Array.from({ length: 7 }, (_, index) => push(tableId, 2, [{ rowKey: String(index + 2), columnKey: 'total', value: String(200 + index) }])));
    expect(otherCells.map((response) => response.data!.pushTable.status)).toEqual(Array(7).fill('APPLIED'));
    expect(otherCells.map((response) => response.data!.pushTable.version).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const history = await app.query(`query ($id: ID!) { tableHistory(tableId: $id) { versionBefore } }`, { id: tableId });
    const befores = history.data!.tableHistory.map((changeSet: any) => changeSet.versionBefore);
    expect(new Set(befores).size).toBe(befores.length);
  });

  it('pulls a version together with the cells of that version while pushes commit', async () => {
    const tableId = String(await importTestTable(db, FREE_TABLE, { title: 'Pull during pushes' }));
    // Each push writes its own new version number into the cell, so a pull can tell whether the
    // version it reports is the one its cells come from.
    const pushes = (async () => {
      for (let version = 1; version < 26; version++) {
        const response = await push(tableId, version, [{ rowKey: '1', columnKey: 'total', value: String(version + 1) }]);
        expect(response.data!.pushTable).toMatchObject({ status: 'APPLIED', version: version + 1 });
      }
    })();
    const pulls: any[] = [];
    let pushing = true;
    void pushes.finally(() => (pushing = false));
    while (pushing) pulls.push(...(await Promise.all([grid(tableId), grid(tableId)])));
    await pushes;
    expect(pulls.length).toBeGreaterThan(4);
    for (const pulled of pulls.filter((table) => table.version > 1)) expect(cell(pulled, '1', 'total')).toBe(String(pulled.version));
  });
});

describe('idempotency', () => {
  it('returns the original answer to a replayed push and applies nothing twice', async () => {
    const tableId = String(await importTestTable(db, 'STT,Nội dung,Tổng số\n1,Một,1\n2,Hai,2', { title: 'Replay sample' }));
    const input = { tableId, baseVersion: 1, idempotencyKey: 'dropped-connection-1', changes: [{ rowKey: '1', columnKey: 'total', value: '5' }] };
    const [first, second] = await Promise.all([app.query(PUSH, { input }), app.query(PUSH, { input })]);
    const results = [first.data!.pushTable, second.data!.pushTable];
    expect(results.map((result) => result.replayed).sort()).toEqual([false, true]);
    expect(results[0].changeSetId).toBe(results[1].changeSetId);
    expect(results[0].version).toBe(2);
    expect(results[1].version).toBe(2);
    const third = (await app.query(PUSH, { input })).data!.pushTable;
    expect(third).toMatchObject({ replayed: true, version: 2, changeSetId: results[0].changeSetId });
    expect((await grid(tableId)).version).toBe(2);

    const reused = await app.query(PUSH, { input: { ...input, changes: [{ rowKey: '1', columnKey: 'total', value: '6' }] } });
    expect(reused.errors![0].extensions!.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(cell(await grid(tableId), '1', 'total')).toBe('5');
  });
});

describe('errors already in a stored table', () => {
  it('do not block a push that does not cause them, and are reported as pre-existing', async () => {
    const tableId = String(
      await importTestTable(db, 'STT,Nội dung,Tổng số,Ngân sách Trung ương\n1,Sai,10,9\n2,Đúng,5,5', {
        title: 'Published mistake',
        rules: [{ id: 'row-total', kind: 'ROW_SUM', severity: 'ERROR', totalColumn: 'TOTAL', partColumns: 'FUNDING_SOURCES' }],
      }),
    );
    const ok = (await push(tableId, 1, [{ rowKey: '2', columnKey: 'total', value: '6' }, { rowKey: '2', columnKey: 'central-budget', value: '6' }])).data!.pushTable;
    expect(ok.status).toBe('APPLIED');
    expect(ok.findings).toEqual([expect.objectContaining({ ruleId: 'row-total', preExisting: true, cells: expect.arrayContaining([expect.objectContaining({ rowKey: '1' })]) })]);
    const worse = (await push(tableId, 2, [{ rowKey: '1', columnKey: 'central-budget', value: '8' }])).data!.pushTable;
    expect(worse.status).toBe('REJECTED');
  });
});
