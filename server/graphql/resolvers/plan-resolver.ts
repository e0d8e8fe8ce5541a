import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { foldLabel } from '../../../domain/label-match';
import { AdministrativeUnit, Plan, PlanTable, ProgramPhase, SourceDocument } from '../../entities';
import type { GraphQLContext } from '../context';
import { createPlan, deletePlan, updatePlan } from '../../plans/plan-editing';
import { notReadable, parseId, userError } from '../errors';
import { CreatePlanInput, UpdatePlanInput } from '../types/plan-types';

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => [Plan], { description: 'Plans, optionally by document number (e.g. "132/KH-UBND") and issuing unit' })
  plans(
    @Ctx() { em, access }: GraphQLContext,
    @Arg('documentNumber', () => String, { nullable: true }) documentNumber?: string,
    @Arg('issuingUnitId', () => ID, { nullable: true }) issuingUnitId?: string,
  ): Promise<Plan[]> {
    const where: Record<string, unknown> = {};
    if (documentNumber) where.documentNumber = documentNumber.trim();
    if (issuingUnitId) where.issuingUnit = parseId(issuingUnitId, 'administrative unit', 'đơn vị hành chính');
    const readable = access.unitsFor('READ');
    if (readable !== 'ALL') where.$and = [{ issuingUnit: { $in: readable } }];
    return em.find(Plan, where, { orderBy: { issuedOn: 'asc', id: 'asc' } });
  }

  @Query(() => Plan)
  async plan(@Ctx() { loaders, access }: GraphQLContext, @Arg('id', () => ID) id: string): Promise<Plan> {
    const plan = await loaders.byId(Plan).load(parseId(id, 'plan', 'kế hoạch'));
    if (!plan || !access.can('READ', plan.issuingUnit.id)) throw notReadable(access, 'plan', 'kế hoạch', id);
    return plan;
  }

  @Query(() => PlanTable, {
    description:
      'A plan table by its plan\'s document number and its title, e.g. ("132/KH-UBND", "Phụ lục 2"). Titles compare without case or diacritics. ' +
      'Document numbers repeat across provinces: pass issuingUnitId when more than one plan matches.',
  })
  async findTable(
    @Ctx() { em, access }: GraphQLContext,
    @Arg('documentNumber') documentNumber: string,
    @Arg('title') title: string,
    @Arg('issuingUnitId', () => ID, { nullable: true }) issuingUnitId?: string,
  ): Promise<PlanTable> {
    const where: Record<string, unknown> = { plan: { documentNumber: documentNumber.trim() } };
    if (issuingUnitId) (where.plan as Record<string, unknown>).issuingUnit = parseId(issuingUnitId, 'administrative unit', 'đơn vị hành chính');
    const wanted = foldLabel(title);
    const tables = (await em.find(PlanTable, where, { populate: ['plan'] })).filter(
      (table) => foldLabel(table.title) === wanted && access.can('READ', table.plan.issuingUnit.id),
    );
    const label = `${title} / ${documentNumber}`;
    if (tables.length === 0) throw notReadable(access, 'table', 'bảng', label);
    if (tables.length > 1) {
      throw userError(
        'AMBIGUOUS',
        `Có ${tables.length} bảng "${label}" của các đơn vị khác nhau; hãy chỉ rõ issuingUnitId`,
        `${tables.length} tables match "${label}" in different units; pass issuingUnitId`,
        { planIds: tables.map((table) => String(table.plan.id)) },
      );
    }
    return tables[0];
  }

  @Mutation(() => Plan, { description: 'Create a plan of a unit you edit (an editor of the unit, or an administrator above it)' })
  createPlan(@Ctx() { em, access }: GraphQLContext, @Arg('input') input: CreatePlanInput): Promise<Plan> {
    return createPlan(em, access, input);
  }

  @Mutation(() => Plan, { description: 'Change a plan of a unit you edit' })
  updatePlan(@Ctx() { em, access }: GraphQLContext, @Arg('id', () => ID) id: string, @Arg('input') input: UpdatePlanInput): Promise<Plan> {
    return updatePlan(em, access, id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete a plan and its tables, while none of its tables was ever submitted' })
  deletePlan(@Ctx() { em, access }: GraphQLContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return deletePlan(em, access, id);
  }

  @FieldResolver(() => AdministrativeUnit)
  async issuingUnit(@Root() plan: Plan, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(plan.issuingUnit.id))!;
  }

  @FieldResolver(() => ProgramPhase)
  async phase(@Root() plan: Plan, @Ctx() { loaders }: GraphQLContext): Promise<ProgramPhase> {
    return (await loaders.byId(ProgramPhase).load(plan.phase.id))!;
  }

  @FieldResolver(() => SourceDocument, { nullable: true })
  sourceDocument(@Root() plan: Plan, @Ctx() { loaders }: GraphQLContext): Promise<SourceDocument | null> | null {
    return plan.sourceDocument ? loaders.byId(SourceDocument).load(plan.sourceDocument.id) : null;
  }

  @FieldResolver(() => [PlanTable], { description: 'Appendix tables (Phụ lục), in published order' })
  tables(@Root() plan: Plan, @Ctx() { loaders }: GraphQLContext): Promise<PlanTable[]> {
    return loaders.byParent(PlanTable, 'plan', 'position').load(plan.id);
  }
}

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @Query(() => [SourceDocument])
  documents(@Ctx() { em }: GraphQLContext): Promise<SourceDocument[]> {
    return em.find(SourceDocument, {}, { orderBy: { id: 'asc' } });
  }

  @FieldResolver(() => AdministrativeUnit)
  async issuingUnit(@Root() document: SourceDocument, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(document.issuingUnit.id))!;
  }
}
