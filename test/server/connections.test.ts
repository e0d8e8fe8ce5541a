/**
 * Relay cursor connections through HTTP: every item exactly once in a stable order, forward and backward, with
 * keyset cursors; page sizes, malformed, foreign and other queries' cursors refused; the cost limit counting page sizes.
 */
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: IndicatorValueFilter, $orderBy: IndicatorValueOrder) {
  indicatorValuesConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('cursor connections', () => {
  let db: TestDatabase;
  let app: TestApp;
  /** Every value id in each order, as SQL written independently of the server states it. */
  const expected: Record<string, string[]> = {};
  const ORDERS: Record<string, string> = {
    PERIOD: 'p.starts_on, p.ends_on desc, p.id, v.unit_id, v.indicator_id, v.kind, v.id',
    UNIT: 'u.code, u.valid_from, u.id, p.starts_on, p.ends_on desc, p.id, v.indicator_id, v.kind, v.id',
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.orm);
    const em = db.orm.em.fork();
    // Enough values for many pages: every indicator, kind and period for 12 communes.
    await em.execute(`insert into indicator_value (indicator_id, unit_id, period_id, kind, value)
      select i.id, u.id, p.id, k.kind, (u.id % 97) + 0.25
        from indicator i cross join period p cross join (values ('ACTUAL'), ('TARGET')) k(kind)
        cross join (select id from administrative_unit where level = 'COMMUNE' order by id limit 12) u`);
    for (const [name, order] of Object.entries(ORDERS)) {
      const rows = await em.execute(`select v.id from indicator_value v join period p on p.id = v.period_id join administrative_unit u on u.id = v.unit_id order by ${order}`);
      expected[name] = rows.map((row: any) => String(row.id));
    }
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  async function page(variables: Record<string, unknown>): Promise<any> {
    const response = await app.query(PAGE, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.indicatorValuesConnection;
  }

  async function walk(size: number, orderBy: Record<string, string>, backward: boolean): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const answer: any = await page(backward ? { last: size, before: cursor, orderBy } : { first: size, after: cursor, orderBy });
      const ids = answer.edges.map((edge: any) => edge.node.id);
      if (backward) seen.unshift(...ids);
      else seen.push(...ids);
      const more = backward ? answer.pageInfo.hasPreviousPage : answer.pageInfo.hasNextPage;
      if (!more) return seen;
      cursor = backward ? answer.pageInfo.startCursor : answer.pageInfo.endCursor;
    }
    throw new Error('paging never ended');
  }

  it.each([
    ['PERIOD', 'ASC', false],
    ['PERIOD', 'DESC', true],
    ['UNIT', 'ASC', true],
    ['UNIT', 'DESC', false],
  ])('pages through every indicator value by %s %s (backward: %s) exactly once, in order', async (field, direction, backward) => {
    const all = expected[field];
    expect(all.length).toBeGreaterThan(1000);
    const wanted = direction === 'ASC' ? all : [...all].reverse();
    expect(await walk(97, { field, direction }, backward as boolean)).toEqual(wanted);
  });

  it('answers totalCount, pageInfo and a page between two cursors', async () => {
    const first = await page({ first: 5 });
    expect(first.totalCount).toBe(expected.PERIOD.length);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.edges.map((edge: any) => edge.node.id)).toEqual(expected.PERIOD.slice(0, 5));
    const between = await page({ first: 10, after: first.edges[0].cursor, before: first.edges[4].cursor });
    expect(between.edges.map((edge: any) => edge.node.id)).toEqual(expected.PERIOD.slice(1, 4));
    const none = await page({ first: 0 });
    expect(none).toMatchObject({ edges: [], pageInfo: { startCursor: null, endCursor: null } });
    const byDefault = await page({});
    expect(byDefault.edges).toHaveLength(100);
  });

  it.each(['PERIOD', 'UNIT'])('by %s, answers the values between two cursors several units or periods apart, either way, and none between crossed cursors', async (field) => {
    const orderBy = { field };
    const cursors = (await page({ first: 500, orderBy })).edges.map((edge: any) => edge.cursor);
    const wanted = expected[field].slice(11, 400);
    for (const size of [{ first: 500 }, { last: 500 }]) {
      const between = await page({ ...size, after: cursors[10], before: cursors[400], orderBy });
      expect(between.edges.map((edge: any) => edge.node.id)).toEqual(wanted);
    }
    expect((await page({ first: 10, after: cursors[400], before: cursors[10], orderBy })).edges).toEqual([]);
  });

  it('filters by kind, period range and source document, in the same stable order', async () => {
    const em = db.orm.em.fork();
    const [document] = await em.execute(
      `select d.key, d.id from source_document d join indicator_value v on v.source_document_id = d.id join period p on p.id = v.period_id
        where v.kind = 'ACTUAL' and p.starts_on >= '2022-01-01' and p.ends_on <= '2024-12-31' limit 1`,
    );
    const rows = await em.execute(
      `select v.id from indicator_value v join period p on p.id = v.period_id join administrative_unit u on u.id = v.unit_id
        where v.kind = 'ACTUAL' and p.starts_on >= '2022-01-01' and p.ends_on <= '2024-12-31' and v.source_document_id = ? order by ${ORDERS.PERIOD}`,
      [document.id],
    );
    const filter = { kinds: ['ACTUAL'], from: '2022-01-01', to: '2024-12-31', sourceDocumentKeys: [document.key] };
    const answer = await page({ first: 500, filter });
    expect(rows.length).toBeGreaterThan(0);
    expect(answer.edges.map((edge: any) => edge.node.id)).toEqual(rows.map((row: any) => String(row.id)));
    expect(answer.totalCount).toBe(rows.length);
    const unknown = await app.query(PAGE, { filter: { sourceDocumentKeys: ['no-such-document'] } });
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  describe('bad page arguments and cursors are refused in Vietnamese and English', () => {
    async function refusal(query: string, variables: Record<string, unknown>): Promise<{ message: string; extensions?: Record<string, any> }> {
      const response = await app.query(query, variables);
      expect(response.data?.indicatorValuesConnection ?? null).toBeNull();
      return response.errors![0];
    }

    it('a page size above the maximum, a negative one, or first with last', async () => {
      for (const variables of [{ first: 501 }, { last: 501 }, { first: -1 }, { first: 5, last: 5 }]) {
        const error = await refusal(PAGE, variables);
        expect(error.extensions!.code).toBe('BAD_USER_INPUT');
        expect(error.extensions!.messageVi).toBeTruthy();
      }
      expect((await refusal(PAGE, { first: 501 })).message).toMatch(/at most 500 items a page/);
    });

    it('a malformed, altered, foreign or other query\'s cursor', async () => {
      const mine = (await page({ first: 2, filter: { kinds: ['ACTUAL'] } })).pageInfo.endCursor;
      const units = (await app.query(`{ unitsConnection(first: 1) { pageInfo { endCursor } } }`)).data!.unitsConnection.pageInfo.endCursor;
      const decoded = JSON.parse(Buffer.from(mine, 'base64url').toString());
      const altered = Buffer.from(JSON.stringify([decoded[0], 'x', ...decoded.slice(2)])).toString('base64url');
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ after: 'not a cursor!' }, /not a PlanBridge cursor/],
        [{ after: 'bm90IGpzb24' }, /not a PlanBridge cursor/],
        [{ after: units }, /belongs to another list \(AdministrativeUnit\)/],
        [{ after: mine }, /from a query with other filters or another order/],
        [{ after: mine, filter: { kinds: ['ACTUAL'] }, orderBy: { field: 'UNIT' } }, /other filters or another order/],
        [{ before: altered, filter: { kinds: ['ACTUAL'] } }, /content was altered/],
      ];
      for (const [variables, message] of cases) {
        const error = await refusal(PAGE, variables);
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: variables.after ? 'after' : 'before' });
        expect(error.message).toMatch(message);
        expect(error.extensions!.messageVi).toMatch(/Con trỏ/);
      }
      // The right query takes it.
      expect((await page({ first: 2, after: mine, filter: { kinds: ['ACTUAL'] } })).edges).toHaveLength(2);
    });
  });

  describe('the query cost counts page sizes', () => {
    const NESTED = `query ($n: Int) { indicatorValuesConnection(first: $n) { edges { node { value unit { name parent { name parent { name } } } indicator { key name } period { key } } } } }`;

    it('refuses a large page of nested objects whether the size is literal, a variable or left to its default', async () => {
      const literal = await app.query(NESTED.replace('query ($n: Int)', '').replace('first: $n', 'first: 500'), {});
      const variable = await app.query(NESTED, { n: 500 });
      for (const response of [literal, variable]) {
        expect(response.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: 20000 });
        expect(response.errors![0].message).toMatch(/too large/);
        expect(response.data).toBeUndefined();
      }
      expect((await app.query(NESTED, { n: 20 })).errors).toBeUndefined();
      // About 245 a value: over the limit at the default page of 100, within it at 20.
      const deep = `{ indicatorValuesConnection(PAGE) { edges { node { value unit { name code key parent { name code key parent { name code key } } }
        indicator { key name } period { key } sourceDocument { key title issuingUnit { name code key parent { name code key } } } } } } }`;
      expect((await app.query(deep.replace('(PAGE)', ''))).errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
      expect((await app.query(deep.replace('PAGE', 'first: 20'))).errors).toBeUndefined();
    });
  });

  describe('the other connections', () => {
    it('pages units, plans, users and documents in a stable order', async () => {
      const lists: [string, string, string][] = [
        ['unitsConnection', 'level: PROVINCE', 'code'],
        ['plansConnection', '', 'documentNumber'],
        ['usersConnection', '', 'login'],
        ['documentsConnection', '', 'key'],
      ];
      for (const [field, args, key] of lists) {
        const all = (await app.query(`{ ${field}(first: 500${args ? `, ${args}` : ''}) { totalCount nodes { ${key} } } }`)).data![field];
        expect(all.nodes.length).toBe(all.totalCount);
        const paged: string[] = [];
        let after: string | null = null;
        do {
          const answer: any = (await app.query(`query ($after: String) { ${field}(first: 2, after: $after${args ? `, ${args}` : ''}) { nodes { ${key} } pageInfo { hasNextPage endCursor } } }`, { after })).data![field];
          paged.push(...answer.nodes.map((node: any) => node[key]));
          after = answer.pageInfo.hasNextPage ? answer.pageInfo.endCursor : null;
        } while (after);
        expect(paged).toEqual(all.nodes.map((node: any) => node[key]));
      }
    });

    it('keeps the deprecated plain lists answering as before', async () => {
      const { units } = (await app.query(`{ units(level: PROVINCE, asOf: "2024-12-31") { code } }`)).data!;
      expect(units).toHaveLength(63);
    });
  });
});
