import type { EntityManager } from '@mikro-orm/postgresql';
import { ROOT_INDEX } from '../../domain/indicators/flow-network';
import { assessProgress, type Progress, type ProgressPoint } from '../../domain/indicators/progress';
import { recomputedRate, type RollUp } from '../../domain/indicators/roll-up';
import { IndicatorAggregation, ValueKind, type Indicator } from '../entities';
import { loadRecordedValues, projectRecordedValues, VALUE_SCALE, type PeriodRecord, type RecordedSlot, type RecordedValues } from './recorded-values';
import { NATION, unitGraphAsOf } from './unit-graph';

export interface IndicatorProgressResult extends Progress {
  indicatorKey: string;
  baseline: ProgressPoint | null;
  target: ProgressPoint | null;
  actual: ProgressPoint | null;
  /** Actuals over time, oldest first. */
  series: ProgressPoint[];
  unitsWithoutData: number[];
  notComparableUnits: number[];
}

/**
 * Baseline, target and actuals of indicators for each subject unit (null: the whole country) on `asOf`,
 * each recorded for the unit or rolled up from the units that flow into it; then the progress on the path
 * from baseline to the furthest target. The first subject is the one asked about, the others lie inside
 * it (its breakdown): the hierarchy of the date is read once, and so are the values, for the first
 * subject's flow network; the others see them through their own smaller networks. Per subject, each
 * (indicator, kind, period) is rolled up once, also when a rate reads it.
 */
export async function indicatorProgress(
  em: EntityManager,
  subjects: readonly (number | null)[],
  indicators: Indicator[],
  asOf: string,
  range: { from: string | null; to: string | null },
): Promise<IndicatorProgressResult[][]> {
  const graph = await unitGraphAsOf(em, asOf);
  const needed = new Set<number>();
  for (const indicator of indicators) {
    needed.add(indicator.id);
    if (indicator.numerator) needed.add(indicator.numerator.id);
    if (indicator.denominator) needed.add(indicator.denominator.id);
  }
  const outer = graph.network(subjects[0] ?? NATION);
  const outerValues = await loadRecordedValues(em, outer, [...needed], range);
  return subjects.map((unitId, index) => {
    const network = index === 0 ? outer : graph.network(unitId ?? NATION);
    const recorded = index === 0 ? outerValues : projectRecordedValues(outerValues, outer, network);
    const rollUps = new Map<RecordedSlot | undefined, RollUp>();
    const rollUp = (slot: RecordedSlot | undefined): RollUp => {
      let result = rollUps.get(slot);
      if (!result) {
        result = network.rollUp(slot?.values ?? [], VALUE_SCALE);
        rollUps.set(slot, result);
      }
      return result;
    };
    return indicators.map((indicator) => progressOf(indicator, recorded, rollUp));
  });
}

const validOn = (alias: string) => `(${alias}.valid_from <= x.as_of and (${alias}.valid_to is null or ${alias}.valid_to >= x.as_of))`;

/**
 * The units below a unit (null: the whole country) on `asOf` — one level, or every level — each
 * after its parent, by name: below a unit that exists on the date, the units of the date; below a
 * unit of the past, all of its children (as the roll-up reads them).
 */
export async function unitsBelowAsOf(em: EntityManager, unitId: number | null, asOf: string, levels: 'ONE' | 'ALL'): Promise<number[]> {
  const rows: { id: number }[] = await em.execute(
    `with recursive x(as_of, unit_id, all_levels) as (select ?::date, ?::int, ?::boolean),
     below(id, valid, path) as (
       select u.id, ${validOn('u')}, array[u.name || '|' || u.id]
         from x cross join administrative_unit u left join administrative_unit p on p.id = u.parent_id
        where u.parent_id is not distinct from x.unit_id and (${validOn('u')} or (p.id is not null and not ${validOn('p')}))
       union all
       select c.id, ${validOn('c')}, b.path || (c.name || '|' || c.id)
         from x cross join administrative_unit c join below b on c.parent_id = b.id
        where x.all_levels and (${validOn('c')} or not b.valid)
     )
     select id from below order by path`,
    [asOf, unitId, levels === 'ALL'],
  );
  return rows.map((row) => row.id);
}

function progressOf(indicator: Indicator, recorded: RecordedValues, rollUp: (slot: RecordedSlot | undefined) => RollUp): IndicatorProgressResult {
  const missing = new Set<number>();
  const notComparable = new Set<number>();
  const point = (kind: ValueKind, period: PeriodRecord, slot: RecordedSlot): ProgressPoint | null => {
    const own = slot.own(ROOT_INDEX);
    if (!own && indicator.aggregation === IndicatorAggregation.NONE) return null; // recorded for other units only; does not add up
    let result: RollUp & { problem?: string | null };
    if (own) {
      result = { value: own.value, missing: [], notComparable: [] };
    } else if (indicator.aggregation === IndicatorAggregation.RATIO && indicator.numerator && indicator.denominator) {
      const part = (id: number) => rollUp(recorded.slot(id, kind, period.id));
      result = recomputedRate(part(indicator.numerator.id), part(indicator.denominator.id), indicator.ratioScale ?? '1', indicator.decimals);
    } else {
      result = rollUp(slot);
    }
    result.missing.forEach((id) => missing.add(id));
    result.notComparable.forEach((id) => notComparable.add(id));
    return {
      periodKey: period.key,
      periodEnd: period.end,
      value: result.value,
      comparator: own?.comparator ?? slot.commonComparator() ?? 'EQ',
      rolledUp: !own && result.value !== null,
      problem: result.problem ?? null,
    };
  };
  const byEnd = (a: ProgressPoint, b: ProgressPoint) => a.periodEnd.localeCompare(b.periodEnd) || a.periodKey.localeCompare(b.periodKey);
  // Points of the periods that have any record of this kind, in the unit's scope; a point may carry
  // no value and a problem instead (a rate without denominator).
  const points = (kind: ValueKind) =>
    recorded.periods
      .map((period) => {
        const slot = recorded.slot(indicator.id, kind, period.id);
        return slot ? point(kind, period, slot) : null;
      })
      .filter((p): p is ProgressPoint => p !== null)
      .sort(byEnd);
  const series = points(ValueKind.ACTUAL);
  const baselines = points(ValueKind.BASELINE);
  const targets = points(ValueKind.TARGET);
  const baseline = baselines[0] ?? null;
  const target = targets[targets.length - 1] ?? null; // the furthest goal: "are we on track for it?"
  const actual = series[series.length - 1] ?? null;
  const dated = (p: ProgressPoint | null) => (p && p.value !== null ? { value: p.value, date: p.periodEnd } : null);
  const progress = assessProgress({
    direction: indicator.direction,
    baseline: dated(baseline),
    target: target && target.value !== null ? { value: target.value, date: target.periodEnd, comparator: target.comparator } : null,
    actual: dated(actual),
  });
  return { indicatorKey: indicator.key, ...progress, baseline, target, actual, series, unitsWithoutData: [...missing], notComparableUnits: [...notComparable] };
}
