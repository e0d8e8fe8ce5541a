import type { EntityManager } from '@mikro-orm/postgresql';
import { ROOT_INDEX, type FlowNetwork } from '../../domain/indicators/flow-network';
import type { Comparator } from '../../domain/indicators/progress';
import { toCanonical } from '../../domain/exact-decimal';
import { fromScaled } from '../../domain/scaled-integer';
import { pgArray } from '../db/numeric';
import { Comparator as ComparatorKind, ValueKind } from '../entities';
import { readIntegers, readScaledDecimals } from './aggregated-lists';
import { NATION } from './unit-graph';

/** indicator_value.value is numeric(20,4): its text always has four decimals, so it reads as value × 10^4. */
export const VALUE_SCALE = 4;

export interface PeriodRecord {
  id: number;
  key: string;
  /** Last day (YYYY-MM-DD). */
  end: string;
}

/**
 * The values of one indicator, kind and period recorded for the units of a flow network, by unit index:
 * the arrays FlowNetwork.rollUp reads. A later record of a unit replaces an earlier one.
 */
export class RecordedSlot {
  readonly values: (bigint | undefined)[];
  private readonly comparators: (Comparator | undefined)[];
  private readonly recordIds: Int32Array;

  constructor(size: number) {
    this.values = new Array<bigint | undefined>(size);
    this.comparators = new Array<Comparator | undefined>(size);
    this.recordIds = new Int32Array(size);
  }

  record(index: number, recordId: number, value: bigint, comparator: Comparator): void {
    if (this.recordIds[index] > recordId) return;
    this.recordIds[index] = recordId;
    this.values[index] = value;
    this.comparators[index] = comparator;
  }

  /** The value recorded for the unit at `index` itself, as a canonical decimal. */
  own(index: number): { value: string; comparator: Comparator } | null {
    const value = this.values[index];
    return value === undefined ? null : { value: toCanonical(fromScaled(value, VALUE_SCALE)), comparator: this.comparators[index]! };
  }

  /**
   * The same records for a network inside the one they were read for: `positions[i]` is where unit i of
   * the inner network is in this slot, −1 where it is not. Null when none of them has a record.
   */
  project(positions: Int32Array): RecordedSlot | null {
    const inner = new RecordedSlot(positions.length);
    let any = false;
    positions.forEach((at, index) => {
      if (at < 0 || this.values[at] === undefined) return;
      inner.record(index, this.recordIds[at], this.values[at]!, this.comparators[at]!);
      any = true;
    });
    return any ? inner : null;
  }

  /** The comparator every recorded value of the slot has, or null when they differ. */
  commonComparator(): Comparator | null {
    let common: Comparator | undefined;
    for (const comparator of this.comparators) {
      if (comparator === undefined || comparator === common) continue;
      if (common !== undefined) return null;
      common = comparator;
    }
    return common ?? null;
  }
}

export interface RecordedValues {
  /** Periods of the range, whether or not anything is recorded for them. */
  periods: PeriodRecord[];
  slot(indicatorId: number, kind: ValueKind, periodId: number): RecordedSlot | undefined;
}

/** Comparators travel as one digit each (there are six): their place in this list, from 1. */
const COMPARATORS: readonly Comparator[] = Object.values(ComparatorKind);
const DIGIT_ONE = '1'.charCodeAt(0);

interface RecordGroup {
  indicator_id: number;
  kind: ValueKind;
  period_id: number;
  units: string;
  values: string;
  comparators: string;
}

/**
 * The national query is split by indicator into this many, sent at once on connections of their own (outside
 * a transaction): PostgreSQL aggregates half a million values on one core in most of a second, and the pieces
 * use the others — while Node reads the lists of the first piece back.
 */
const NATIONAL_PARTS = 2;

function partsOf(ids: readonly number[], count: number): number[][] {
  const parts = Array.from({ length: Math.min(count, ids.length) }, (): number[] => []);
  ids.forEach((id, index) => parts[index % parts.length].push(id));
  return parts;
}

/**
 * Every value of the given indicators recorded for a unit of the network in a period inside the range,
 * grouped per indicator, kind and period: a national roll-up reads about 500,000 values, which as rows
 * took PostgreSQL's output and the driver most of a second, and as lists (see aggregated-lists) about a
 * hundred rows. The roll-up index (indicator, kind, period, unit, id, with value and comparator included)
 * answers it alone and in the lists' order, by unit and then id, without a sort: the later record of a unit
 * comes later and wins, and no ids need to travel. Every kind is named so that it seeks the units of a
 * province rather than filtering all the values of an indicator. The whole country's network holds every unit that can have
 * a value on the date, so its query names none, and a value of a unit outside it (formed later) is skipped.
 */
export async function loadRecordedValues(
  em: EntityManager,
  network: FlowNetwork,
  indicatorIds: readonly number[],
  range: { from: string | null; to: string | null },
): Promise<RecordedValues> {
  const periods: PeriodRecord[] = await em.execute(
    `select id, key, to_char(ends_on, 'YYYY-MM-DD') as "end" from period
      where (?::date is null or starts_on >= ?::date) and (?::date is null or ends_on <= ?::date)`,
    [range.from, range.from, range.to, range.to],
  );
  const national = network.units[ROOT_INDEX] === NATION;
  const read = async (part: readonly number[]): Promise<RecordGroup[]> =>
    em.execute(
      `select indicator_id, kind, period_id, string_agg(unit_id::text, ',' order by unit_id, id) as units,
              string_agg(value::text, ',' order by unit_id, id) as "values",
              string_agg(array_position(string_to_array(?, ','), comparator::text)::text, '' order by unit_id, id) as comparators
         from indicator_value
        where indicator_id = any(?::int[]) and kind = any(?::text[]) and period_id = any(?::int[])${national ? '' : ' and unit_id = any(?::int[])'}
        group by indicator_id, kind, period_id`,
      [
        COMPARATORS.join(','),
        pgArray(part),
        pgArray(Object.values(ValueKind)),
        pgArray(periods.map((period) => period.id)),
        ...(national ? [] : [pgArray(network.units)]),
      ],
    );
  const slots = new Map<string, RecordedSlot>();
  const fill = (groups: RecordGroup[]) => {
    for (const group of groups) {
      const slot = new RecordedSlot(network.units.length);
      const values = readScaledDecimals(group.values, VALUE_SCALE);
      readIntegers(group.units).forEach((unitId, row) => {
        const index = network.indexOf(unitId);
        // In record order per unit: the row number orders a unit's records as their ids do.
        if (index !== undefined) slot.record(index, row, values[row], COMPARATORS[group.comparators.charCodeAt(row) - DIGIT_ONE]);
      });
      slots.set(`${group.indicator_id}|${group.kind}|${group.period_id}`, slot);
    }
  };
  if (periods.length) await Promise.all(partsOf(indicatorIds, national ? NATIONAL_PARTS : 1).map(async (part) => fill(await read(part))));
  return { periods, slot: (indicatorId, kind, periodId) => slots.get(`${indicatorId}|${kind}|${periodId}`) };
}

/** Values read for one flow network, seen from a network inside it (a unit of its breakdown). */
export function projectRecordedValues(recorded: RecordedValues, outer: FlowNetwork, inner: FlowNetwork): RecordedValues {
  const positions = Int32Array.from(inner.units, (id) => outer.indexOf(id) ?? -1);
  const projected = new Map<RecordedSlot, RecordedSlot | null>();
  return {
    periods: recorded.periods,
    slot: (indicatorId, kind, periodId) => {
      const slot = recorded.slot(indicatorId, kind, periodId);
      if (!slot) return undefined;
      if (!projected.has(slot)) projected.set(slot, slot.project(positions));
      return projected.get(slot) ?? undefined;
    },
  };
}
