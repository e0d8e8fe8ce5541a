import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit, PlanTable, ReportForm, ReportFormVersion, ReportingRound, User } from '../../entities';
import { cellKey } from '../../../domain/reporting/consolidated-figures';
import { adoptConsolidation } from '../../reporting/adoption';
import { consolidate, type Consolidation } from '../../reporting/consolidation';
import type { FormStructure } from '../../reporting/form-structure';
import { createReportForm, reviseReportForm } from '../../reporting/report-forms';
import { reportingStatus } from '../../reporting/reporting-status';
import { reportingTasks } from '../../reporting/reporting-tasks';
import { readableRounds } from '../../reporting/round-list';
import { roundFrom } from '../../reporting/round-access';
import { openReportingRound } from '../../reporting/round-opening';
import { actorName, type GraphQLContext } from '../context';
import { parseId } from '../../../domain/refusal';
import {
  CellContribution,
  ConsolidatedCell,
  ConsolidatedTable,
  CreateReportFormInput,
  IncludedStatus,
  OpenReportingRoundInput,
  ReportingStatus,
  ReportingTask,
} from '../types/reporting-types';
import type { Finding, GridRow } from '../types/table-sync-types';

const unitId = (id: string | null | undefined) => (id ? parseId(id, 'administrative unit', 'đơn vị hành chính') : null);
const roundId = (id: string) => parseId(id, 'reporting round', 'đợt báo cáo');

function consolidatedTable(result: Consolidation): ConsolidatedTable {
  const { view, snapshot } = result;
  const structure = view.round.formVersion.structure as FormStructure;
  const units = new Map(result.contributing.map((unit) => [unit.unitId, unit]));
  return {
    roundId: String(view.round.id),
    unitId: view.unit ? String(view.unit.id) : null,
    unitName: view.unit?.name ?? 'Cả nước',
    title: view.round.form.title,
    caption: structure.caption,
    unitOfMeasure: structure.unitOfMeasure,
    includedStatuses: result.included as IncludedStatus[],
    columns: snapshot.columns.map((column) => ({ ...column, type: column.type as never })),
    rows: snapshot.rows.map((row, r) => ({ ...row, kind: row.kind as never, values: snapshot.rowValues(r) }) as GridRow),
    cells: result.cells.map((cell) => ({
      ...cell,
      contributorsOf: async () =>
        ((await result.contributors()).get(cellKey(cell.rowKey, cell.columnKey)) ?? []).map((c) => {
          const { unitKey, unitName, share } = units.get(c.unitId)!;
          return { unitId: String(c.unitId), unitKey, unitName, value: c.value, share };
        }),
    })),
    rates: result.rates.map((rate) => ({ ...rate, problem: rate.problem as never })),
    contributingUnits: result.contributing.map((unit) => ({ ...unit, unitId: String(unit.unitId), tableId: String(unit.tableId), state: unit.state as never })),
    missingUnits: result.missing.map((unit) => ({ ...unit, unitId: String(unit.unitId), tableId: String(unit.tableId), state: unit.state as never })),
    notComparableUnits: result.notComparable.map((unit) => ({ ...unit, unitId: String(unit.unitId) })),
    findings: result.findings.map((finding) => ({ ...finding, preExisting: false }) as Finding),
  };
}

@Resolver(() => ReportForm)
export class ReportFormResolver {
  @Authorized()
  @Query(() => [ReportForm], { description: 'Report forms (biểu mẫu báo cáo), by title' })
  reportForms(@Ctx() context: GraphQLContext): Promise<ReportForm[]> {
    return context.em.find(ReportForm, {}, { orderBy: { title: 'asc' } });
  }

  @Authorized()
  @Mutation(() => ReportForm, { description: 'A form from a table\'s rows, columns and rules (approvers and administrators)' })
  createReportForm(@Ctx() context: GraphQLContext, @Arg('input', () => CreateReportFormInput, { description: 'The table, title, period type and reporting level of the form' }) input: CreateReportFormInput): Promise<ReportForm> {
    return createReportForm(context.em, context.access, { ...input, templateTableId: parseId(input.templateTableId, 'table', 'bảng') });
  }

  @Authorized()
  @Mutation(() => ReportFormVersion, { description: 'The table\'s current structure becomes the form\'s next version (the latest when unchanged); open rounds keep theirs' })
  reviseReportForm(@Ctx() context: GraphQLContext, @Arg('formId', () => ID, { description: 'Identifier of the form' }) formId: string, @Arg('templateTableId', () => ID, { description: 'Identifier of the table whose rows, columns and rules become the new version' }) templateTableId: string): Promise<ReportFormVersion> {
    return reviseReportForm(context.em, context.access, parseId(formId, 'report form', 'biểu mẫu báo cáo'), parseId(templateTableId, 'table', 'bảng'));
  }

  @FieldResolver(() => [ReportFormVersion], { description: 'Every structure the form has had, oldest first' })
  versions(@Root() form: ReportForm, @Ctx() { em }: GraphQLContext): Promise<ReportFormVersion[]> {
    return em.find(ReportFormVersion, { form }, { orderBy: { number: 'asc' } });
  }

  @FieldResolver(() => String, { description: 'Display name of who created the form' })
  async createdBy(@Root() form: ReportForm, @Ctx() { loaders }: GraphQLContext): Promise<string> {
    return (await loaders.byId(User).load(form.createdBy.id))!.displayName;
  }
}

@Resolver(() => ConsolidatedCell)
export class ConsolidatedCellResolver {
  @FieldResolver(() => [CellContribution], { description: 'Drill-down: the units whose values went into the sum' })
  contributors(@Root() cell: ConsolidatedCell): Promise<CellContribution[]> {
    return cell.contributorsOf();
  }
}

@Resolver(() => ReportFormVersion)
export class ReportFormVersionResolver {
  @FieldResolver(() => ID, { description: 'The table the structure was copied from' })
  sourceTableId(@Root() version: ReportFormVersion): string {
    return String(version.sourceTable.id);
  }

  @FieldResolver(() => Int, { description: 'Number of rows of the structure' })
  rowCount(@Root() version: ReportFormVersion): number {
    return (version.structure as FormStructure).rows.length;
  }

  @FieldResolver(() => Int, { description: 'Number of value columns of the structure' })
  columnCount(@Root() version: ReportFormVersion): number {
    return (version.structure as FormStructure).columns.length;
  }
}

@Resolver(() => ReportingRound)
export class ReportingRoundResolver {
  @Authorized()
  @Mutation(() => ReportingRound, {
    description: 'Open a form for one period to every unit of its level within the scope that exists on the period\'s last day: each gets its own table',
  })
  openReportingRound(@Ctx() context: GraphQLContext, @Arg('input', () => OpenReportingRoundInput, { description: 'The form, period, scope and deadline of the round' }) input: OpenReportingRoundInput): Promise<ReportingRound> {
    return openReportingRound(context.em, context.access, {
      formId: parseId(input.formId, 'report form', 'biểu mẫu báo cáo'),
      periodKey: input.periodKey,
      scopeUnitId: unitId(input.scopeUnitId),
      deadline: input.deadline,
    });
  }

  @Authorized()
  @Query(() => [ReportingRound], { description: 'The rounds with a report of a unit you may read (yours or one below), the latest period first' })
  reportingRounds(@Ctx() context: GraphQLContext): Promise<ReportingRound[]> {
    return readableRounds(context.em, context.access);
  }

  @Query(() => ReportingRound, { description: 'A reporting round (đợt báo cáo) by id' })
  async reportingRound(@Ctx() context: GraphQLContext, @Arg('id', () => ID, { description: 'Identifier of the round' }) id: string): Promise<ReportingRound> {
    return (await roundFrom(context.em, context.access, roundId(id), null)).round;
  }

  @Query(() => ReportingStatus, { description: 'Who has reported: per unit at or below unitId (default: the round\'s scope), late first, with counts per level and per parent' })
  async reportingStatus(@Ctx() context: GraphQLContext, @Arg('roundId', () => ID, { description: 'Identifier of the round' }) id: string, @Arg('unitId', () => ID, { description: 'Only the reports of units below this one; omitted: the whole scope of the round', nullable: true }) unit?: string): Promise<ReportingStatus> {
    const status = await reportingStatus(context.em, context.access, roundId(id), unitId(unit));
    return {
      ...status,
      roundId: String(status.roundId),
      units: status.units.map((u) => ({ ...u, unitId: String(u.unitId), parentId: u.parentId === null ? null : String(u.parentId), tableId: String(u.tableId), level: u.level as never, state: u.state as never })),
    };
  }

  @Query(() => ConsolidatedTable, { description: 'Tổng hợp: the round\'s reports of every reporting unit below unitId (default: the scope) added up cell by cell' })
  async consolidatedTable(
    @Ctx() context: GraphQLContext,
    @Arg('roundId', () => ID, { description: 'Identifier of the round' }) id: string,
    @Arg('unitId', () => ID, { description: 'The unit whose units below are added up; omitted: the scope of the round', nullable: true }) unit?: string,
    @Arg('include', () => [IncludedStatus], { description: 'Which report statuses to count; default only approved reports', defaultValue: [IncludedStatus.APPROVED] }) include?: IncludedStatus[],
  ): Promise<ConsolidatedTable> {
    return consolidatedTable(await consolidate(context.em, context.access, roundId(id), unitId(unit), include ?? [IncludedStatus.APPROVED]));
  }

  @Authorized()
  @Mutation(() => PlanTable, { description: 'The consolidation becomes the unit\'s own report in the round: a draft, pre-filled, to correct and submit upward' })
  adoptConsolidation(
    @Ctx() context: GraphQLContext,
    @Arg('roundId', () => ID, { description: 'Identifier of the round' }) id: string,
    @Arg('unitId', () => ID, { description: 'The unit whose own report the consolidation becomes' }) unit: string,
    @Arg('include', () => [IncludedStatus], { description: 'Which report statuses to count; default only approved reports', defaultValue: [IncludedStatus.APPROVED] }) include?: IncludedStatus[],
  ): Promise<PlanTable> {
    return adoptConsolidation(context.em, context.access, roundId(id), unitId(unit)!, include ?? [IncludedStatus.APPROVED], actorName(context));
  }

  @Authorized()
  @Query(() => [ReportingTask], { description: 'What I have to do: my units\' reports still in draft, and reports waiting for my approval, soonest deadline first' })
  async myReportingTasks(@Ctx() context: GraphQLContext): Promise<ReportingTask[]> {
    return (await reportingTasks(context.em, context.access)).map((task) => ({ ...task, tableId: String(task.tableId), roundId: String(task.roundId), unitId: String(task.unitId), kind: task.kind as never }));
  }

  @FieldResolver(() => ReportForm, { description: 'The report form of the round' })
  async form(@Root() round: ReportingRound, @Ctx() { loaders }: GraphQLContext): Promise<ReportForm> {
    return (await loaders.byId(ReportForm).load(round.form.id))!;
  }

  @FieldResolver(() => Int, { description: 'The form version the round uses' })
  async formVersion(@Root() round: ReportingRound, @Ctx() { loaders }: GraphQLContext): Promise<number> {
    return (await loaders.byId(ReportFormVersion).load(round.formVersion.id))!.number;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit whose units below report; empty for the whole country' })
  scopeUnit(@Root() round: ReportingRound, @Ctx() { loaders }: GraphQLContext): Promise<AdministrativeUnit | null> | null {
    return round.scopeUnit ? loaders.byId(AdministrativeUnit).load(round.scopeUnit.id) : null;
  }

  @FieldResolver(() => Int, { description: 'Reports in the round (one per reporting unit, plus adopted consolidations)' })
  async reportCount(@Root() round: ReportingRound, @Ctx() { em }: GraphQLContext): Promise<number> {
    const [row] = await em.execute(`select count(*)::int as n from report_instance where round_id = ?`, [round.id]);
    return row.n;
  }
}

