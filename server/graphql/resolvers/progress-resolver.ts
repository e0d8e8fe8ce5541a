import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { AdministrativeUnit, Comparator, Indicator, ProgressBreakdown, ProgressStatus } from '../../entities';
import { indicatorProgress, unitsBelowAsOf } from '../../indicators/indicator-progress';
import type { GraphQLContext } from '../context';
import { vietnamToday } from '../../../domain/reporting/calendar';
import { Refusal, badInput, notFound, notReadable, parseDate, parseId } from '../../../domain/refusal';

@ObjectType({ description: 'A value of one period, recorded for the unit or rolled up from the units that flow into it' })
class ProgressPoint {
  @Field({ description: 'Key of the period of the value, e.g. "2025"' }) periodKey!: string;
  @Field({ description: 'Last day of the period (YYYY-MM-DD)' }) periodEnd!: string;
  @Field(() => String, { nullable: true, description: 'Exact decimal; null when it cannot be known (see problem)' }) value!: string | null;
  @Field(() => Comparator, { description: 'How the figure is qualified as published: exactly, below, at least, about…' }) comparator!: Comparator;
  @Field({ description: 'True when the value was rolled up from other units rather than recorded for this one' }) rolledUp!: boolean;
  @Field(() => String, { nullable: true, description: 'NO_NUMERATOR, NO_DENOMINATOR or ZERO_DENOMINATOR for a rate that cannot be recomputed' })
  problem!: string | null;
}

@ObjectType({ description: 'Baseline, target, actual and progress of one indicator for one unit or the whole country' })
class IndicatorProgress {
  @Field(() => Indicator, { description: 'The indicator' }) indicator!: Indicator;
  @Field(() => AdministrativeUnit, { nullable: true, description: 'The unit the figures are for; null for the whole country' }) unit!: AdministrativeUnit | null;
  @Field(() => ProgressStatus, { description: 'Achieved, on track, at risk, off track, or not assessed' }) status!: ProgressStatus;
  @Field(() => String, { nullable: true, description: 'Actual minus target, an exact decimal string; empty without both' }) gap!: string | null;
  @Field(() => String, { nullable: true, description: 'Share of the planned change from baseline to target achieved, %' }) percentAchieved!: string | null;
  @Field(() => String, { nullable: true, description: 'Share of the time from baseline to target elapsed, %' }) percentElapsed!: string | null;
  @Field(() => ProgressPoint, { nullable: true, description: 'The earliest baseline' }) baseline!: ProgressPoint | null;
  @Field(() => ProgressPoint, { nullable: true, description: 'The furthest target' }) target!: ProgressPoint | null;
  @Field(() => ProgressPoint, { nullable: true, description: 'The latest actual' }) actual!: ProgressPoint | null;
  @Field(() => [ProgressPoint], { description: 'Actuals over time, oldest first' }) series!: ProgressPoint[];
  @Field(() => [AdministrativeUnit], { description: 'Units that should have contributed but recorded nothing (missing is not zero)' })
  unitsWithoutData!: AdministrativeUnit[];
  @Field(() => [AdministrativeUnit], { description: 'Units split without known shares, left out as not comparable' })
  notComparableUnits!: AdministrativeUnit[];
}

/**
 * The unit asked about, or null for the whole country. A unit the caller may not read is as unknown as
 * one that does not exist; the whole country is for national readers, or everyone when indicators are public.
 */
async function subjectOf(unitId: string | null | undefined, { access, publicIndicators, loaders }: GraphQLContext): Promise<AdministrativeUnit | null> {
  if (unitId == null) {
    if (publicIndicators || access.unitsFor('READ') === 'ALL') return null;
    const [hintVi, hintEn] = access.user ? ['', ''] : [': hãy đăng nhập', ': sign in'];
    throw new Refusal('NOT_FOUND', `Số liệu tổng hợp toàn quốc chỉ dành cho tài khoản có quyền xem toàn quốc${hintVi}`, `The national roll-up needs national read access${hintEn}`);
  }
  const id = parseId(unitId, 'administrative unit', 'đơn vị hành chính');
  const unit = await loaders.byId(AdministrativeUnit).load(id);
  if (!unit || (!publicIndicators && !access.can('READ', id))) throw notReadable(access, 'administrative unit', 'đơn vị hành chính', unitId);
  return unit;
}

@Resolver()
export class ProgressResolver {
  @Query(() => [IndicatorProgress], {
    description: '"Are we on track?": indicators of a unit, or of the whole country without unitId, on asOf (default today), rolled up across the hierarchy and the 2025 reorganisation; with breakdown CHILDREN or DESCENDANTS also the units below it, every unit\'s indicators in the order asked',
  })
  async indicatorProgress(
    @Ctx() context: GraphQLContext,
    @Arg('unitId', () => ID, { nullable: true, description: 'Omitted or null: the whole country, every top-level unit of asOf; for national read access or public indicators' })
    unitId: string | null | undefined,
    @Arg('indicatorKeys', () => [String], { description: 'Keys of the indicators, e.g. ["POOR_HOUSEHOLD_RATE"], answered in this order' }) indicatorKeys: string[],
    @Arg('asOf', () => String, { description: 'Day the units and values are taken as of (YYYY-MM-DD); default today', nullable: true }) asOf?: string,
    @Arg('from', () => String, { description: 'Only values of periods starting on or after this day (YYYY-MM-DD)', nullable: true }) from?: string,
    @Arg('to', () => String, { description: 'Only values of periods ending on or before this day (YYYY-MM-DD)', nullable: true }) to?: string,
    @Arg('breakdown', () => ProgressBreakdown, { description: 'Also the units one level below, or every unit below', defaultValue: ProgressBreakdown.NONE }) breakdown: ProgressBreakdown = ProgressBreakdown.NONE,
  ): Promise<IndicatorProgress[]> {
    const { em, loaders } = context;
    const unit = await subjectOf(unitId, context);
    const range = { from: from ? parseDate(from, 'from') : null, to: to ? parseDate(to, 'to') : null };
    if (range.from && range.to && range.from > range.to) {
      throw badInput('to', `Khoảng thời gian ngược: từ ${range.from} đến ${range.to}`, `The period range is backwards: from ${range.from} to ${range.to}`);
    }
    const indicators = await em.find(Indicator, { key: { $in: indicatorKeys } });
    const unknown = indicatorKeys.filter((key) => !indicators.some((indicator) => indicator.key === key));
    if (unknown.length) throw notFound('indicator', 'chỉ tiêu', unknown.join(', '));
    const ordered = indicatorKeys.map((key) => indicators.find((indicator) => indicator.key === key)!);
    const date = asOf ? parseDate(asOf, 'asOf') : vietnamToday();
    const subjectId = unit?.id ?? null;
    const below = breakdown === ProgressBreakdown.NONE ? [] : await unitsBelowAsOf(em, subjectId, date, breakdown === ProgressBreakdown.CHILDREN ? 'ONE' : 'ALL');
    const subjects = [subjectId, ...below];
    const results = await indicatorProgress(em, subjects, ordered, date, range);
    const unitsOf = async (ids: number[]) => (await loaders.byId(AdministrativeUnit).loadMany(ids)).filter((item): item is AdministrativeUnit => item instanceof AdministrativeUnit);
    const subjectUnits = await Promise.all(subjects.map((id) => (id === null ? null : loaders.byId(AdministrativeUnit).load(id))));
    return Promise.all(
      results.flatMap((ofSubject, at) =>
        ofSubject.map(async (result, index) => ({
          ...result,
          indicator: ordered[index],
          unit: subjectUnits[at] ?? null,
          status: result.status as ProgressStatus,
          baseline: result.baseline as ProgressPoint | null,
          target: result.target as ProgressPoint | null,
          actual: result.actual as ProgressPoint | null,
          series: result.series as ProgressPoint[],
          unitsWithoutData: await unitsOf(result.unitsWithoutData),
          notComparableUnits: await unitsOf(result.notComparableUnits),
        })),
      ),
    );
  }
}
