import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, pgTextArray } from '../db/numeric';
import type { Comparator, ValueKind } from '../entities';
import { badInput } from '../graphql/errors';
import { keysetSql, orderSql, type PageWindow, type SortKey } from '../graphql/connections/keyset';
import type { IndicatorValueSelection } from './indicator-value-query';

/** PERIOD: chronologically, then by unit, indicator and kind; UNIT: by unit code, then chronologically, indicator and kind. */
export type IndicatorValueSort = 'PERIOD' | 'UNIT';

/** A row of indicator_value as stored. */
export interface IndicatorValueRow {
  id: number;
  indicator_id: number;
  unit_id: number;
  period_id: number;
  kind: ValueKind;
  value: string;
  comparator: Comparator;
  source_document_id: number | null;
  source_table_id: number | null;
  quote: string | null;
}

/** A first few leads per statement, then more: a first page needs few, a long read fewer round trips. */
const FIRST_BATCH = 16;
const MAX_BATCH = 4096;

/**
 * Reads pages of indicator values in a stable order with keyset cursors, however deep the page. The order leads
 * with a period (or a unit), taken from a short ordered list of ids; within it the rows are read through an index
 * in (unit, indicator, kind, id) order (or, within a unit, chronologically): each page is a few index seeks,
 * never a scan of the values before it.
 */
export class IndicatorValuePages {
  /** Lead, then the tail: [lead id, tail 1, tail 2, kind, id]. */
  readonly keys: readonly SortKey[];
  private readonly rank: Map<number, number>;
  private readonly periodRank: Map<number, number>;

  private constructor(
    private readonly em: EntityManager,
    private readonly selection: IndicatorValueSelection,
    private readonly sort: IndicatorValueSort,
    private readonly leads: number[],
    descending: boolean,
  ) {
    this.keys = (['int', 'int', 'int', 'text', 'int'] as const).map((type) => ({ type, descending }));
    this.rank = new Map(leads.map((id, index) => [id, index]));
    this.periodRank = new Map(selection.periodIds.map((id, index) => [id, index + 1]));
  }

  static async open(em: EntityManager, selection: IndicatorValueSelection, sort: IndicatorValueSort, descending: boolean): Promise<IndicatorValuePages> {
    let leads = selection.periodIds;
    if (sort === 'UNIT') {
      const units: { id: number }[] = await em.execute(
        `select id from administrative_unit where (?::int[] is null or id = any(?::int[])) order by code, valid_from, id`,
        [selection.unitIds && pgArray(selection.unitIds), selection.unitIds && pgArray(selection.unitIds)],
      );
      leads = units.map((unit) => unit.id);
    }
    return new IndicatorValuePages(em, selection, sort, descending ? [...leads].reverse() : leads, descending);
  }

  private get leadColumn(): string {
    return this.sort === 'PERIOD' ? 'v.period_id' : 'v.unit_id';
  }

  private get tailColumns(): string[] {
    const first = this.sort === 'PERIOD' ? 'v.unit_id' : `array_position('${pgArray(this.selection.periodIds)}'::int[], v.period_id)`;
    return [first, 'v.indicator_id', 'v.kind', 'v.id'];
  }

  keyOf(row: IndicatorValueRow): unknown[] {
    const tail = this.sort === 'PERIOD' ? row.unit_id : this.periodRank.get(row.period_id);
    return [this.sort === 'PERIOD' ? row.period_id : row.unit_id, tail, row.indicator_id, row.kind, row.id];
  }

  /** The conditions other than the lead, as SQL over `v`. */
  private filters(): { sql: string; params: unknown[] } {
    const { unitIds, indicatorIds, kinds, sourceDocumentIds, periodIds } = this.selection;
    const parts: [string, unknown][] = [];
    if (this.sort !== 'UNIT' && unitIds) parts.push(['v.unit_id = any(?::int[])', pgArray(unitIds)]);
    if (this.sort !== 'PERIOD') parts.push(['v.period_id = any(?::int[])', pgArray(periodIds)]);
    if (indicatorIds) parts.push(['v.indicator_id = any(?::int[])', pgArray(indicatorIds)]);
    if (kinds) parts.push(['v.kind = any(?::text[])', pgTextArray(kinds)]);
    if (sourceDocumentIds) parts.push(['v.source_document_id = any(?::int[])', pgArray(sourceDocumentIds)]);
    return { sql: parts.map(([sql]) => sql).join(' and ') || 'true', params: parts.map(([, param]) => param) };
  }

  private leadIndex(values: unknown[] | null, argument: string): number | null {
    if (!values) return null;
    const index = this.rank.get(values[0] as number);
    if (index === undefined) throw badInput(argument, `Con trỏ ${argument} không thuộc về truy vấn này`, `The ${argument} cursor does not belong to this query`);
    return index;
  }

  /** The rows of one page window: at most window.limit, in the list's order (reversed when reading backward). */
  async read(window: PageWindow): Promise<IndicatorValueRow[]> {
    const afterAt = this.leadIndex(window.after, 'after');
    const beforeAt = this.leadIndex(window.before, 'before');
    const first = afterAt ?? 0;
    const last = beforeAt ?? this.leads.length - 1;
    const indices = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
    if (window.backward) indices.reverse();
    const rows: IndicatorValueRow[] = [];
    let batch = FIRST_BATCH;
    for (let at = 0; at < indices.length && rows.length < window.limit; ) {
      const index = indices[at];
      const limit = window.limit - rows.length;
      if (index === afterAt || index === beforeAt) {
        // A lead holding a cursor: only the rows past the cursor within it.
        const tail = {
          after: index === afterAt ? window.after!.slice(1) : null,
          before: index === beforeAt ? window.before!.slice(1) : null,
        };
        rows.push(...(await this.readLead(this.leads[index], tail, limit, window.backward)));
        at++;
        continue;
      }
      let end = at;
      while (end < indices.length && end - at < batch && indices[end] !== afterAt && indices[end] !== beforeAt) end++;
      rows.push(...(await this.readLeads(indices.slice(at, end).map((i) => this.leads[i]), limit, window.backward)));
      at = end;
      batch = Math.min(batch * 4, MAX_BATCH);
    }
    return rows;
  }

  private async readLead(lead: number, tail: Pick<PageWindow, 'after' | 'before'>, limit: number, backward: boolean): Promise<IndicatorValueRow[]> {
    const tailKeys = this.keys.slice(1);
    const bound = keysetSql(this.tailColumns, tailKeys, tail);
    const filters = this.filters();
    return this.em.execute(
      `select v.* from indicator_value v where ${this.leadColumn} = ? and ${filters.sql} and ${bound.sql}
        order by ${orderSql(this.tailColumns, tailKeys, backward)} limit ?`,
      [lead, ...filters.params, ...bound.params, limit],
    );
  }

  private async readLeads(leads: number[], limit: number, backward: boolean): Promise<IndicatorValueRow[]> {
    const order = orderSql(this.tailColumns, this.keys.slice(1), backward);
    const filters = this.filters();
    return this.em.execute(
      `select v.* from unnest(?::int[]) with ordinality as l(lead, rank)
        cross join lateral (select v.* from indicator_value v where ${this.leadColumn} = l.lead and ${filters.sql} order by ${order} limit ?) v
        order by l.rank, ${order} limit ?`,
      [pgArray(leads), ...filters.params, limit, limit],
    );
  }

  /** How many values the selection has, over every page. */
  async count(): Promise<number> {
    const filters = this.filters();
    const lead = this.sort === 'PERIOD' ? 'v.period_id = any(?::int[])' : this.selection.unitIds ? 'v.unit_id = any(?::int[])' : 'true';
    const leadParams = this.sort === 'PERIOD' || this.selection.unitIds ? [pgArray(this.leads)] : [];
    const [{ count }] = await this.em.execute(`select count(*)::int as count from indicator_value v where ${lead} and ${filters.sql}`, [...leadParams, ...filters.params]);
    return count;
  }
}
