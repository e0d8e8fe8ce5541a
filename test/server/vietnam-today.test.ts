/**
 * "Today" for deadlines is Vietnam's day (Asia/Ho_Chi_Minh, UTC+7) in JavaScript and in SQL alike: between 00:00
 * and 07:00 in Vietnam the UTC day (or a database's current_date) is still yesterday.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { daysBetween, vietnamToday } from '../../domain/reporting/calendar';
import { Period, PlanTable } from '../../server/entities';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';
import { importTestTable } from '../support/tables';

const DEADLINE = '2026-04-01';
const GRID = `query ($id: ID!) { tableGrid(tableId: $id) { reportDeadline daysRemaining } }`;

let db: TestDatabase;
let app: TestApp;
let tableId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  const id = await importTestTable(db, ['STT,Nội dung,Tổng số', '1,Một,1'].join('\n'), { title: 'Deadline sample' });
  const em = db.orm.em.fork() as EntityManager;
  const period = em.create(Period, { key: 'test-2026-Q1', label: 'Quý I năm 2026', startsOn: '2026-01-01', endsOn: '2026-03-31', reportDeadline: DEADLINE });
  (await em.findOneOrFail(PlanTable, id)).reportingPeriod = period;
  await em.flush();
  tableId = String(id);
});
afterEach(() => jest.useRealTimers());
afterAll(async () => {
  await app.close();
  await db.drop();
});

/** Only Date is pinned: the database driver and the HTTP server keep their real timers. */
function pinClock(at: string): void {
  jest.useFakeTimers({
    now: new Date(at),
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
}

async function daysRemainingFromSql(): Promise<number> {
  const response = await app.query(GRID, { id: tableId });
  expect(response.errors).toBeUndefined();
  expect(response.data!.tableGrid.reportDeadline).toBe(DEADLINE);
  return response.data!.tableGrid.daysRemaining;
}

it.each([
  ['01:30 on 1 April in Vietnam, still 31 March in UTC', '2026-03-31T18:30:00Z', '2026-04-01', 0],
  ['23:30 on 31 March in Vietnam', '2026-03-31T16:30:00Z', '2026-03-31', 1],
  ['07:30 on 2 April in Vietnam', '2026-04-02T00:30:00Z', '2026-04-02', -1],
])('at %s, JavaScript and SQL agree on today and on the days left', async (_when, instant, day, daysLeft) => {
  pinClock(instant);
  expect(vietnamToday()).toBe(day);
  expect(daysBetween(vietnamToday(), DEADLINE)).toBe(daysLeft);
  expect(await daysRemainingFromSql()).toBe(daysLeft);
});
