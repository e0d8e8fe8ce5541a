import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, pgTextArray } from '../db/numeric';
import type { Comparator, ValueKind } from '../entities';
import { badInput } from '../../domain/refusal';
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

/** Where a lead stands in the order, compared key by key: a period's rank, or a unit's (code, valid from, id). */
type LeadPosition = readonly (string | number)[];

/** Whether position a comes before position b, in ascending order. */
function precedes(a: LeadPosition, b: LeadPosition): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * Reads pages of indicator values in a stable order with keyset cursors, however deep the page. The order leads
 * with a period (or a unit); within it the rows are read through an index in (unit, indicator, kind, id) order
 * (or, within a unit, chronologically): each page is a few index seeks, never a scan of the values before it.
 * The periods are a short list kept in memory; the units (some 14,000) are read a batch at a time from the
 * cursor's unit on, through the (code, valid_from, id) index, never all of them.
 */
export class IndicatorValuePages {
  /** Lead, then the tail: [lead id, tail 1, tail 2, kind, id]. */
  readonly keys: readonly SortKey[];
  private readonly periodRank: Map<number, number>;

  constructor(
    private readonly em: EntityManager,
    private readonly selection: IndicatorValueSelection,
    private readonly sort: IndicatorValueSort,
    private readonly descending: boolean,
  ) {
    this.keys = (['int', 'int', 'int', 'text', 'int'] as const).map((type) => ({ type, descending }));
    this.periodRank = new Map(selection.periodIds.map((id, index) => [id, index + 1]));
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

  /** The positions of the cursors' leads; a lead outside the selection is a cursor of another query. */
  private async positions(window: PageWindow): Promise<Map<number, LeadPosition>> {
    const cursors = ([['after', window.after], ['before', window.before]] as const).filter(([, values]) => values);
    const ids = cursors.map(([, values]) => values![0] as number);
    const found = new Map<number, LeadPosition>();
    if (this.sort === 'PERIOD') {
      for (const id of ids) if (this.periodRank.has(id)) found.set(id, [this.periodRank.get(id)!]);
    } else if (ids.length) {
      const units: { id: number; code: string; valid_from: string }[] = await this.em.execute(
        `select id, code, valid_from::text from administrative_unit where id = any(?::int[]) and (?::int[] is null or id = any(?::int[]))`,
        [pgArray(ids), this.unitFilter, this.unitFilter],
      );
      for (const unit of units) found.set(unit.id, [unit.code, unit.valid_from, unit.id]);
    }
    for (const [argument, values] of cursors) {
      if (!found.has(values![0] as number)) throw badInput(argument, `Con trỏ ${argument} không thuộc về truy vấn này`, `The ${argument} cursor does not belong to this query`);
    }
    return found;
  }

  private get unitFilter(): string | null {
    return this.selection.unitIds && pgArray(this.selection.unitIds);
  }

  /**
   * Up to `limit` leads strictly between two positions (none: from the start, to the end), in reading order:
   * the list's order, or reversed when reading backward.
   */
  private async leadsBetween(from: LeadPosition | null, to: LeadPosition | null, backward: boolean, limit: number): Promise<{ id: number; position: LeadPosition }[]> {
    const reversed = this.descending !== backward;
    const readBefore = (a: LeadPosition, b: LeadPosition) => (reversed ? precedes(b, a) : precedes(a, b));
    if (this.sort === 'PERIOD') {
      const periods = this.selection.periodIds.map((id, index) => ({ id, position: [index + 1] as LeadPosition }));
      if (reversed) periods.reverse();
      return periods.filter(({ position }) => (!from || readBefore(from, position)) && (!to || readBefore(position, to))).slice(0, limit);
    }
    const [beyond, short, direction] = reversed ? ['<', '>', 'desc'] : ['>', '<', 'asc'];
    const units: { id: number; code: string; valid_from: string }[] = await this.em.execute(
      `select id, code, valid_from::text from administrative_unit
        where (?::int[] is null or id = any(?::int[]))
          and (?::text is null or (code, valid_from, id) ${beyond} (?, ?::date, ?::int))
          and (?::text is null or (code, valid_from, id) ${short} (?, ?::date, ?::int))
        order by code ${direction}, valid_from ${direction}, id ${direction} limit ?`,
      [this.unitFilter, this.unitFilter, from?.[0] ?? null, ...(from ?? [null, null, null]), to?.[0] ?? null, ...(to ?? [null, null, null]), limit],
    );
    return units.map((unit) => ({ id: unit.id, position: [unit.code, unit.valid_from, unit.id] }));
  }

  /** The rows of one page window: at most window.limit, in the list's order (reversed when reading backward). */
  async read(window: PageWindow): Promise<IndicatorValueRow[]> {
    const positions = await this.positions(window);
    const reversed = this.descending !== window.backward;
    // In reading order: the cursor read from, and the one read up to.
    const [start, end] = window.backward ? [window.before, window.after] : [window.after, window.before];
    const startAt = start ? positions.get(start[0] as number)! : null;
    const endAt = end ? positions.get(end[0] as number)! : null;
    if (startAt && endAt && (reversed ? precedes(startAt, endAt) : precedes(endAt, startAt))) return [];
    const tailOf = (lead: number) => ({
      after: window.after && window.after[0] === lead ? window.after.slice(1) : null,
      before: window.before && window.before[0] === lead ? window.before.slice(1) : null,
    });
    const rows: IndicatorValueRow[] = [];
    // A lead holding a cursor: only the rows past the cursor within it.
    if (start) rows.push(...(await this.readLead(start[0] as number, tailOf(start[0] as number), window.limit, window.backward)));
    if (start && end && start[0] === end[0]) return rows;
    let from = startAt;
    for (let batch = FIRST_BATCH; rows.length < window.limit; batch = Math.min(batch * 4, MAX_BATCH)) {
      const leads = await this.leadsBetween(from, endAt, window.backward, batch);
      if (leads.length === 0) break;
      rows.push(...(await this.readLeads(leads.map((lead) => lead.id), window.limit - rows.length, window.backward)));
      from = leads.at(-1)!.position;
      if (leads.length < batch) break;
    }
    if (end && rows.length < window.limit) rows.push(...(await this.readLead(end[0] as number, tailOf(end[0] as number), window.limit - rows.length, window.backward)));
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
    const leadParams = this.sort === 'PERIOD' ? [pgArray(this.selection.periodIds)] : this.selection.unitIds ? [pgArray(this.selection.unitIds)] : [];
    const [{ count }] = await this.em.execute(`select count(*)::int as count from indicator_value v where ${lead} and ${filters.sql}`, [...leadParams, ...filters.params]);
    return count;
  }
}
