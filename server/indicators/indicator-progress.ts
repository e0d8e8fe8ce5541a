import type { EntityManager } from '@mikro-orm/postgresql';
import { FlowNetwork, ROOT_INDEX } from '../../domain/indicators/flow-network';
import { assessProgress, type Comparator, type Progress } from '../../domain/indicators/progress';
import { recomputedRate, type RollUp } from '../../domain/indicators/roll-up';
import { IndicatorAggregation, ValueKind, type Indicator } from '../entities';
import { loadRecordedValues, VALUE_SCALE, type PeriodRecord, type RecordedSlot, type RecordedValues } from './recorded-values';
import { NATION, unitGraphAsOf } from './unit-graph';

export interface ProgressPoint {
  periodKey: string;
  periodEnd: string;
  value: string | null;
  comparator: Comparator;
  /** True when the value was rolled up from other units rather than recorded for this one. */
  rolledUp: boolean;
  problem: string | null;
}

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
 * from baseline to the furthest target. The hierarchy of the date is read once for all subjects; per
 * subject, the flow network is compiled and the values are read once for all indicators, and each
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
  const results: IndicatorProgressResult[][] = [];
  for (const unitId of subjects) {
    const network = FlowNetwork.of(graph, unitId ?? NATION);
    const recorded = await loadRecordedValues(em, network, [...needed], range);
    const rollUps = new Map<RecordedSlot | undefined, RollUp>();
    const rollUp = (slot: RecordedSlot | undefined): RollUp => {
      let result = rollUps.get(slot);
      if (!result) {
        result = network.rollUp(slot?.values ?? [], VALUE_SCALE);
        rollUps.set(slot, result);
      }
      return result;
    };
    results.push(indicators.map((indicator) => progressOf(indicator, recorded, rollUp)));
  }
  return results;
}

/**
 * The units one level below a unit (null: the top-level units) on `asOf`, by name: those of the date
 * for a unit that exists then, all of its children for a unit of the past (as the roll-up reads them).
 */
export async function childUnitsAsOf(em: EntityManager, unitId: number | null, asOf: string): Promise<number[]> {
  const rows: { id: number }[] = await em.execute(
    `select child.id from administrative_unit child
       left join administrative_unit parent on parent.id = child.parent_id
      where child.parent_id is not distinct from ?::int
        and ((child.valid_from <= ?::date and (child.valid_to is null or child.valid_to >= ?::date))
             or (parent.id is not null and not (parent.valid_from <= ?::date and (parent.valid_to is null or parent.valid_to >= ?::date))))
      order by child.name, child.id`,
    [unitId, asOf, asOf, asOf, asOf],
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
