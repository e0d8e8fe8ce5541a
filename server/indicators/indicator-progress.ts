import type { EntityManager } from '@mikro-orm/postgresql';
import { ROOT_INDEX } from '../../domain/indicators/flow-network';
import { assessProgress, type Progress, type ProgressPoint } from '../../domain/indicators/progress';
import { recomputedRate, type RollUp } from '../../domain/indicators/roll-up';
import { IndicatorAggregation, ValueKind, type Indicator } from '../entities';
import { loadRecordedValues, projectRecordedValues, VALUE_SCALE, type PeriodRecord, type RecordedSlot, type RecordedValues } from './recorded-values';
import { pgArray } from '../db/numeric';
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

/**
 * The units below a unit (null: the whole country) on `asOf` — one level, or every level — each after
 * its parent, by name: the units each breaks down into in the roll-up graph of the date (see
 * DatedUnitGraph.breakdownOf), so that one level's figures add up to the unit's.
 */
export async function unitsBelowAsOf(em: EntityManager, unitId: number | null, asOf: string, levels: 'ONE' | 'ALL'): Promise<number[]> {
  const graph = await unitGraphAsOf(em, asOf);
  const below = new Map<number, number[]>();
  const pending = [unitId ?? NATION];
  while (pending.length) {
    const parent = pending.pop()!;
    const units = graph.breakdownOf(parent);
    below.set(parent, units);
    if (levels === 'ALL') pending.push(...units.filter((unit) => !below.has(unit)));
  }
  const all = [...new Set([...below.values()].flat())];
  const byName: { id: number }[] = all.length ? await em.execute(`select id from administrative_unit where id = any(?::int[]) order by name, id`, [pgArray(all)]) : [];
  const rank = new Map(byName.map((row, index) => [row.id, index]));
  const ordered = new Set<number>();
  const visit = (parent: number) => {
    for (const unit of [...below.get(parent)!].sort((a, b) => rank.get(a)! - rank.get(b)!)) {
      if (ordered.has(unit)) continue; // only a cycle in bad data meets a unit twice
      ordered.add(unit);
      if (below.has(unit)) visit(unit);
    }
  };
  visit(unitId ?? NATION);
  return [...ordered];
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
