import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit, UnitLevel, UnitSuccession } from '../../entities';
import type { GraphQLContext } from '../context';
import { notFound, parseDate, parseId, today } from '../errors';

function validOn(unit: AdministrativeUnit, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);
}

@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  @Query(() => [AdministrativeUnit], {
    description: 'Administrative units, all records ever (asOf omitted) or those that existed on asOf (YYYY-MM-DD)',
  })
  async units(
    @Ctx() { em }: GraphQLContext,
    @Arg('asOf', () => String, { nullable: true }) asOf?: string,
    @Arg('level', () => UnitLevel, { nullable: true }) level?: UnitLevel,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<AdministrativeUnit[]> {
    const date = asOf === undefined || asOf === null ? null : parseDate(asOf, 'asOf');
    return em.find(
      AdministrativeUnit,
      { ...(level ? { level } : {}), ...(code ? { code } : {}), ...(date ? { validFrom: { $lte: date }, $or: [{ validTo: null }, { validTo: { $gte: date } }] } : {}) },
      { orderBy: { code: 'asc', validFrom: 'asc' } },
    );
  }

  @Query(() => [AdministrativeUnit], { description: 'Top-level units (provinces) on asOf (default today); walk down with children(asOf)' })
  async unitTree(@Ctx() { em }: GraphQLContext, @Arg('asOf', () => String, { nullable: true }) asOf?: string): Promise<AdministrativeUnit[]> {
    const date = asOf ? parseDate(asOf, 'asOf') : today();
    const roots = await em.find(AdministrativeUnit, { parent: null }, { orderBy: { code: 'asc' } });
    return roots.filter((unit) => validOn(unit, date));
  }

  @Query(() => AdministrativeUnit)
  async unit(@Ctx() { loaders }: GraphQLContext, @Arg('id', () => ID) id: string): Promise<AdministrativeUnit> {
    const unit = await loaders.byId(AdministrativeUnit).load(parseId(id, 'administrative unit', 'đơn vị hành chính'));
    if (!unit) throw notFound('administrative unit', 'đơn vị hành chính', id);
    return unit;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  parent(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit | null> | null {
    return unit.parent ? loaders.byId(AdministrativeUnit).load(unit.parent.id) : null;
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'Units directly below this one on asOf (default today); all records if asOf is "*"' })
  async children(
    @Root() unit: AdministrativeUnit,
    @Ctx() { loaders }: GraphQLContext,
    @Arg('asOf', () => String, { nullable: true }) asOf?: string,
  ): Promise<AdministrativeUnit[]> {
    const children = await loaders.byParent(AdministrativeUnit, 'parent', 'code').load(unit.id);
    if (asOf === '*') return children;
    const date = asOf ? parseDate(asOf, 'asOf') : today();
    return children.filter((child) => validOn(child, date));
  }

  @FieldResolver(() => [UnitSuccession], { description: 'Reorganisations this unit came out of' })
  predecessors(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: GraphQLContext): Promise<UnitSuccession[]> {
    return loaders.byParent(UnitSuccession, 'successor', 'effectiveOn').load(unit.id);
  }

  @FieldResolver(() => [UnitSuccession], { description: 'Reorganisations this unit went into' })
  successors(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: GraphQLContext): Promise<UnitSuccession[]> {
    return loaders.byParent(UnitSuccession, 'predecessor', 'effectiveOn').load(unit.id);
  }

  @FieldResolver(() => [AdministrativeUnit], {
    description: 'The units this unit\'s data rolls up into on asOf (default today): itself if it still exists, else its successors, followed through every reorganisation',
  })
  async rollsUpInto(
    @Root() unit: AdministrativeUnit,
    @Ctx() { loaders }: GraphQLContext,
    @Arg('asOf', () => String, { nullable: true }) asOf?: string,
  ): Promise<AdministrativeUnit[]> {
    const date = asOf ? parseDate(asOf, 'asOf') : today();
    const result = new Map<number, AdministrativeUnit>();
    const seen = new Set<number>();
    let frontier = [unit];
    while (frontier.length) {
      const next: AdministrativeUnit[] = [];
      for (const current of frontier) {
        if (seen.has(current.id)) continue;
        seen.add(current.id);
        if (validOn(current, date)) {
          result.set(current.id, current);
          continue;
        }
        const links = await loaders.byParent(UnitSuccession, 'predecessor', 'effectiveOn').load(current.id);
        const successors = await loaders.byId(AdministrativeUnit).loadMany(links.filter((link) => link.effectiveOn <= date).map((link) => link.successor.id));
        next.push(...successors.filter((item): item is AdministrativeUnit => item instanceof AdministrativeUnit));
      }
      frontier = next;
    }
    return [...result.values()];
  }
}

@Resolver(() => UnitSuccession)
export class UnitSuccessionResolver {
  @FieldResolver(() => AdministrativeUnit)
  async predecessor(@Root() link: UnitSuccession, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(link.predecessor.id))!;
  }

  @FieldResolver(() => AdministrativeUnit)
  async successor(@Root() link: UnitSuccession, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(link.successor.id))!;
  }
}
