import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { foldLabel } from '../../../domain/label-match';
import { AdministrativeUnit, Plan, PlanTable, ProgramPhase, SourceDocument } from '../../entities';
import type { GraphQLContext } from '../context';
import { createPlan, deletePlan, updatePlan } from '../../plans/plan-editing';
import { Refusal, notReadable, parseId } from '../../../domain/refusal';
import { CreatePlanInput, UpdatePlanInput } from '../types/plan-types';
import { connectionType, type ConnectionValue } from '../connections/connection-type';
import { entityConnection, type EntityOrder } from '../connections/entity-pages';
import { legacyList } from '../connections/legacy-lists';
import { PageArgs } from '../connections/page-arguments';

const PlanConnection = connectionType(Plan, 'Plan', 'plans');
const PLAN_ORDER: EntityOrder<Plan> = { name: 'Plan', keys: [{ property: 'periodStart', type: 'date' }, { property: 'id', type: 'int' }] };
const SourceDocumentConnection = connectionType(SourceDocument, 'SourceDocument', 'source documents');
const DOCUMENT_ORDER: EntityOrder<SourceDocument> = { name: 'SourceDocument', keys: [{ property: 'id', type: 'int' }] };

const DOCUMENT_NUMBER = 'Only plans with this document number (số hiệu văn bản), e.g. "132/KH-UBND"';
const ISSUING_UNIT = 'Only plans issued by this unit';

/** Plans by document number and issuing unit, among those of units the caller may read. */
function plansWhere(access: GraphQLContext['access'], documentNumber?: string, issuingUnitId?: string): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (documentNumber) where.documentNumber = documentNumber.trim();
  if (issuingUnitId) where.issuingUnit = parseId(issuingUnitId, 'administrative unit', 'đơn vị hành chính');
  const readable = access.unitsFor('READ');
  if (readable !== 'ALL') where.$and = [{ issuingUnit: { $in: readable } }];
  return where;
}

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => PlanConnection, { description: 'Plans (kế hoạch) of the units you may read, a page at a time, by the start of the period they cover' })
  plansConnection(
    @Ctx() { em, access }: GraphQLContext,
    @Args() page: PageArgs,
    @Arg('documentNumber', () => String, { nullable: true, description: DOCUMENT_NUMBER }) documentNumber?: string,
    @Arg('issuingUnitId', () => ID, { nullable: true, description: ISSUING_UNIT }) issuingUnitId?: string,
  ): Promise<ConnectionValue<Plan>> {
    return entityConnection(em, Plan, PLAN_ORDER, plansWhere(access, documentNumber, issuingUnitId), page, { documentNumber, issuingUnitId });
  }

  @Query(() => [Plan], {
    description: 'Plans, optionally by document number (e.g. "132/KH-UBND") and issuing unit; at most 20,000',
    deprecationReason: 'Use plansConnection: the same arguments, a page at a time',
  })
  plans(
    @Ctx() { em, access }: GraphQLContext,
    @Arg('documentNumber', () => String, { nullable: true, description: DOCUMENT_NUMBER }) documentNumber?: string,
    @Arg('issuingUnitId', () => ID, { nullable: true, description: ISSUING_UNIT }) issuingUnitId?: string,
  ): Promise<Plan[]> {
    return legacyList('plans', 'plansConnection', (limit) => em.find(Plan, plansWhere(access, documentNumber, issuingUnitId), { orderBy: { issuedOn: 'asc', id: 'asc' }, limit }));
  }

  @Query(() => Plan, { description: 'A plan (Kế hoạch) by id' })
  async plan(@Ctx() { loaders, access }: GraphQLContext, @Arg('id', () => ID, { description: 'Identifier of the plan' }) id: string): Promise<Plan> {
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
    @Arg('documentNumber', { description: 'Document number of the plan, e.g. "132/KH-UBND"' }) documentNumber: string,
    @Arg('title', { description: 'Title of the table, e.g. "Phụ lục 2"' }) title: string,
    @Arg('issuingUnitId', () => ID, { description: 'Identifier of the unit that issued the plan, when several units used the same document number', nullable: true }) issuingUnitId?: string,
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
      throw new Refusal(
        'AMBIGUOUS',
        `Có ${tables.length} bảng "${label}" của các đơn vị khác nhau; hãy chỉ rõ issuingUnitId`,
        `${tables.length} tables match "${label}" in different units; pass issuingUnitId`,
        { planIds: tables.map((table) => String(table.plan.id)) },
      );
    }
    return tables[0];
  }

  @Mutation(() => Plan, { description: 'Create a plan of a unit you edit (an editor of the unit, or an administrator above it)' })
  createPlan(@Ctx() { em, access }: GraphQLContext, @Arg('input', { description: 'The plan to create' }) input: CreatePlanInput): Promise<Plan> {
    return createPlan(em, access, input);
  }

  @Mutation(() => Plan, { description: 'Change a plan of a unit you edit' })
  updatePlan(@Ctx() { em, access }: GraphQLContext, @Arg('id', () => ID, { description: 'Identifier of the plan' }) id: string, @Arg('input', { description: 'The fields to change' }) input: UpdatePlanInput): Promise<Plan> {
    return updatePlan(em, access, id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete a plan and its tables, while none of its tables was ever submitted' })
  deletePlan(@Ctx() { em, access }: GraphQLContext, @Arg('id', () => ID, { description: 'Identifier of the plan' }) id: string): Promise<boolean> {
    return deletePlan(em, access, id);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The administrative unit that issued the plan' })
  async issuingUnit(@Root() plan: Plan, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(plan.issuingUnit.id))!;
  }

  @FieldResolver(() => ProgramPhase, { description: 'The program phase the plan implements, e.g. 2021–2025' })
  async phase(@Root() plan: Plan, @Ctx() { loaders }: GraphQLContext): Promise<ProgramPhase> {
    return (await loaders.byId(ProgramPhase).load(plan.phase.id))!;
  }

  @FieldResolver(() => SourceDocument, { description: 'The document the plan was published in; empty when not recorded', nullable: true })
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
  @Query(() => SourceDocumentConnection, { description: 'Source documents (văn bản nguồn) figures were taken from, a page at a time, oldest first' })
  documentsConnection(@Ctx() { em }: GraphQLContext, @Args() page: PageArgs): Promise<ConnectionValue<SourceDocument>> {
    return entityConnection(em, SourceDocument, DOCUMENT_ORDER, {}, page, {});
  }

  @Query(() => [SourceDocument], { description: 'Source documents figures were taken from; at most 20,000', deprecationReason: 'Use documentsConnection, a page at a time' })
  documents(@Ctx() { em }: GraphQLContext): Promise<SourceDocument[]> {
    return legacyList('documents', 'documentsConnection', (limit) => em.find(SourceDocument, {}, { orderBy: { id: 'asc' }, limit }));
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The administrative unit that issued the document' })
  async issuingUnit(@Root() document: SourceDocument, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit> {
    return (await loaders.byId(AdministrativeUnit).load(document.issuingUnit.id))!;
  }
}
