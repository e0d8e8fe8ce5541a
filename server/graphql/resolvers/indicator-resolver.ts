import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { fromNumeric } from '../../db/numeric';
import { reachableUnits } from '../../db/unit-reach';
import { AdministrativeUnit, Indicator, IndicatorValue, Period, SourceDocument, ValueKind } from '../../entities';
import type { GraphQLContext } from '../context';
import { badInput, notFound, parseDate, parseId } from '../errors';

@InputType({ description: 'Which indicator values to return; every condition given must hold' })
export class IndicatorValueFilter {
  @Field(() => ID, { nullable: true, description: 'Administrative unit' })
  unitId?: string;

  @Field({ defaultValue: false, description: 'Also the units below unitId' })
  includeDescendants!: boolean;

  @Field({ defaultValue: false, description: 'Also the units unitId was formed from (2025 reorganisation), and theirs, recursively' })
  includePredecessors!: boolean;

  @Field(() => String, { nullable: true, description: 'Only periods starting on or after this date (YYYY-MM-DD)' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Only periods ending on or before this date (YYYY-MM-DD)' })
  to?: string;

  @Field(() => [ValueKind], { nullable: true })
  kinds?: ValueKind[];

  @Field(() => [String], { nullable: true, description: 'Indicator keys, e.g. ["POOR_HOUSEHOLD_RATE"]' })
  indicatorKeys?: string[];
}

async function checkIndicatorKeys(em: EntityManager, keys: string[]): Promise<void> {
  const known = new Set((await em.find(Indicator, { key: { $in: keys } })).map((indicator) => indicator.key));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length) throw notFound('indicator', 'chỉ tiêu', unknown.join(', '));
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator])
  indicators(@Ctx() { em }: GraphQLContext): Promise<Indicator[]> {
    return em.find(Indicator, {}, { orderBy: { key: 'asc' } });
  }

  @Query(() => [Period])
  periods(@Ctx() { em }: GraphQLContext): Promise<Period[]> {
    return em.find(Period, {}, { orderBy: { startsOn: 'asc', endsOn: 'desc' } });
  }

  @Query(() => [IndicatorValue], {
    description: 'Baselines, targets and actuals, filtered by unit, period range, kind and indicator; only units you may read unless the server makes indicators public',
  })
  async indicatorValues(
    @Ctx() { em, access, publicIndicators }: GraphQLContext,
    @Arg('filter', () => IndicatorValueFilter, { defaultValue: {} }) filter: IndicatorValueFilter,
  ): Promise<IndicatorValue[]> {
    const where: Record<string, unknown> = {};
    if (filter.unitId) {
      const unitId = parseId(filter.unitId, 'administrative unit', 'đơn vị hành chính');
      if (!(await em.findOne(AdministrativeUnit, unitId))) throw notFound('administrative unit', 'đơn vị hành chính', filter.unitId);
      where.unit = { $in: await reachableUnits(em, unitId, { children: filter.includeDescendants, predecessors: filter.includePredecessors }) };
    }
    const from = filter.from ? parseDate(filter.from, 'from') : null;
    const to = filter.to ? parseDate(filter.to, 'to') : null;
    if (from && to && from > to) {
      throw badInput('to', `Khoảng thời gian ngược: từ ${from} đến ${to}`, `The period range is backwards: from ${from} to ${to}`);
    }
    if (from || to) where.period = { ...(from ? { startsOn: { $gte: from } } : {}), ...(to ? { endsOn: { $lte: to } } : {}) };
    if (filter.kinds?.length) where.kind = { $in: filter.kinds };
    if (filter.indicatorKeys?.length) {
      await checkIndicatorKeys(em, filter.indicatorKeys);
      where.indicator = { key: { $in: filter.indicatorKeys } };
    }
    const readable = access.unitsFor('READ');
    if (!publicIndicators && readable !== 'ALL') where.$and = [{ unit: { $in: readable } }];
    return em.find(IndicatorValue, where, { orderBy: { indicator: { key: 'asc' }, unit: { id: 'asc' }, period: { startsOn: 'asc' }, kind: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Values of this indicator, optionally for one unit' })
  async values(
    @Root() indicator: Indicator,
    @Ctx() { loaders, access, publicIndicators }: GraphQLContext,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string,
  ): Promise<IndicatorValue[]> {
    const values = await loaders.byParent(IndicatorValue, 'indicator', 'id').load(indicator.id);
    return values.filter((value) => (!unitId || String(value.unit.id) === unitId) && (publicIndicators || access.can('READ', value.unit.id)));
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @FieldResolver(() => String, { description: 'Exact decimal string in the indicator\'s unit ("0.8" for 0,80 %)' })
  value(@Root() value: IndicatorValue): string {
    return fromNumeric(value.value);
  }

  @FieldResolver(() => Indicator)
  async indicator(@Root() value: IndicatorValue, @Ctx() { loaders }: GraphQLContext): Promise<Indicator> {
    return (await loaders.byId(Indicator).load(value.indicator.id))!;
  }

  @FieldResolver(() => AdministrativeUnit)
  async unit(@Root() value: IndicatorValue, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(value.unit.id))!;
  }

  @FieldResolver(() => Period)
  async period(@Root() value: IndicatorValue, @Ctx() { loaders }: GraphQLContext): Promise<Period> {
    return (await loaders.byId(Period).load(value.period.id))!;
  }

  @FieldResolver(() => SourceDocument, { nullable: true })
  sourceDocument(@Root() value: IndicatorValue, @Ctx() { loaders }: GraphQLContext): Promise<SourceDocument | null> | null {
    return value.sourceDocument ? loaders.byId(SourceDocument).load(value.sourceDocument.id) : null;
  }
}
