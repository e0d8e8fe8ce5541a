import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit, UnitLevel, UnitSuccession } from '../../entities';
import type { GraphQLContext } from '../context';
import { vietnamToday } from '../../../domain/reporting/calendar';
import { Refusal, badInput, notFound, parseDate, parseId } from '../../../domain/refusal';
import { foldUnitName } from '../../../domain/units/unit-names';
import { searchUnits } from './unit-search';
import { connectionType, type ConnectionValue } from '../connections/connection-type';
import { entityConnection, type EntityOrder } from '../connections/entity-pages';
import { legacyList } from '../connections/legacy-lists';
import { PageArgs } from '../connections/page-arguments';

const UnitConnection = connectionType(AdministrativeUnit, 'AdministrativeUnit', 'administrative units');
const UNIT_ORDER: EntityOrder<AdministrativeUnit> = {
  name: 'AdministrativeUnit',
  keys: [
    { property: 'code', type: 'text' },
    { property: 'validFrom', type: 'date' },
    { property: 'id', type: 'int' },
  ],
};

/** Units by level, code and the day they existed on (all records ever without asOf). */
function unitsWhere(asOf: string | null | undefined, level: UnitLevel | null | undefined, code: string | null | undefined): Record<string, unknown> {
  const date = asOf === undefined || asOf === null ? null : parseDate(asOf, 'asOf');
  return { ...(level ? { level } : {}), ...(code ? { code } : {}), ...(date ? { validFrom: { $lte: date }, $or: [{ validTo: null }, { validTo: { $gte: date } }] } : {}) };
}

const AS_OF = 'Only the units that existed on this day (YYYY-MM-DD); every record ever when omitted';
const LEVEL = 'Only units of this level';
const CODE = 'Only units with this official code (mã đơn vị hành chính), e.g. "92"';

function validOn(unit: AdministrativeUnit, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);
}

@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  @Query(() => UnitConnection, {
    description: 'Administrative units (đơn vị hành chính) a page at a time, by code then validity: all records ever (asOf omitted) or those that existed on asOf',
  })
  unitsConnection(
    @Ctx() { em }: GraphQLContext,
    @Args() page: PageArgs,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('level', () => UnitLevel, { nullable: true, description: LEVEL }) level?: UnitLevel,
    @Arg('code', () => String, { nullable: true, description: CODE }) code?: string,
  ): Promise<ConnectionValue<AdministrativeUnit>> {
    return entityConnection(em, AdministrativeUnit, UNIT_ORDER, unitsWhere(asOf, level, code), page, { asOf, level, code });
  }

  @Query(() => [AdministrativeUnit], {
    description: 'Administrative units, all records ever (asOf omitted) or those that existed on asOf (YYYY-MM-DD); at most 20,000',
    deprecationReason: 'Use unitsConnection: the same arguments, a page at a time',
  })
  units(
    @Ctx() { em }: GraphQLContext,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('level', () => UnitLevel, { nullable: true, description: LEVEL }) level?: UnitLevel,
    @Arg('code', () => String, { nullable: true, description: CODE }) code?: string,
  ): Promise<AdministrativeUnit[]> {
    return legacyList('units', 'unitsConnection', (limit) => em.find(AdministrativeUnit, unitsWhere(asOf, level, code), { orderBy: { code: 'asc', validFrom: 'asc' }, limit }));
  }

  @Query(() => [AdministrativeUnit], {
    description:
      'Units by name, with or without diacritics and type ("can tho", "TP. Cần Thơ", "xa dat mui"), or by code; every match, ' +
      'exact names first, each with its parent to tell namesakes apart. Optionally of one level, or existing on asOf.',
  })
  async searchUnits(
    @Ctx() { em }: GraphQLContext,
    @Arg('query', { description: 'Name (with or without diacritics and type, e.g. "can tho") or official code' }) query: string,
    @Arg('level', () => UnitLevel, { description: 'Only units of this level', nullable: true }) level?: UnitLevel,
    @Arg('asOf', () => String, { description: 'Only units that existed on this day (YYYY-MM-DD)', nullable: true }) asOf?: string,
    @Arg('limit', () => Int, { description: 'Most matches to answer, 1 to 500', defaultValue: 50 }) limit: number = 50,
  ): Promise<AdministrativeUnit[]> {
    if (limit < 1 || limit > 500) throw badInput('limit', 'limit phải từ 1 đến 500', 'limit must be between 1 and 500');
    return searchUnits(em, { query, level, asOf: asOf ? parseDate(asOf, 'asOf') : null, limit });
  }

  @Query(() => AdministrativeUnit, {
    description: 'The one unit with exactly this name (with or without diacritics and type) or code on asOf; an error lists every candidate when several match',
  })
  async findUnit(
    @Ctx() { em }: GraphQLContext,
    @Arg('name', { description: 'Exact name (with or without diacritics and type) or official code' }) name: string,
    @Arg('asOf', () => String, { description: 'Only units that existed on this day (YYYY-MM-DD)', nullable: true }) asOf?: string,
    @Arg('level', () => UnitLevel, { description: 'Only units of this level', nullable: true }) level?: UnitLevel,
  ): Promise<AdministrativeUnit> {
    const found = await searchUnits(em, { query: name, level, asOf: asOf ? parseDate(asOf, 'asOf') : null, limit: 500 });
    const wanted = foldUnitName(name).name;
    const exact = found.filter((unit) => unit.searchName === wanted || unit.code === name.trim());
    if (exact.length === 0) throw notFound('administrative unit', 'đơn vị hành chính', name);
    if (exact.length > 1) {
      const parents = await em.find(AdministrativeUnit, { id: { $in: exact.map((unit) => unit.parent?.id ?? 0) } });
      const parentName = new Map(parents.map((parent) => [parent.id, parent.name]));
      const candidates = exact.map((unit) => ({ id: String(unit.id), key: unit.key, name: unit.name, parent: unit.parent ? parentName.get(unit.parent.id) ?? null : null }));
      const listed = candidates.map((unit) => `${unit.name}${unit.parent ? ` (${unit.parent})` : ''} [${unit.key}]`).join('; ');
      throw new Refusal('AMBIGUOUS', `Có ${exact.length} đơn vị tên "${name}": ${listed}; hãy chọn theo mã hoặc id`, `${exact.length} units are named "${name}": ${listed}; choose by code or id`, { candidates });
    }
    return exact[0];
  }

  @Query(() => [AdministrativeUnit], { description: 'Top-level units (provinces) on asOf (default today); walk down with children(asOf)' })
  async unitTree(@Ctx() { em }: GraphQLContext, @Arg('asOf', () => String, { description: 'Day the tree is taken as of (YYYY-MM-DD); default today', nullable: true }) asOf?: string): Promise<AdministrativeUnit[]> {
    const date = asOf ? parseDate(asOf, 'asOf') : vietnamToday();
    const roots = await em.find(AdministrativeUnit, { parent: null }, { orderBy: { code: 'asc' } });
    return roots.filter((unit) => validOn(unit, date));
  }

  @Query(() => AdministrativeUnit, { description: 'An administrative unit by id' })
  async unit(@Ctx() { loaders }: GraphQLContext, @Arg('id', () => ID, { description: 'Identifier of the unit' }) id: string): Promise<AdministrativeUnit> {
    const unit = await loaders.byId(AdministrativeUnit).load(parseId(id, 'administrative unit', 'đơn vị hành chính'));
    if (!unit) throw notFound('administrative unit', 'đơn vị hành chính', id);
    return unit;
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The unit directly above it; empty for a province', nullable: true })
  parent(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit | null> | null {
    return unit.parent ? loaders.byId(AdministrativeUnit).load(unit.parent.id) : null;
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'Units directly below this one on asOf (default today); all records if asOf is "*"' })
  async children(
    @Root() unit: AdministrativeUnit,
    @Ctx() { loaders }: GraphQLContext,
    @Arg('asOf', () => String, { description: 'Only units below that existed on this day (YYYY-MM-DD); default today', nullable: true }) asOf?: string,
  ): Promise<AdministrativeUnit[]> {
    const children = await loaders.byParent(AdministrativeUnit, 'parent', 'code').load(unit.id);
    if (asOf === '*') return children;
    const date = asOf ? parseDate(asOf, 'asOf') : vietnamToday();
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
    description: 'The units this unit\'s data rolls up into on asOf (default today): itself if it still exists, else its successors, followed through every reorganisation; ' +
      'a unit of the past that went into no successor, through its parent',
  })
  async rollsUpInto(
    @Root() unit: AdministrativeUnit,
    @Ctx() { loaders }: GraphQLContext,
    @Arg('asOf', () => String, { description: 'Day whose units it rolls up into (YYYY-MM-DD); default today', nullable: true }) asOf?: string,
  ): Promise<AdministrativeUnit[]> {
    const date = asOf ? parseDate(asOf, 'asOf') : vietnamToday();
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
        const links = (await loaders.byParent(UnitSuccession, 'predecessor', 'effectiveOn').load(current.id)).filter((link) => link.effectiveOn <= date);
        // A unit of the past that went into no successor stays in its parent, as in the roll-ups (the communes no source maps).
        const ended = current.validTo !== null && current.validTo < date;
        const targets = links.length > 0 ? links.map((link) => link.successor.id) : ended && current.parent ? [current.parent.id] : [];
        const found = await loaders.byId(AdministrativeUnit).loadMany(targets);
        next.push(...found.filter((item): item is AdministrativeUnit => item instanceof AdministrativeUnit));
      }
      frontier = next;
    }
    return [...result.values()];
  }
}

@Resolver(() => UnitSuccession)
export class UnitSuccessionResolver {
  @FieldResolver(() => AdministrativeUnit, { description: 'The unit before the change' })
  async predecessor(@Root() link: UnitSuccession, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(link.predecessor.id))!;
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The unit after the change' })
  async successor(@Root() link: UnitSuccession, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(link.successor.id))!;
  }
}
