import { unitSearchStatement } from '../../server/graphql/resolvers/unit-search';
import type { TestDatabase } from '../support/database';
import { type TestApp, useTestApp } from '../support/graphql';

describe('finding units by name or code', () => {
  let db: TestDatabase;
  let app: TestApp;

  useTestApp((made) => ({ db, app } = made));

  const search = async (query: string, extra: Record<string, unknown> = {}) => {
    const response = await app.query(
      `query ($query: String!, $level: UnitLevel, $asOf: String) { searchUnits(query: $query, level: $level, asOf: $asOf) { key name level parent { name } } }`,
      { query, ...extra },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.searchUnits as { key: string; name: string; level: string; parent: { name: string } | null }[];
  };

  it('finds Cần Thơ with or without diacritics and with or without its type, full or abbreviated', async () => {
    for (const query of ['can tho', 'Cần Thơ', 'TP. Cần Thơ', 'thành phố cần thơ', 'tp can tho']) {
      const found = await search(query, { level: 'PROVINCE' });
      expect(found.map((unit) => unit.key).sort()).toEqual(['92@2004', '92@2025']);
    }
    expect((await search('tinh can tho', { level: 'PROVINCE' }))).toEqual([]); // Cần Thơ is a thành phố, not a tỉnh
    expect((await search('can tho', { level: 'PROVINCE', asOf: '2025-07-01' })).map((unit) => unit.key)).toEqual(['92@2025']);
  });

  it('finds a commune by its type and name without diacritics, with its parent', async () => {
    const found = await search('xa dat mui');
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.every((unit) => unit.name === 'Xã Đất Mũi' && unit.level === 'COMMUNE')).toBe(true);
    expect(found.map((unit) => unit.parent!.name)).toEqual(expect.arrayContaining(['Tỉnh Cà Mau']));
  });

  it('answers every unit a name matches, with their parents, and by code', async () => {
    const found = await search('dien bien');
    const names = found.map((unit) => `${unit.name} / ${unit.parent?.name ?? '-'}`);
    expect(names).toEqual(expect.arrayContaining(['Tỉnh Điện Biên / -', 'Huyện Điện Biên / Tỉnh Điện Biên']));
    expect(found[0].level).toBe('PROVINCE'); // exact names first, provinces first
    expect((await search('92', { asOf: '2024-01-01' })).map((unit) => unit.key)).toEqual(['92@2004']);
  });

  it('findUnit answers one unit, or lists the candidates of an ambiguous name, in Vietnamese and English', async () => {
    const one = await app.query(`{ findUnit(name: "TP. Cần Thơ", asOf: "2025-07-01", level: PROVINCE) { key } }`);
    expect(one.data!.findUnit.key).toBe('92@2025');
    const several = await app.query(`{ findUnit(name: "Phường 1", asOf: "2024-12-31") { key } }`);
    const error = several.errors![0].extensions!;
    expect(error.code).toBe('AMBIGUOUS');
    expect((error.candidates as unknown[]).length).toBeGreaterThan(10);
    expect(error.messageVi).toContain('đơn vị tên "Phường 1"');
    expect(error.messageEn).toContain('units are named "Phường 1"');
    const none = await app.query(`{ findUnit(name: "Không có nơi này") { key } }`);
    expect(none.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('matches the words at a word start anywhere in the name, the last one as a prefix', async () => {
    const names = async (query: string) => [...new Set((await search(query)).map((unit) => unit.name))];
    expect(await names('bien phu')).toContain('Thành phố Điện Biên Phủ');
    expect(await names('dien bi')).toEqual(expect.arrayContaining(['Tỉnh Điện Biên', 'Thành phố Điện Biên Phủ']));
    expect(await names('ien bien')).toEqual([]); // not at a word start
    expect(await names('bien dien')).not.toContain('Tỉnh Điện Biên'); // the words in their order
  });

  it('finds a name through the name index and a code through the code index, not by reading every unit', async () => {
    const plan = async (query: string) => {
      const statement = unitSearchStatement({ query, limit: 50 })!;
      const rows: { 'QUERY PLAN': string }[] = await db.orm.em.fork().execute(`explain ${statement.sql}`, statement.parameters);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    };
    for (const query of ['dien bien', 'Điện Biên', 'xa dat mui', 'TP. Cần Thơ', '92']) {
      const text = await plan(query);
      expect(text).toContain('Bitmap Index Scan on administrative_unit_search_name_words');
      // Any index led by the code: the one of the code alone, or (code, valid_from, id) that pages by unit use.
      expect(text).toMatch(/Bitmap Index Scan on administrative_unit_code(_valid_from_id)?_index/);
      expect(text).not.toContain('Seq Scan');
    }
  });
});
