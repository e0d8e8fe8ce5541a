/** GET /indicator-values.csv through HTTP: the connection's filter, order and access rules, exact decimals, empty stays empty. */
import { parse } from 'csv-parse/sync';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, tokenFor, type TestApp } from '../support/graphql';

describe('GET /indicator-values.csv', () => {
  let db: TestDatabase;
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.orm);
    base = app.url.replace(/\/graphql$/, '');
    // A value with no source document and no quote, and one with every decimal the column keeps.
    await db.orm.em.fork().execute(`insert into indicator_value (indicator_id, unit_id, period_id, kind, value)
      select (select id from indicator where key = 'POOR_HOUSEHOLD_RATE'), (select id from administrative_unit where key = '92@2004'), (select id from period where key = '2024'), 'ACTUAL', 12345678901234.5678`);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  async function csv(query: string, login: string | null = 'admin'): Promise<{ status: number; rows: Record<string, string>[]; body: string }> {
    const headers: Record<string, string> = login ? { authorization: `Bearer ${await tokenFor(db.orm, login)}` } : {};
    const response = await fetch(`${base}/indicator-values.csv?${query}`, { headers });
    const body = await response.text();
    if (response.status !== 200) return { status: response.status, rows: [], body };
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    return { status: response.status, rows: parse(body, { columns: true, bom: true }), body };
  }

  it('answers the same values in the same order as indicatorValuesConnection, exactly, with empty fields left empty', async () => {
    const query = 'indicator=POOR_HOUSEHOLD_RATE&kind=ACTUAL,TARGET&sort=UNIT&direction=DESC';
    const { rows } = await csv(query);
    const page = await app.query(
      `{ indicatorValuesConnection(first: 500, filter: { indicatorKeys: ["POOR_HOUSEHOLD_RATE"], kinds: [ACTUAL, TARGET] }, orderBy: { field: UNIT, direction: DESC }) {
          nodes { value kind unit { key } period { key } sourceDocument { key } } } }`,
    );
    const nodes = page.data!.indicatorValuesConnection.nodes;
    expect(rows.length).toBe(nodes.length);
    expect(rows.map((row) => [row.unit_key, row.period, row.kind, row.value, row.source_document])).toEqual(
      nodes.map((node: any) => [node.unit.key, node.period.key, node.kind, node.value, node.sourceDocument?.key ?? '']),
    );
    expect(rows).toContainEqual(expect.objectContaining({ unit_key: '92@2004', period: '2024', value: '12345678901234.5678', source_document: '', quote: '' }));
    expect(rows).toContainEqual(expect.objectContaining({ unit_code: '92', period: '2023', kind: 'ACTUAL', value: '0.21' }));
  });

  it('filters by unit with its predecessors and by period range', async () => {
    const today = (await app.query(`{ unitsConnection(code: "92", asOf: "2025-07-01") { nodes { id } } }`)).data!.unitsConnection.nodes[0].id;
    const own = await csv(`unitId=${today}`);
    expect(own.rows).toEqual([]);
    const { rows } = await csv(`unitId=${today}&includePredecessors=true&from=2023-01-01&to=2023-12-31&kind=ACTUAL`);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row) => expect([row.unit_code, row.period, row.kind]).toEqual(['92', '2023', 'ACTUAL']));
  });

  it('follows the access rules: a Cần Thơ viewer sees Cần Thơ only, anonymous nothing', async () => {
    const viewer = await csv('indicator=POOR_HOUSEHOLD_RATE', 'cantho.viewer');
    expect(viewer.rows.length).toBeGreaterThan(0);
    viewer.rows.forEach((row) => expect(row.unit_code).toBe('92'));
    const anonymous = await csv('indicator=POOR_HOUSEHOLD_RATE', null);
    expect(anonymous.rows).toEqual([]);
    expect(anonymous.body.replace(/^\uFEFF/, '').trim()).toBe('indicator,indicator_name,unit_code,unit_key,unit_name,period,kind,comparator,value,source_document,quote');
    const badToken = await fetch(`${base}/indicator-values.csv`, { headers: { authorization: 'Bearer nonsense' } });
    expect(badToken.status).toBe(401);
  });

  it('refuses bad input in Vietnamese and English, before writing anything', async () => {
    const cases: [string, number, string][] = [
      ['from=2024-13-01', 400, 'from'],
      ['from=2024-12-31&to=2024-01-01', 400, 'to'],
      ['kind=FORECAST', 400, 'kind'],
      ['sort=NAME', 400, 'sort'],
      ['includeDescendants=yes', 400, 'includeDescendants'],
      ['indicator=NO_SUCH_INDICATOR', 404, ''],
    ];
    for (const [query, status, argument] of cases) {
      const answer = await csv(query);
      expect([query, answer.status]).toEqual([query, status]);
      const body = JSON.parse(answer.body);
      expect(body.messageVi).toBeTruthy();
      expect(body.messageEn).toBeTruthy();
      if (argument) expect(body.argument).toBe(argument);
    }
  });
});
