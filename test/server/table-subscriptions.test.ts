/**
 * tableChanged over WebSocket (graphql-ws) through the real HTTP server: pushes reach subscribers with the
 * changed cells, across two server instances on one database (LISTEN/NOTIFY), and bad subscriptions are
 * refused without disturbing anyone else.
 */
import pg from 'pg';
import { openDatabase } from '../../server/db/database';
import { MAX_CONNECTIONS_PER_USER, MAX_SUBSCRIPTIONS_PER_CONNECTION } from '../../server/live/subscription-socket';
import type { TestDatabase } from '../support/database';
import { startTestApp, tokenFor, useTestApp, type TestApp } from '../support/graphql';
import { openSocket, untilSubscribers, watchTable, type SocketClient } from '../support/table-subscriptions';
import { importTestTable } from '../support/tables';
import { columnOf, readBook, rowOf, workbookClient, writeBook } from '../workbook/support';

const PUSH = `mutation ($input: PushTableInput!) { pushTable(input: $input) { status version messageEn } }`;
const STRUCTURE = `mutation ($input: ChangeTableStructureInput!) { changeTableStructure(input: $input) { version } }`;

let db: TestDatabase;
let app: TestApp;
let tableId: string;
const sockets: SocketClient[] = [];
let pushes = 0;

useTestApp((made) => ({ db, app } = made));

beforeAll(async () => {
  // Under Cần Thơ's plan, without rules: every well-formed push is applied.
  tableId = String(await importTestTable(db, 'STT,Nội dung,Tổng số,Ngân sách Trung ương\n1,Một,10,9\n2,Hai,5,5', { title: 'Live changes' }));
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
  // Closed sockets leave nothing behind on the server: no listener of the feed is kept.
  const deadline = Date.now() + 5000;
  while (app.app.tableChanges.subscriberCount > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(app.app.tableChanges.subscriberCount).toBe(0);
});

async function socketAs(login: string | null, on: TestApp = app): Promise<SocketClient> {
  const socket = openSocket(on.url, login ? `Bearer ${await tokenFor(db.orm, login)}` : null);
  sockets.push(socket);
  return socket;
}

async function version(): Promise<number> {
  return (await app.query(`query ($id: ID!) { tableGrid(tableId: $id) { version } }`, { id: tableId })).data!.tableGrid.version;
}

/** Cần Thơ's editor pushes through HTTP to the given instance; answers the push's result. */
async function push(changes: { rowKey: string; columnKey: string; value: string | null }[], on: TestApp = app) {
  const query = await on.as('cantho.editor');
  pushes += 1;
  const response = await query(PUSH, { input: { tableId, baseVersion: await version(), idempotencyKey: `live-${pushes}`, changes } });
  expect(response.errors).toBeUndefined();
  return response.data!.pushTable;
}

/** Two cells of the table set to `amount`. */
function change(amount: number) {
  return [
    { rowKey: '1', columnKey: 'total', value: String(amount) },
    { rowKey: '2', columnKey: 'total', value: String(amount) },
  ];
}

describe('a push reaches subscribers', () => {
  it('tells a reader of the table who changed which cells, the new version and when', async () => {
    const viewer = await socketAs('cantho.viewer');
    const watch = watchTable(viewer.client, tableId);
    await untilSubscribers(app.app.tableChanges, 1);
    const before = Date.now();
    const result = await push([
      { rowKey: '1', columnKey: 'total', value: '12.5' },
      { rowKey: '2', columnKey: 'central-budget', value: null },
    ]);
    expect(result.status).toBe('APPLIED');
    const { data, errors } = await watch.next();
    expect(errors).toBeUndefined();
    expect(data.tableChanged).toEqual({
      tableId,
      version: result.version,
      author: 'Sở LĐ-TB&XH Cần Thơ – nhập liệu',
      authorLogin: 'cantho.editor',
      changedAt: expect.any(String),
      changedCells: [
        { rowKey: '1', columnKey: 'total' },
        { rowKey: '2', columnKey: 'central-budget' },
      ],
      changedCellCount: 2,
      structureChanged: false,
    });
    expect(new Date(data.tableChanged.changedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    await watch.stop();
  });

  it('tells a subscriber that has seen an older version (sinceVersion) of the current one at once, then of new ones', async () => {
    const seen = await version();
    const missed = await push(change(3));
    const viewer = await socketAs('cantho.viewer');
    const watch = watchTable(viewer.client, tableId, seen);
    const first = await watch.next();
    expect(first.data.tableChanged).toMatchObject({ version: missed.version, changedCellCount: 2, authorLogin: 'cantho.editor' });
    await untilSubscribers(app.app.tableChanges, 1);
    const current = watchTable(viewer.client, tableId, missed.version);
    await untilSubscribers(app.app.tableChanges, 2);
    expect(await current.nothingWithin(300)).toBe(true);
    const next = await push(change(4));
    expect((await watch.next()).data.tableChanged.version).toBe(next.version);
    expect((await current.next()).data.tableChanged.version).toBe(next.version);
    await Promise.all([watch.stop(), current.stop()]);
  });

  it('tells of a workbook upload (POST /tables/ID.xlsx), and not of its dry run', async () => {
    const editor = await workbookClient(app, db, 'cantho.editor');
    const book = await readBook(await editor.download(tableId));
    const sheet = book.worksheets.find((candidate) => candidate.name !== 'PlanBridge')!;
    sheet.getCell(rowOf(sheet, '2'), columnOf(sheet, 'central-budget')).value = 42;
    const file = await writeBook(book);
    const viewer = await socketAs('cantho.viewer');
    const watch = watchTable(viewer.client, tableId);
    await untilSubscribers(app.app.tableChanges, 1);
    expect((await editor.upload(tableId, file, { query: '?dryRun=true' })).json).toMatchObject({ status: 'APPLIED', dryRun: true });
    expect(await watch.nothingWithin(300)).toBe(true);
    const uploaded = await editor.upload(tableId, file);
    expect(uploaded.json).toMatchObject({ status: 'APPLIED', appliedCells: 1 });
    expect((await watch.next()).data.tableChanged).toMatchObject({ version: uploaded.json.version, changedCells: [{ rowKey: '2', columnKey: 'central-budget' }] });
    await watch.stop();
  });

  it('tells of a structure change, and of nothing that was rolled back or refused', async () => {
    const viewer = await socketAs('cantho.viewer');
    const watch = watchTable(viewer.client, tableId);
    await untilSubscribers(app.app.tableChanges, 1);
    const editor = await app.as('cantho.editor');
    // A push with a malformed value is refused as a whole: no version, no notice.
    const refused = await editor(PUSH, { input: { tableId, baseVersion: await version(), idempotencyKey: `live-bad-${pushes}`, changes: [{ rowKey: '1', columnKey: 'total', value: 'abc' }] } });
    expect(refused.data!.pushTable.status).toBe('REJECTED');
    expect(await watch.nothingWithin(300)).toBe(true);
    const renamed = await editor(STRUCTURE, { input: { tableId, baseVersion: await version(), changes: [{ op: 'RENAME_COLUMN', key: 'total', label: 'Tổng cộng' }] } });
    expect(renamed.errors).toBeUndefined();
    const { data } = await watch.next();
    expect(data.tableChanged).toMatchObject({ version: renamed.data!.changeTableStructure.version, structureChanged: true, changedCells: [], changedCellCount: 0 });
    await watch.stop();
  });
});

describe('across server instances', () => {
  let second: TestApp;
  let secondOrm: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    // Another instance: its own pool, its own LISTEN connection, its own HTTP server, on the same database.
    secondOrm = await openDatabase(db.url, { logger: () => undefined });
    second = await startTestApp(secondOrm);
  });
  afterAll(async () => {
    await second.close();
    await secondOrm.close(true);
  });

  it('delivers a push made on instance A to a subscriber on instance B', async () => {
    const onB = await socketAs('cantho.viewer', second);
    const watch = watchTable(onB.client, tableId);
    await untilSubscribers(second.app.tableChanges, 1);
    const result = await push(change(7), app);
    const { data } = await watch.next();
    expect(data.tableChanged.version).toBe(result.version);
    expect(data.tableChanged.changedCells).toEqual([{ rowKey: '1', columnKey: 'total' }, { rowKey: '2', columnKey: 'total' }]);
    await watch.stop();
  });

  it('reconnects its LISTEN connection after losing it, and catches up on the versions made meanwhile', async () => {
    const onB = await socketAs('cantho.viewer', second);
    const watch = watchTable(onB.client, tableId);
    await untilSubscribers(second.app.tableChanges, 1);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'LISTEN %'`);
      expect(killed.rowCount).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.end();
    }
    // Pushed while B (and A) may not be listening: the notice itself can be lost, the change is not.
    const result = await push(change(8), app);
    const { data } = await watch.next(10000);
    expect(data.tableChanged.version).toBe(result.version);
    const later = await push(change(9), app);
    expect((await watch.next(10000)).data.tableChanged.version).toBe(later.version);
    expect(second.app.tableChanges.listening).toBe(true);
    await watch.stop();
  });
});

describe('refused subscriptions', () => {
  it('answers a table the subscriber may not read exactly like a missing table, and other subscribers go on', async () => {
    const reader = await socketAs('cantho.viewer');
    const readerWatch = watchTable(reader.client, tableId);
    const outsider = await socketAs('caobang.editor');
    const hidden = await watchTable(outsider.client, tableId).next();
    const missing = await watchTable(outsider.client, '987654').next();
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(hidden.errors![0].message.replaceAll(tableId, 'ID')).toBe(missing.errors![0].message.replaceAll('987654', 'ID'));
    await untilSubscribers(app.app.tableChanges, 1);
    const result = await push(change(10));
    expect((await readerWatch.next()).data.tableChanged.version).toBe(result.version);
    await readerWatch.stop();
  });

  it('closes a connection without a token, or with a bad one (4401)', async () => {
    const anonymous = await socketAs(null);
    expect(await anonymous.closed).toMatchObject({ code: 4401, reason: expect.stringContaining('Sign-in required') });
    const forged = openSocket(app.url, 'Bearer not-a-token');
    sockets.push(forged);
    expect(await forged.closed).toMatchObject({ code: 4401, reason: expect.stringContaining('invalid or has expired') });
  });

  it('refuses queries and mutations over the socket: they go over HTTP, with its limits', async () => {
    const viewer = await socketAs('cantho.viewer');
    const answer = await new Promise<any>((resolve) => {
      viewer.client.subscribe({ query: '{ me { login } }' }, { next: resolve, error: resolve, complete: () => undefined });
    });
    expect(answer[0].extensions.code).toBe('SUBSCRIPTIONS_ONLY');
  });

  it(`refuses subscription ${MAX_SUBSCRIPTIONS_PER_CONNECTION + 1} on one connection, keeping the others`, async () => {
    const greedy = await socketAs('cantho.viewer');
    const watches = Array.from({ length: MAX_SUBSCRIPTIONS_PER_CONNECTION }, () => watchTable(greedy.client, tableId));
    await untilSubscribers(app.app.tableChanges, MAX_SUBSCRIPTIONS_PER_CONNECTION);
    const refused = await new Promise<any>((resolve) => {
      greedy.client.subscribe({ query: `subscription { tableChanged(tableId: "${tableId}") { version } }` }, { next: resolve, error: resolve, complete: () => undefined });
    });
    expect(refused[0].extensions.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    expect(refused[0].message).toContain(`at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION}`);
    const result = await push(change(11));
    const delivered = await Promise.all(watches.map((watch) => watch.next()));
    expect(delivered.every(({ data }) => data.tableChanged.version === result.version)).toBe(true);
    await Promise.all(watches.map((watch) => watch.stop()));
  });

  it(`closes connection ${MAX_CONNECTIONS_PER_USER + 1} of one user (1013, try later) and no one else's`, async () => {
    const token = `Bearer ${await tokenFor(db.orm, 'cantho.viewer')}`;
    const open = Array.from({ length: MAX_CONNECTIONS_PER_USER }, () => openSocket(app.url, token));
    sockets.push(...open);
    const watches = open.map((socket) => watchTable(socket.client, tableId));
    await untilSubscribers(app.app.tableChanges, MAX_CONNECTIONS_PER_USER);
    const extra = openSocket(app.url, token);
    sockets.push(extra);
    expect(await extra.closed).toMatchObject({ code: 1013, reason: expect.stringContaining('Too many connections') });
    const someoneElse = await socketAs('cantho.approver');
    const theirs = watchTable(someoneElse.client, tableId);
    await untilSubscribers(app.app.tableChanges, MAX_CONNECTIONS_PER_USER + 1);
    const result = await push(change(12));
    expect((await theirs.next()).data.tableChanged.version).toBe(result.version);
    expect((await Promise.all(watches.map((watch) => watch.next()))).every(({ data }) => data.tableChanged.version === result.version)).toBe(true);
  });
});
