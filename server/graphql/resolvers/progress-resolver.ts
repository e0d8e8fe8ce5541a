import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { AdministrativeUnit, Comparator, Indicator, ProgressStatus } from '../../entities';
import { indicatorProgress } from '../../indicators/indicator-progress';
import type { GraphQLContext } from '../context';
import { badInput, notFound, parseDate, parseId, today } from '../errors';

@ObjectType({ description: 'A value of one period, recorded for the unit or rolled up from the units that flow into it' })
class ProgressPoint {
  @Field() periodKey!: string;
  @Field() periodEnd!: string;
  @Field(() => String, { nullable: true, description: 'Exact decimal; null when it cannot be known (see problem)' }) value!: string | null;
  @Field(() => Comparator) comparator!: Comparator;
  @Field() rolledUp!: boolean;
  @Field(() => String, { nullable: true, description: 'NO_NUMERATOR, NO_DENOMINATOR or ZERO_DENOMINATOR for a rate that cannot be recomputed' })
  problem!: string | null;
}

@ObjectType({ description: 'Baseline, target, actual and progress of one indicator for one unit' })
class IndicatorProgress {
  @Field(() => Indicator) indicator!: Indicator;
  @Field(() => AdministrativeUnit) unit!: AdministrativeUnit;
  @Field(() => ProgressStatus) status!: ProgressStatus;
  @Field(() => String, { nullable: true, description: 'actual − target' }) gap!: string | null;
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

@Resolver()
export class ProgressResolver {
  @Query(() => [IndicatorProgress], { description: '"Are we on track?": indicators of a unit on asOf (default today), rolled up across the hierarchy and the 2025 reorganisation' })
  async indicatorProgress(
    @Ctx() { em, access, publicIndicators, loaders }: GraphQLContext,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('indicatorKeys', () => [String]) indicatorKeys: string[],
    @Arg('asOf', () => String, { nullable: true }) asOf?: string,
    @Arg('from', () => String, { nullable: true }) from?: string,
    @Arg('to', () => String, { nullable: true }) to?: string,
  ): Promise<IndicatorProgress[]> {
    const id = parseId(unitId, 'administrative unit', 'đơn vị hành chính');
    const unit = await loaders.byId(AdministrativeUnit).load(id);
    if (!unit || (!publicIndicators && !access.can('READ', id))) throw notFound('administrative unit', 'đơn vị hành chính', unitId);
    const range = { from: from ? parseDate(from, 'from') : null, to: to ? parseDate(to, 'to') : null };
    if (range.from && range.to && range.from > range.to) {
      throw badInput('to', `Khoảng thời gian ngược: từ ${range.from} đến ${range.to}`, `The period range is backwards: from ${range.from} to ${range.to}`);
    }
    const indicators = await em.find(Indicator, { key: { $in: indicatorKeys } });
    const unknown = indicatorKeys.filter((key) => !indicators.some((indicator) => indicator.key === key));
    if (unknown.length) throw notFound('indicator', 'chỉ tiêu', unknown.join(', '));
    const ordered = indicatorKeys.map((key) => indicators.find((indicator) => indicator.key === key)!);
    const results = await indicatorProgress(em, id, ordered, asOf ? parseDate(asOf, 'asOf') : today(), range);
    const unitsOf = async (ids: number[]) => (await loaders.byId(AdministrativeUnit).loadMany(ids)).filter((item): item is AdministrativeUnit => item instanceof AdministrativeUnit);
    return Promise.all(
      results.map(async (result, index) => ({
        ...result,
        indicator: ordered[index],
        unit,
        status: result.status as ProgressStatus,
        baseline: result.baseline as ProgressPoint | null,
        target: result.target as ProgressPoint | null,
        actual: result.actual as ProgressPoint | null,
        series: result.series as ProgressPoint[],
        unitsWithoutData: await unitsOf(result.unitsWithoutData),
        notComparableUnits: await unitsOf(result.notComparableUnits),
      })),
    );
  }
}
