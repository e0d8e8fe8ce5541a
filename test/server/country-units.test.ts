import { readUnitsFile } from '../../server/seed/administrative-units';
import { seedSuccessions, seedUnits } from '../../server/seed/data/units';
import type { TestDatabase } from '../support/database';
import { type TestApp, useTestApp } from '../support/graphql';

/** The whole country from the derived units file (tools/units), as a fresh start seeds it. */
describe('every administrative unit before and after 1 July 2025', () => {
  let db: TestDatabase;
  let app: TestApp;

  useTestApp((made) => ({ db, app } = made));

  const count = async (level: string, asOf: string) => {
    const response = await app.query(`query ($level: UnitLevel, $asOf: String) { units(level: $level, asOf: $asOf) { id } }`, { level, asOf });
    expect(response.errors).toBeUndefined();
    return response.data!.units.length;
  };

  it('has 63 provinces, 696 districts and 10,051 communes before, and 34 provinces and 3,321 communes after', async () => {
    expect(await count('PROVINCE', '2024-12-31')).toBe(63);
    expect(await count('DISTRICT', '2024-12-31')).toBe(696);
    expect(await count('COMMUNE', '2024-12-31')).toBe(10051);
    expect(await count('PROVINCE', '2025-07-01')).toBe(34);
    expect(await count('DISTRICT', '2025-07-01')).toBe(0);
    expect(await count('COMMUNE', '2025-07-01')).toBe(3321);
  });

  it('keeps the seed\'s units with their keys, dates and parents, and its successions', () => {
    const file = readUnitsFile();
    const units = new Map(file.units.map(([key, code, name, , level, parentKey, validFrom, validTo]) => [key, { code, name, level, parentKey, validFrom, validTo }]));
    for (const seed of seedUnits) {
      expect(units.get(seed.key)).toEqual({ code: seed.code, name: seed.name, level: seed.level, parentKey: seed.parentKey ?? null, validFrom: seed.validFrom, validTo: seed.validTo ?? null });
    }
    const links = new Set(file.successions.map(([from, to, , kind]) => `${from}>${to}>${kind}`));
    for (const seed of seedSuccessions) expect(links).toContain(`${seed.predecessorKey}>${seed.successorKey}>${seed.kind}`);
  });

  it('every commune of before rolls up into a commune of today, is split, or is listed as unmapped by the sources', async () => {
    const rows: { key: string; successors: number; split: boolean }[] = await db.orm.em.fork().execute(
      `select u.key, count(s.id)::int as successors, bool_or(s.kind = 'SPLIT') as split
         from administrative_unit u left join unit_succession s on s.predecessor_id = u.id
        where u.level = 'COMMUNE' and u.valid_to = '2025-06-30' group by u.key`,
    );
    expect(rows).toHaveLength(10051);
    const unmapped = new Set(readUnitsFile().unmapped);
    const without = rows.filter((row) => row.successors === 0).map((row) => row.key);
    expect(without.sort()).toEqual([...unmapped].sort());
    expect(unmapped.size).toBeLessThan(20);
    for (const row of rows) if (row.successors > 1) expect(row.split).toBe(true);
    // Through GraphQL, for a merged ward of Hồ Chí Minh City: Phường 12, Gò Vấp → Phường An Hội Tây.
    const response = await app.query(`{ units(code: "26881", asOf: "2024-12-31") { key rollsUpInto(asOf: "2025-07-01") { key name level parent { key } } } }`);
    expect(response.data!.units).toEqual([{ key: '26881@2021', rollsUpInto: [{ key: '26882@2025', name: 'Phường An Hội Tây', level: 'COMMUNE', parent: { key: '79@2025' } }] }]);
  });

  it('rolls a commune no source maps into its province: the same one when it was not merged, else the one it was merged into', async () => {
    const into = async (code: string) => {
      const response = await app.query(`query ($code: String) { units(code: $code, asOf: "2024-12-31") { rollsUpInto(asOf: "2025-07-01") { key level } } }`, { code });
      expect(response.errors).toBeUndefined();
      return response.data!.units[0].rollsUpInto;
    };
    expect(await into('03898')).toEqual([{ key: '14@2021', level: 'PROVINCE' }]); // Thị trấn Phù Yên, Sơn La
    expect(await into('25102')).toEqual([{ key: '68@2025', level: 'PROVINCE' }]); // Xã Đạ M'ri, Lâm Đồng
  });

  it('lists the communes of today below a province that was not merged, and its districts before', async () => {
    const response = await app.query(`{ units(code: "04", asOf: "2025-07-01") { key before: children(asOf: "2024-12-31") { level } after: children(asOf: "2025-07-01") { level } } }`);
    const [caoBang] = response.data!.units;
    expect(caoBang.key).toBe('04@1978');
    expect(new Set(caoBang.before.map((unit: any) => unit.level))).toEqual(new Set(['DISTRICT']));
    expect(caoBang.after.length).toBeGreaterThan(50);
    expect(new Set(caoBang.after.map((unit: any) => unit.level))).toEqual(new Set(['COMMUNE']));
  });
});
