import type { TestDatabase } from '../support/database';
import { type TestApp, useTestApp } from '../support/graphql';

describe('GraphQL queries over the seeded data', () => {
  let db: TestDatabase;
  let app: TestApp;

  useTestApp((made) => ({ db, app } = made));

  async function data(query: string, variables?: Record<string, unknown>): Promise<any> {
    const response = await app.query(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  async function unitId(code: string, asOf: string): Promise<string> {
    const { units } = await data(`query ($code: String, $asOf: String) { units(code: $code, asOf: $asOf) { id } }`, { code, asOf });
    expect(units).toHaveLength(1);
    return units[0].id;
  }

  describe('administrative units across the 2025 reorganisation', () => {
    it('shows the provinces of each date', async () => {
      const tree = async (asOf: string) =>
        (await data(`query ($asOf: String) { unitTree(asOf: $asOf) { code name } }`, { asOf })).unitTree.map((unit: any) => unit.code);
      const before = await tree('2024-12-31');
      const after = await tree('2025-07-01');
      expect(before).toEqual(expect.arrayContaining(['92', '93', '94', '95', '96', '79', '04']));
      expect(after).toEqual(expect.arrayContaining(['92', '96', '79', '04']));
      expect(after).not.toContain('93'); // Hậu Giang went into Cần Thơ
      expect(after).not.toContain('95'); // Bạc Liêu went into Cà Mau
    });

    it('keeps old units and rolls them up into today\'s', async () => {
      const oldCanTho = await unitId('92', '2022-06-20');
      const newCanTho = await unitId('92', '2025-07-01');
      expect(oldCanTho).not.toBe(newCanTho);
      const { unit } = await data(
        `query ($id: ID!) { unit(id: $id) { name validFrom validTo rollsUpInto(asOf: "2026-01-01") { id } successors { kind effectiveOn successor { id } } } }`,
        { id: oldCanTho },
      );
      expect(unit.validTo).toBe('2025-06-30');
      expect(unit.rollsUpInto).toEqual([{ id: newCanTho }]);
      expect(unit.successors).toEqual([{ kind: 'MERGE', effectiveOn: '2025-07-01', successor: { id: newCanTho } }]);
      const merged = await data(`query ($id: ID!) { unit(id: $id) { predecessors { predecessor { code } } } }`, { id: newCanTho });
      expect(merged.unit.predecessors.map((link: any) => link.predecessor.code).sort()).toEqual(['92', '93', '94']);
    });

    it('walks down the tree with children as of a date', async () => {
      const hcmc = await unitId('79', '2024-01-01');
      const { unit } = await data(`query ($id: ID!) { unit(id: $id) { children(asOf: "2024-06-30") { code level parent { code } } } }`, { id: hcmc });
      expect(unit.children).toContainEqual({ code: '787', level: 'DISTRICT', parent: { code: '79' } });
      const later = await data(`query ($id: ID!) { unit(id: $id) { children(asOf: "2025-07-01") { code } } }`, { id: hcmc });
      expect(later.unit.children).toEqual([]);
    });
  });

  it('lists the program, its phase and the national components of QĐ 90', async () => {
    const { programs } = await data(`{ programs { key phases { key legalBasis components { key number children { key } } } } }`);
    expect(programs).toHaveLength(1);
    const components = programs[0].phases[0].components;
    expect(components.map((component: any) => component.key)).toEqual(['DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7']);
    expect(components.find((component: any) => component.key === 'DA4').children.map((child: any) => child.key)).toEqual([
      'DA4.TDA1',
      'DA4.TDA2',
      'DA4.TDA3',
    ]);
    const all = await data(`{ programs { phases { components(all: true) { key } } } }`);
    expect(all.programs[0].phases[0].components).toHaveLength(18);
  });

  it('lists funding sources and support policies as data', async () => {
    const result = await data(`{ fundingSources { key name } supportPolicies { key } }`);
    expect(result.fundingSources.map((source: any) => source.key)).toContain('central-budget');
    expect(result.supportPolicies.map((policy: any) => policy.key)).toContain('health');
  });

  it('lists plans with their tables', async () => {
    const { plans } = await data(`{ plans { documentNumber issuedOn issuingUnit { code } tables { title } } }`);
    expect(plans).toContainEqual({ documentNumber: '132/KH-UBND', issuedOn: '2022-06-20', issuingUnit: { code: '92' }, tables: [{ title: 'Phụ lục 2' }] });
    expect(plans).toContainEqual({ documentNumber: '415/KH-UBND', issuedOn: null, issuingUnit: { code: '04' }, tables: [] });
  });

  describe('indicator values', () => {
    const VALUES = `query ($filter: IndicatorValueFilter!) {
      indicatorValues(filter: $filter) { value kind comparator indicator { key unit } unit { code } period { key } sourceDocument { key } quote }
    }`;

    it('gives Cần Thơ\'s poor-household rate: 0,80 % at the start, 0,21 % at the end of 2023, below 0,15 % targeted for 2025', async () => {
      const oldCanTho = await unitId('92', '2022-06-20');
      const { indicatorValues } = await data(VALUES, { filter: { unitId: oldCanTho, indicatorKeys: ['POOR_HOUSEHOLD_RATE'] } });
      const slim = indicatorValues.map((value: any) => [value.period.key, value.kind, value.comparator, value.value]);
      expect(slim).toEqual(
        expect.arrayContaining([
          ['2021', 'BASELINE', 'EQ', '0.8'],
          ['2023', 'ACTUAL', 'EQ', '0.21'],
          ['2021-2025', 'TARGET', 'LT', '0.15'],
        ]),
      );
      indicatorValues.forEach((value: any) => {
        expect(value.indicator.unit).toBe('PERCENT');
        expect(value.sourceDocument.key).toBeTruthy();
        expect(value.quote).toBeTruthy();
      });
    });

    it('filters by kind and period range, and reaches predecessors of today\'s unit', async () => {
      const newCanTho = await unitId('92', '2025-07-01');
      const none = await data(VALUES, { filter: { unitId: newCanTho } });
      expect(none.indicatorValues).toEqual([]);
      const { indicatorValues } = await data(VALUES, {
        filter: { unitId: newCanTho, includePredecessors: true, kinds: ['ACTUAL'], from: '2023-01-01', to: '2023-12-31' },
      });
      expect(indicatorValues.length).toBeGreaterThan(0);
      indicatorValues.forEach((value: any) => {
        expect(value.kind).toBe('ACTUAL');
        expect(value.period.key).toBe('2023');
        expect(value.unit.code).toBe('92');
      });
    });

    it('includes descendants: Bạc Liêu city\'s figures under Bạc Liêu province', async () => {
      const bacLieu = await unitId('95', '2023-01-01');
      const own = await data(VALUES, { filter: { unitId: bacLieu } });
      const withCity = await data(VALUES, { filter: { unitId: bacLieu, includeDescendants: true } });
      expect(own.indicatorValues).toEqual([]);
      expect(withCity.indicatorValues.length).toBeGreaterThan(0);
      withCity.indicatorValues.forEach((value: any) => expect(value.unit.code).toBe('954'));
    });
  });

  describe('bad input gets one clear error, never a stack trace', () => {
    it('unknown ids answer NOT_FOUND', async () => {
      for (const [query, id] of [
        ['query ($id: ID!) { plan(id: $id) { id } }', '999999'],
        ['query ($id: ID!) { planTable(id: $id) { id } }', 'abc'],
        ['query ($id: ID!) { unit(id: $id) { id } }', '-1'],
      ]) {
        const response = await app.query(query, { id });
        expect(response.data).toBeNull();
        expect(response.errors).toHaveLength(1);
        expect(response.errors![0].extensions!.code).toBe('NOT_FOUND');
        expect(response.errors![0].message).toContain(id);
        expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|\.ts:\d+/);
      }
    });

    it('an unknown table title or plan number answers NOT_FOUND in both languages', async () => {
      const response = await app.query(`{ findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 9") { id } }`);
      expect(response.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', messageVi: expect.stringContaining('Không tìm thấy') });
    });

    it('malformed GraphQL answers 400 with the parser\'s message', async () => {
      const response = await app.query('{ plans { id ');
      expect(response.status).toBe(400);
      expect(response.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(response.errors![0].message).toContain('Syntax Error');
    });

    it('a malformed JSON body answers 400 as JSON', async () => {
      const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(response.status).toBe(400);
      const body = (await response.json()) as any;
      expect(body.errors[0].message).toContain('Malformed request body');
    });

    it('bad dates, unknown indicators and backward ranges are refused by name', async () => {
      const badDate = await app.query(`{ unitTree(asOf: "2025-02-30") { id } }`);
      expect(badDate.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
      const unknown = await app.query(`{ indicatorValues(filter: { indicatorKeys: ["NO_SUCH"] }) { value } }`);
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(unknown.errors![0].message).toContain('NO_SUCH');
      const backwards = await app.query(`{ indicatorValues(filter: { from: "2024-01-01", to: "2023-01-01" }) { value } }`);
      expect(backwards.errors![0].message).toContain('backwards');
    });
  });

  it('serves a GraphQL IDE that needs no internet', async () => {
    const page = await fetch(app.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('GraphiQL');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.startsWith('/')).toBe(true); // served locally, no CDN
      const asset = await fetch(new URL(source, app.url));
      expect(asset.status).toBe(200);
    }
  });
});
