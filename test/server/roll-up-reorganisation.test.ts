import type { EntityManager } from '@mikro-orm/postgresql';
import { Indicator } from '../../server/entities';
import { indicatorProgress, unitsBelowAsOf } from '../../server/indicators/indicator-progress';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Roll-ups across the 2025 reorganisation on a small hand-made country beside the seeded one, with an
 * indicator of its own so that only these figures count. Two provinces of before, each with one district
 * of two communes; the sources map one commune of each into a commune of today and say nothing of the other
 * (16 communes of the real lists are like that):
 * - T1 continues after 1 July 2025 (as Sơn La, Cao Bằng and nine others do): commune T1a → today's T1n;
 * - T2 is merged into today's T9, like 52 provinces: commune T2a → today's T9n.
 * T2 has two more communes divided between T9n and T1n: T2c with shares (25 % and 75 %), T2d without (not comparable).
 * Every commune of before must be counted once, nationally and in the province of today it lies in.
 */
let db: TestDatabase;
let em: EntityManager;
const ids: Record<string, number> = {};

async function sql(statement: string, parameters: unknown[] = []): Promise<any[]> {
  return em.execute(statement, parameters);
}

beforeAll(async () => {
  db = await createTestDatabase();
  em = db.orm.em.fork() as EntityManager;
  const units: [key: string, level: string, parent: string | null, from: string, to: string | null][] = [
    ['T1', 'PROVINCE', null, '2021-01-01', null],
    ['T1D', 'DISTRICT', 'T1', '2021-01-01', '2025-06-30'],
    ['T1a', 'COMMUNE', 'T1D', '2021-01-01', '2025-06-30'],
    ['T1b', 'COMMUNE', 'T1D', '2021-01-01', '2025-06-30'],
    ['T1n', 'COMMUNE', 'T1', '2025-07-01', null],
    ['T2', 'PROVINCE', null, '2021-01-01', '2025-06-30'],
    ['T2D', 'DISTRICT', 'T2', '2021-01-01', '2025-06-30'],
    ['T2a', 'COMMUNE', 'T2D', '2021-01-01', '2025-06-30'],
    ['T2b', 'COMMUNE', 'T2D', '2021-01-01', '2025-06-30'],
    ['T2c', 'COMMUNE', 'T2D', '2021-01-01', '2025-06-30'],
    ['T2d', 'COMMUNE', 'T2D', '2021-01-01', '2025-06-30'],
    ['T9', 'PROVINCE', null, '2025-07-01', null],
    ['T9n', 'COMMUNE', 'T9', '2025-07-01', null],
  ];
  for (const [key, level, parent, from, to] of units) {
    const [row] = await sql(
      `insert into administrative_unit (key, code, name, level, parent_id, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?) returning id`,
      [`${key}@test`, key, `Đơn vị ${key}`, level, parent === null ? null : ids[parent], from, to],
    );
    ids[key] = row.id;
  }
  const links: [from: string, to: string, kind: string, share: string | null][] = [
    ['T1a', 'T1n', 'MERGE', null],
    ['T2a', 'T9n', 'MERGE', null],
    ['T2', 'T9', 'MERGE', null],
    ['T2c', 'T9n', 'SPLIT', '0.25'],
    ['T2c', 'T1n', 'SPLIT', '0.75'],
    ['T2d', 'T9n', 'SPLIT', null],
    ['T2d', 'T1n', 'SPLIT', null],
  ];
  for (const [from, to, kind, share] of links) {
    await sql(`insert into unit_succession (predecessor_id, successor_id, effective_on, kind, share) values (?, ?, '2025-07-01', ?, ?)`, [ids[from], ids[to], kind, share]);
  }
  await sql(`insert into indicator (key, name, name_en, unit, direction, decimals, aggregation) values ('T_POOR', 'Số hộ nghèo (thử)', 'Poor households (test)', 'HOUSEHOLDS', 'LOWER_IS_BETTER', 0, 'SUM')`);
  const figures: [string, string][] = [['T1a', '1'], ['T1b', '20'], ['T2a', '300'], ['T2b', '4000'], ['T2c', '8000'], ['T2d', '50000']];
  for (const [unit, value] of figures) {
    await sql(
      `insert into indicator_value (indicator_id, unit_id, period_id, kind, value, comparator)
         select i.id, ?, p.id, 'ACTUAL', ?, 'EQ' from indicator i, period p where i.key = 'T_POOR' and p.key = '2023'`,
      [ids[unit], value],
    );
  }
});
afterAll(async () => {
  await db.drop();
});

async function actual2023(unit: string | null, asOf: string): Promise<{ value: string | null; notComparable: number[] }> {
  const fork = db.orm.em.fork() as EntityManager;
  const indicator = await fork.findOneOrFail(Indicator, { key: 'T_POOR' });
  const [[result]] = await indicatorProgress(fork, [unit === null ? null : ids[unit]], [indicator], asOf, { from: '2021-01-01', to: '2025-12-31' });
  return { value: result.series.find((point) => point.periodKey === '2023')?.value ?? null, notComparable: result.notComparableUnits };
}

it('counts a commune the sources map nowhere in its province that continues after the reorganisation', async () => {
  expect(await actual2023('T1', '2026-01-01')).toEqual({ value: '6021', notComparable: [ids.T2d] }); // 1 + 20 + 75 % of 8000
});

it('counts a commune the sources map nowhere in the province of today its old province was merged into, and the mapped ones once', async () => {
  expect(await actual2023('T9', '2026-01-01')).toEqual({ value: '6300', notComparable: [ids.T2d] }); // 300 + 4000 + 25 % of 8000
});

it('counts every commune of before exactly once in the national figure, after the reorganisation as before it', async () => {
  // Nationally, the real communes divided without a share are listed too.
  expect(await actual2023(null, '2026-01-01')).toEqual({ value: '12321', notComparable: expect.arrayContaining([ids.T2d]) });
  expect(await actual2023(null, '2024-12-31')).toEqual({ value: '62321', notComparable: [] });
});

it('rolls only the mapped communes, and the shares of the divided one, into a commune of today', async () => {
  expect((await actual2023('T1n', '2026-01-01')).value).toBe('6001');
  expect((await actual2023('T9n', '2026-01-01')).value).toBe('2300');
});

it('keeps the units of today out of a roll-up on a date before they existed', async () => {
  expect((await actual2023('T1', '2024-12-31')).value).toBe('21');
  expect((await actual2023('T1n', '2024-12-31')).value).toBeNull();
});

it('sees units and successions written after an earlier roll-up kept their graph, and not those rolled back', async () => {
  expect((await actual2023('T1n', '2026-01-01')).value).toBe('6001');
  await sql(`insert into unit_succession (predecessor_id, successor_id, effective_on, kind) values (?, ?, '2025-07-01', 'MERGE')`, [ids.T1b, ids.T1n]);
  expect((await actual2023('T1n', '2026-01-01')).value).toBe('6021');
  await sql(`delete from unit_succession where predecessor_id = ?`, [ids.T1b]);
  expect((await actual2023('T1n', '2026-01-01')).value).toBe('6001');

  // Read inside a transaction that then rolls back: what it saw is not what the next roll-up sees.
  const indicator = await em.findOneOrFail(Indicator, { key: 'T_POOR' });
  await expect(
    db.orm.em.fork().transactional(async (tx) => {
      await tx.execute(`insert into unit_succession (predecessor_id, successor_id, effective_on, kind) values (?, ?, '2025-07-01', 'MERGE')`, [ids.T1b, ids.T1n]);
      const [[inside]] = await indicatorProgress(tx as EntityManager, [ids.T1n], [indicator], '2026-01-01', { from: '2021-01-01', to: '2025-12-31' });
      expect(inside.series.find((point) => point.periodKey === '2023')?.value).toBe('6021');
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  expect((await actual2023('T1n', '2026-01-01')).value).toBe('6001');
});

describe('breakdowns add up to the unit broken down', () => {
  async function breakdown(unit: string, levels: 'ONE' | 'ALL'): Promise<[string, string | null][]> {
    const fork = db.orm.em.fork() as EntityManager;
    const indicator = await fork.findOneOrFail(Indicator, { key: 'T_POOR' });
    const below = await unitsBelowAsOf(fork, ids[unit], '2026-01-01', levels);
    const results = await indicatorProgress(fork, [ids[unit], ...below], [indicator], '2026-01-01', { from: '2021-01-01', to: '2025-12-31' });
    const keyOf = (id: number) => Object.keys(ids).find((key) => ids[key] === id)!;
    return [ids[unit], ...below].map((id, at) => [keyOf(id), results[at][0].series.find((point) => point.periodKey === '2023')?.value ?? null]);
  }

  it('lists, beside the communes of today, the old district that carries the communes no source maps (a province not merged)', async () => {
    expect(await breakdown('T1', 'ONE')).toEqual([
      ['T1', '6021'],
      ['T1D', '20'], // T1b; T1a went into T1n
      ['T1n', '6001'],
    ]);
    expect(await breakdown('T1', 'ALL')).toEqual([['T1', '6021'], ['T1D', '20'], ['T1b', '20'], ['T1n', '6001']]);
  });

  it('lists the old districts that carry such communes of the provinces merged into one of today', async () => {
    expect(await breakdown('T9', 'ONE')).toEqual([
      ['T9', '6300'],
      ['T2D', '4000'], // T2b, of T2 merged into T9
      ['T9n', '2300'],
    ]);
  });

  it('leaves out an old district whose communes all went into communes of today', async () => {
    const insert = async (key: string, level: string, parent: number) => {
      const [row] = await sql(`insert into administrative_unit (key, code, name, level, parent_id, valid_from, valid_to) values (?, ?, ?, ?, ?, '2021-01-01', '2025-06-30') returning id`, [`${key}@test`, key, `Đơn vị ${key}`, level, parent]);
      return (ids[key] = row.id as number);
    };
    const district = await insert('T1E', 'DISTRICT', ids.T1);
    const commune = await insert('T1e', 'COMMUNE', district);
    try {
      expect((await breakdown('T1', 'ONE')).map(([key]) => key)).toEqual(['T1', 'T1D', 'T1E', 'T1n']);
      await sql(`insert into unit_succession (predecessor_id, successor_id, effective_on, kind) values (?, ?, '2025-07-01', 'MERGE')`, [commune, ids.T1n]);
      expect((await breakdown('T1', 'ONE')).map(([key]) => key)).toEqual(['T1', 'T1D', 'T1n']);
    } finally {
      await sql(`delete from unit_succession where predecessor_id = ?`, [commune]);
      await sql(`delete from administrative_unit where id in (?, ?)`, [commune, district]);
      delete ids.T1E;
      delete ids.T1e;
    }
  });
});
