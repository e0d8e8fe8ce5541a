import { readIntegers, readScaledDecimals } from '../../server/indicators/aggregated-lists';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

/** "Are we on track?" on the seeded figures, across the hierarchy and the 2025 reorganisation. */
const PROGRESS = `query ($unit: ID!, $keys: [String!]!, $asOf: String) {
  indicatorProgress(unitId: $unit, indicatorKeys: $keys, asOf: $asOf) {
    indicator { key aggregation } status gap percentAchieved percentElapsed
    baseline { periodKey value comparator rolledUp problem }
    target { periodKey value comparator rolledUp }
    actual { periodKey value rolledUp }
    series { periodKey value }
    unitsWithoutData { code }
    notComparableUnits { code }
  }
}`;

let db: TestDatabase;
let app: TestApp;
const unitIds: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.orm);
  const { units } = (await app.query(`{ units { id key } }`)).data!;
  for (const unit of units) unitIds[unit.key] = unit.id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

async function progress(unitKey: string, keys: string[], asOf?: string): Promise<any[]> {
  const response = await app.query(PROGRESS, { unit: unitIds[unitKey], keys, asOf });
  expect(response.errors).toBeUndefined();
  return response.data!.indicatorProgress;
}

it('answers Cần Thơ\'s poor-household rate: 0,80 % at the start, 0,21 % at the end of 2023, below 0,15 % targeted for 2025: on track', async () => {
  const [rate] = await progress('92@2004', ['POOR_HOUSEHOLD_RATE'], '2024-06-30');
  expect(rate).toMatchObject({
    indicator: { key: 'POOR_HOUSEHOLD_RATE', aggregation: 'RATIO' },
    status: 'ON_TRACK',
    gap: '0.06',
    percentAchieved: '90.77',
    baseline: { periodKey: '2021', value: '0.8', rolledUp: false },
    target: { periodKey: '2021-2025', value: '0.15', comparator: 'LT' },
    actual: { periodKey: '2023', value: '0.21', rolledUp: false },
  });
});

it('rolls old Cần Thơ\'s counts into today\'s Cần Thơ and lists the merged provinces that reported nothing', async () => {
  const [poor] = await progress('92@2025', ['POOR_HOUSEHOLDS'], '2026-01-01');
  expect(poor.indicator.aggregation).toBe('SUM');
  expect(poor.baseline).toMatchObject({ periodKey: '2021', value: '2901', rolledUp: true });
  const without = poor.unitsWithoutData.map((unit: any) => unit.code);
  expect(without).toEqual(expect.arrayContaining(['93', '94'])); // Hậu Giang, Sóc Trăng
  // Besides them, only today's communes of Cần Thơ (five-digit codes), none of which recorded anything; not old Cần Thơ.
  expect(without.filter((code: string) => code.length !== 5).sort()).toEqual(['93', '94']);
});

it('recomputes a rate from numerator and denominator for a merged unit, and says when the denominator is missing', async () => {
  const [rate] = await progress('92@2025', ['POOR_HOUSEHOLD_RATE'], '2026-01-01');
  expect(rate.baseline).toMatchObject({ value: null, problem: 'NO_DENOMINATOR' });
  expect(rate.status).toBe('NOT_ASSESSED');
});

it('adds a district\'s figures into its province, and a province of the past into today\'s', async () => {
  const [houses] = await progress('95@1997', ['HOUSES_SUPPORTED'], '2023-12-31');
  expect(houses.actual).toMatchObject({ periodKey: '2023', value: '128', rolledUp: true });
  const [merged] = await progress('96@2025', ['HOUSES_SUPPORTED'], '2026-01-01');
  expect(merged.actual).toMatchObject({ value: '128', rolledUp: true });
  expect(merged.unitsWithoutData.map((unit: any) => unit.code)).toContain('96'); // old Cà Mau: nothing recorded
});

it('breaks a unit down into the units one level below it on the date, each with its own progress', async () => {
  const BREAKDOWN = `query ($unit: ID, $asOf: String) {
    indicatorProgress(unitId: $unit, indicatorKeys: ["HOUSES_SUPPORTED", "POOR_HOUSEHOLDS"], asOf: $asOf, breakdown: CHILDREN) {
      unit { key } indicator { key } actual { value rolledUp } unitsWithoutData { code }
    }
  }`;
  const before = (await app.query(BREAKDOWN, { unit: unitIds['95@1997'], asOf: '2023-12-31' })).data!.indicatorProgress;
  // Bạc Liêu's other six districts are listed too, with nothing recorded; the seed's figures are the city's.
  expect(before.filter((entry: any) => ['95@1997', '954@2010'].includes(entry.unit.key)).map((entry: any) => [entry.unit.key, entry.indicator.key, entry.actual?.value ?? null, entry.actual?.rolledUp ?? null])).toEqual([
    ['95@1997', 'HOUSES_SUPPORTED', '128', true],
    ['95@1997', 'POOR_HOUSEHOLDS', null, null],
    ['954@2010', 'HOUSES_SUPPORTED', '128', false],
    ['954@2010', 'POOR_HOUSEHOLDS', null, null],
  ]);
  // After the district level was abolished, the old province has no units of the date below it but keeps its own.
  const after = (await app.query(BREAKDOWN, { unit: unitIds['96@2025'], asOf: '2026-01-01' })).data!.indicatorProgress;
  // Below it on the date: its communes of today, none of which recorded anything.
  const afterKeys = after.map((entry: any) => entry.unit.key);
  expect(afterKeys.slice(0, 2)).toEqual(['96@2025', '96@2025']);
  expect(afterKeys.slice(2).every((key: string) => /^\d{5}@2025$/.test(key))).toBe(true);
  // The whole country breaks down into the top-level units of the date: today's provinces, not those before 2025.
  const national = await app.query(`{ indicatorProgress(indicatorKeys: ["POOR_HOUSEHOLDS"], asOf: "2026-01-01", breakdown: CHILDREN) { unit { key validFrom } } }`);
  expect(national.errors).toBeUndefined();
  const units = national.data!.indicatorProgress.map((entry: any) => entry.unit);
  expect(units[0]).toBeNull();
  expect(units.slice(1).map((unit: any) => unit.key)).toEqual(expect.arrayContaining(['92@2025', '96@2025']));
  expect(units.slice(1).map((unit: any) => unit.key)).not.toContain('92@2004');
});

it('breaks a unit down into every unit below it, each after its parent', async () => {
  // A ward of Bạc Liêu city with its own figure (the seed names none): the city's own 128 still stands.
  await db.orm.em.fork().execute(
    `insert into indicator_value (indicator_id, unit_id, period_id, kind, value, comparator)
     select i.id, u.id, p.id, 'ACTUAL', 20, 'EQ' from indicator i, administrative_unit u, period p
      where i.key = 'HOUSES_SUPPORTED' and u.key = '31825@2021' and p.key = '2023'`,
  );
  const DESCENDANTS = `query ($unit: ID) {
    indicatorProgress(unitId: $unit, indicatorKeys: ["HOUSES_SUPPORTED"], asOf: "2023-12-31", breakdown: DESCENDANTS) { unit { key } actual { value rolledUp } }
  }`;
  const entries = (await app.query(DESCENDANTS, { unit: unitIds['95@1997'] })).data!.indicatorProgress;
  // The rest of Bạc Liêu's districts and wards are listed too, each after its parent, with nothing recorded.
  expect(entries.filter((entry: any) => entry.actual).map((entry: any) => [entry.unit.key, entry.actual.value, entry.actual.rolledUp])).toEqual([
    ['95@1997', '128', true],
    ['954@2010', '128', false],
    ['31825@2021', '20', false],
  ]);
});

it('does not aggregate indicators that do not add up', async () => {
  const [points] = await progress('92@2025', ['POOR_RATE_REDUCTION_POINTS'], '2026-01-01');
  expect(points.indicator.aggregation).toBe('NONE');
  expect(points.series).toEqual([]);
});

it('refuses unknown indicators and units, backward ranges and other units\' data by name', async () => {
  const unknown = await app.query(PROGRESS, { unit: unitIds['92@2004'], keys: ['NO_SUCH'] });
  expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  expect(unknown.errors![0].message).toContain('NO_SUCH');
  const noUnit = await app.query(PROGRESS, { unit: '987654', keys: ['POOR_HOUSEHOLDS'] });
  expect(noUnit.errors![0].extensions!.code).toBe('NOT_FOUND');
  const backwards = await app.query(`query ($u: ID!) { indicatorProgress(unitId: $u, indicatorKeys: ["POOR_HOUSEHOLDS"], from: "2025-01-01", to: "2021-01-01") { status } }`, { u: unitIds['92@2004'] });
  expect(backwards.errors![0].message).toContain('backwards');
  const caoBang = await app.as('caobang.editor');
  const hidden = await caoBang(PROGRESS, { unit: unitIds['92@2004'], keys: ['POOR_HOUSEHOLDS'] });
  expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
});

const NATIONAL = `query ($keys: [String!]!, $asOf: String) {
  indicatorProgress(indicatorKeys: $keys, asOf: $asOf) {
    unit { key } baseline { periodKey value rolledUp } actual { periodKey value comparator rolledUp } unitsWithoutData { code }
  }
}`;

it('rolls the whole country up from the top-level units of the date, for national readers only', async () => {
  const response = await app.query(NATIONAL, { keys: ['POOR_HOUSEHOLDS'], asOf: '2026-01-01' });
  expect(response.errors).toBeUndefined();
  const [poor] = response.data!.indicatorProgress;
  expect(poor.unit).toBeNull();
  expect(poor.baseline).toMatchObject({ periodKey: '2021', value: '2901', rolledUp: true }); // old Cần Thơ's, through today's Cần Thơ
  expect(poor.unitsWithoutData.map((unit: any) => unit.code)).toEqual(expect.arrayContaining(['04', '93', '94']));
  const caoBang = await app.as('caobang.editor');
  const refused = await caoBang(NATIONAL, { keys: ['POOR_HOUSEHOLDS'], asOf: '2026-01-01' });
  expect(refused.errors![0].extensions!.code).toBe('NOT_FOUND');
  expect(refused.data).toBeNull();
});

it('takes the later of two records of one unit and period, in the unit and in the national sum', async () => {
  // The later record (higher id) is stored first, so that reading in storage order would pick the earlier one.
  const record = (id: string, value: string, comparator: string) =>
    db.orm.em.fork().execute(
      `insert into indicator_value (id, indicator_id, unit_id, period_id, kind, value, comparator)
       select ${id}, i.id, u.id, p.id, 'ACTUAL', ?, ? from indicator i, administrative_unit u, period p
        where i.key = 'TOTAL_HOUSEHOLDS' and u.key = '04@1978' and p.key = '2024'`,
      [value, comparator],
    );
  await record(`(select max(id) + 1000 from indicator_value)`, '120.5', 'GE');
  await record(`nextval('indicator_value_id_seq')`, '100', 'EQ');
  const [own] = await progress('04@1978', ['TOTAL_HOUSEHOLDS'], '2026-01-01');
  expect(own.actual).toMatchObject({ periodKey: '2024', value: '120.5', rolledUp: false });
  const [national] = (await app.query(NATIONAL, { keys: ['TOTAL_HOUSEHOLDS'], asOf: '2026-01-01' })).data!.indicatorProgress;
  expect(national.actual).toMatchObject({ periodKey: '2024', value: '120.5', comparator: 'GE', rolledUp: true });
});

describe('lists aggregated by PostgreSQL', () => {
  it('read back exactly, negative and beyond the 15 digits of a double, as numeric(20,4) prints them', async () => {
    const [row] = await db.orm.em.fork().execute(
      `select string_agg(v::text, ',') as list from (values (-12.5::numeric(20,4)), (9999999999999999.9999::numeric(20,4)), (0::numeric(20,4))) t(v)`,
    );
    expect(readScaledDecimals(row.list, 4)).toEqual([-125000n, 99999999999999999999n, 0n]);
    expect(() => readScaledDecimals('1.5', 4)).toThrow('"1.5" does not have 4 decimal places');
    expect(readIntegers('7,0,123')).toEqual([7, 0, 123]);
    expect(readIntegers(null)).toEqual([]);
  });
});
