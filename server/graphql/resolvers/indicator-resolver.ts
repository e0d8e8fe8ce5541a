import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { fromNumeric } from '../../db/numeric';
import { AdministrativeUnit, Indicator, IndicatorValue, Period, SourceDocument } from '../../entities';
import { IndicatorValuePages, type IndicatorValueRow } from '../../indicators/indicator-value-pages';
import { selectIndicatorValues, type IndicatorValueSelection } from '../../indicators/indicator-value-query';
import { mapNodes, type ConnectionValue } from '../connections/connection-type';
import { paginate } from '../connections/keyset';
import { legacyList } from '../connections/legacy-lists';
import { PageArgs } from '../connections/page-arguments';
import type { GraphQLContext } from '../context';
import { IndicatorValueConnection, IndicatorValueFilter, IndicatorValueOrder, IndicatorValueSortField, SortDirection } from '../types/indicator-value-types';

const CONNECTION_HINT = 'indicatorValuesConnection';

/** The deprecated plain list's conditions and order (indicator key, unit, period, kind). */
function legacyWhere(selection: IndicatorValueSelection): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (selection.unitIds) where.unit = { $in: selection.unitIds };
  if (selection.periodsLimited) where.period = { $in: selection.periodIds };
  if (selection.kinds) where.kind = { $in: selection.kinds };
  if (selection.indicatorIds) where.indicator = { $in: selection.indicatorIds };
  if (selection.sourceDocumentIds) where.sourceDocument = { $in: selection.sourceDocumentIds };
  return where;
}

/** What IndicatorValue's fields read: an entity, or a page's row as it is (no entity built for each of its rows). */
type IndicatorValueNode = Pick<IndicatorValue, 'id' | 'kind' | 'value' | 'comparator' | 'quote'> & {
  indicator: { id: number };
  unit: { id: number };
  period: { id: number };
  sourceDocument: { id: number } | null;
};

function valueNode(row: IndicatorValueRow): IndicatorValueNode {
  const { id, kind, value, comparator, quote } = row;
  return { id, kind, value, comparator, quote, indicator: { id: row.indicator_id }, unit: { id: row.unit_id }, period: { id: row.period_id }, sourceDocument: row.source_document_id === null ? null : { id: row.source_document_id } };
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'Every indicator (chỉ tiêu) of the programme, by key' })
  indicators(@Ctx() { em }: GraphQLContext): Promise<Indicator[]> {
    return em.find(Indicator, {}, { orderBy: { key: 'asc' } });
  }

  @Query(() => [Period], { description: 'Every reporting period (kỳ báo cáo), chronologically' })
  periods(@Ctx() { em }: GraphQLContext): Promise<Period[]> {
    return em.find(Period, {}, { orderBy: { startsOn: 'asc', endsOn: 'desc' } });
  }

  @Query(() => IndicatorValueConnection, {
    description:
      'Baselines, targets and actuals, a page at a time: filtered by unit (with the units below it and those it was formed from), period range, kind, ' +
      'indicator and source document, sorted by period or unit; only units you may read unless the server makes indicators public. ' +
      'The same query as CSV: GET /indicator-values.csv (docs/api.md)',
  })
  async indicatorValuesConnection(
    @Ctx() { em, access, publicIndicators }: GraphQLContext,
    @Args() page: PageArgs,
    @Arg('filter', () => IndicatorValueFilter, { defaultValue: {}, description: 'Which values; every condition given must hold' }) filter: IndicatorValueFilter,
    @Arg('orderBy', () => IndicatorValueOrder, { defaultValue: { field: IndicatorValueSortField.PERIOD, direction: SortDirection.ASC }, description: 'The order of the values (default: by period, ascending)' })
    orderBy: IndicatorValueOrder,
  ): Promise<ConnectionValue<IndicatorValueNode>> {
    const selection = await selectIndicatorValues(em, access, publicIndicators, filter);
    const pages = new IndicatorValuePages(em, selection, orderBy.field, orderBy.direction === SortDirection.DESC);
    const list = { name: 'IndicatorValue', keys: pages.keys, keyOf: (row: IndicatorValueRow) => pages.keyOf(row) };
    const rows = await paginate(list, page, { filter, orderBy }, (window) => pages.read(window), () => pages.count());
    return mapNodes(rows, valueNode);
  }

  @Query(() => [IndicatorValue], {
    description: 'Baselines, targets and actuals, all at once (at most 20,000)',
    deprecationReason: 'Use indicatorValuesConnection: the same filter, a page at a time, sorted by period or unit',
  })
  async indicatorValues(
    @Ctx() { em, access, publicIndicators }: GraphQLContext,
    @Arg('filter', () => IndicatorValueFilter, { defaultValue: {}, description: 'Which values; every condition given must hold' }) filter: IndicatorValueFilter,
  ): Promise<IndicatorValue[]> {
    const where = legacyWhere(await selectIndicatorValues(em, access, publicIndicators, filter));
    return legacyList('indicatorValues', CONNECTION_HINT, (limit) =>
      em.find(IndicatorValue, where, { orderBy: { indicator: { key: 'asc' }, unit: { id: 'asc' }, period: { startsOn: 'asc' }, kind: 'asc', id: 'asc' }, limit }),
    );
  }

  @FieldResolver(() => [IndicatorValue], {
    description: 'Values of this indicator, optionally for one unit (at most 20,000)',
    deprecationReason: 'Use indicatorValuesConnection(filter: { indicatorKeys: [KEY], unitId: … })',
  })
  async values(
    @Root() indicator: Indicator,
    @Ctx() { em, access, publicIndicators }: GraphQLContext,
    @Arg('unitId', () => ID, { nullable: true, description: 'Only this unit\'s values' }) unitId?: string,
  ): Promise<IndicatorValue[]> {
    const selection = await selectIndicatorValues(em, access, publicIndicators, { unitId });
    const where = { ...legacyWhere(selection), indicator: indicator.id };
    return legacyList('Indicator.values', CONNECTION_HINT, (limit) => em.find(IndicatorValue, where, { orderBy: { id: 'asc' }, limit }));
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @FieldResolver(() => String, { description: 'Exact decimal string in the indicator\'s unit ("0.8" for 0,80 %)' })
  value(@Root() value: IndicatorValueNode): string {
    return fromNumeric(value.value);
  }

  @FieldResolver(() => Indicator, { description: 'The indicator (chỉ tiêu) measured' })
  async indicator(@Root() value: IndicatorValueNode, @Ctx() { loaders }: GraphQLContext): Promise<Indicator> {
    return (await loaders.byId(Indicator).load(value.indicator.id))!;
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The administrative unit (đơn vị hành chính) the value is for' })
  async unit(@Root() value: IndicatorValueNode, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(value.unit.id))!;
  }

  @FieldResolver(() => Period, { description: 'The period (kỳ) the value belongs to: a stock at its end, a flow over it' })
  async period(@Root() value: IndicatorValueNode, @Ctx() { loaders }: GraphQLContext): Promise<Period> {
    return (await loaders.byId(Period).load(value.period.id))!;
  }

  @FieldResolver(() => SourceDocument, { nullable: true, description: 'The document (văn bản) the figure was published in, when known' })
  sourceDocument(@Root() value: IndicatorValueNode, @Ctx() { loaders }: GraphQLContext): Promise<SourceDocument | null> | null {
    return value.sourceDocument ? loaders.byId(SourceDocument).load(value.sourceDocument.id) : null;
  }
}
