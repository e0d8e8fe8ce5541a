import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodType, UnitLevel } from '../../entities';
import { Finding, GridColumn, GridRow } from './table-sync-types';

export enum ReportState {
  NOT_STARTED = 'NOT_STARTED',
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
}
export enum IncludedStatus {
  APPROVED = 'APPROVED',
  SUBMITTED = 'SUBMITTED',
  DRAFT = 'DRAFT',
}
export enum ReportingTaskKind {
  FILL = 'FILL',
  APPROVE = 'APPROVE',
}
export enum RateProblem {
  NO_NUMERATOR = 'NO_NUMERATOR',
  NO_DENOMINATOR = 'NO_DENOMINATOR',
  ZERO_DENOMINATOR = 'ZERO_DENOMINATOR',
  NOT_ADDITIVE = 'NOT_ADDITIVE',
}
registerEnumType(ReportState, { name: 'ReportState', description: 'NOT_STARTED: nothing pushed yet; DRAFT: pushed, not submitted; SUBMITTED; APPROVED' });
registerEnumType(IncludedStatus, { name: 'IncludedStatus', description: 'Which reports a consolidation counts: APPROVED (default), also SUBMITTED, also DRAFT' });
registerEnumType(ReportingTaskKind, { name: 'ReportingTaskKind', description: 'FILL: a report of your unit still in draft; APPROVE: a report waiting for your approval' });
registerEnumType(RateProblem, { name: 'RateProblem', description: 'Why a consolidated rate is empty: a missing or zero sum, or a rate no ratio rule recomputes (rates are never added)' });

@InputType()
export class CreateReportFormInput {
  @Field(() => ID, { description: 'The table whose rows, columns and rules become the form' }) templateTableId!: string;
  @Field() title!: string;
  @Field(() => PeriodType) periodType!: PeriodType;
  @Field(() => UnitLevel) reportingLevel!: UnitLevel;
}

@InputType()
export class OpenReportingRoundInput {
  @Field(() => ID) formId!: string;
  @Field({ description: 'Matching the form\'s period type: "2025", "2025-H1", "2025-Q3", "2025-07"' }) periodKey!: string;
  @Field(() => ID, { nullable: true, description: 'The units below this one report; none: the whole country' }) scopeUnitId?: string | null;
  @Field({ description: 'YYYY-MM-DD, inclusive' }) deadline!: string;
}

@ObjectType()
export class ReportCounts {
  @Field(() => Int) expected!: number;
  @Field(() => Int) notStarted!: number;
  @Field(() => Int) draft!: number;
  @Field(() => Int) submitted!: number;
  @Field(() => Int) approved!: number;
  @Field(() => Int, { description: 'Past the deadline and not submitted, or submitted after it' }) late!: number;
  @Field(() => Int, { description: 'Submitted or approved' }) received!: number;
  @Field(() => Int, { description: 'Received no later than the deadline' }) onTime!: number;
  @Field(() => String, { nullable: true, description: 'Completeness: received ÷ expected, percent' }) completenessPercent!: string | null;
  @Field(() => String, { nullable: true, description: 'Timeliness: received on time ÷ expected, percent' }) timelinessPercent!: string | null;
}

@ObjectType()
export class GroupReportCounts extends ReportCounts {
  @Field({ description: 'The level, or the parent unit\'s id' }) key!: string;
  @Field() name!: string;
}

@ObjectType()
export class UnitReportStatus {
  @Field(() => ID) unitId!: string;
  @Field() unitKey!: string;
  @Field() unitName!: string;
  @Field(() => UnitLevel) level!: UnitLevel;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => String, { nullable: true }) parentName!: string | null;
  @Field(() => String, { nullable: true, description: 'Last day of a unit reorganised since; its successor\'s staff take its report over' }) unitValidTo!: string | null;
  @Field(() => ID, { description: 'The unit\'s table: pull it with tableGrid' }) tableId!: string;
  @Field({ description: 'The report of a unit above the reporting level, adopted from the consolidation' }) consolidating!: boolean;
  @Field(() => ReportState) state!: ReportState;
  @Field(() => Int, { nullable: true, description: 'Days past the deadline (today in Asia/Ho_Chi_Minh, or the submission day)' }) daysLate!: number | null;
  @Field(() => String, { nullable: true, description: 'Who last moved or pushed the report' }) lastBy!: string | null;
  @Field(() => Date, { nullable: true }) lastAt!: Date | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
}

@ObjectType({ description: 'Who has reported: every unit\'s report, late ones first, and counts' })
export class ReportingStatus {
  @Field(() => ID) roundId!: string;
  @Field() deadline!: string;
  @Field({ description: 'Today in Asia/Ho_Chi_Minh' }) today!: string;
  @Field(() => [UnitReportStatus]) units!: UnitReportStatus[];
  @Field(() => ReportCounts) total!: ReportCounts;
  @Field(() => [GroupReportCounts]) byLevel!: GroupReportCounts[];
  @Field(() => [GroupReportCounts]) byParent!: GroupReportCounts[];
}

@ObjectType()
export class ReportingTask {
  @Field(() => ReportingTaskKind) kind!: ReportingTaskKind;
  @Field(() => ID) tableId!: string;
  @Field(() => ID) roundId!: string;
  @Field() formTitle!: string;
  @Field() periodKey!: string;
  @Field(() => ID) unitId!: string;
  @Field() unitName!: string;
  @Field() status!: string;
  @Field() deadline!: string;
  @Field(() => Int, { description: 'Negative when late' }) daysRemaining!: number;
}

@ObjectType()
export class RoundUnit {
  @Field(() => ID) unitId!: string;
  @Field() unitKey!: string;
  @Field() unitName!: string;
  @Field(() => ReportState) state!: ReportState;
  @Field(() => ID) tableId!: string;
  @Field({ description: 'Of the unit\'s figures that belong here: "1" unless a split passed a share' }) share!: string;
}

@ObjectType()
export class CellContribution {
  @Field(() => ID) unitId!: string;
  @Field() unitKey!: string;
  @Field() unitName!: string;
  @Field({ description: 'The unit\'s own value in this cell' }) value!: string;
  @Field() share!: string;
}

@ObjectType()
export class ConsolidatedCell {
  @Field() rowKey!: string;
  @Field() columnKey!: string;
  @Field(() => String, { nullable: true, description: 'The consolidated value (a recomputed rate for a rate cell)' }) value!: string | null;
  /** Not a field: the drill-down behind `contributors`, read once per consolidation and only when a query asks for it. */
  contributorsOf!: () => Promise<CellContribution[]>;
}

@ObjectType()
export class ConsolidatedRate {
  @Field() rowKey!: string;
  @Field() columnKey!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
  @Field(() => String, { nullable: true, description: 'The ratio rule that recomputed it' }) ruleId!: string | null;
  @Field(() => RateProblem, { nullable: true }) problem!: RateProblem | null;
}

@ObjectType()
export class UnitRef {
  @Field(() => ID) unitId!: string;
  @Field() unitKey!: string;
  @Field() unitName!: string;
}

@ObjectType({ description: 'Tổng hợp: the reports of the units below a unit added up cell by cell' })
export class ConsolidatedTable {
  @Field(() => ID) roundId!: string;
  @Field(() => ID, { nullable: true, description: 'None: the whole country' }) unitId!: string | null;
  @Field() unitName!: string;
  @Field() title!: string;
  @Field() caption!: string;
  @Field() unitOfMeasure!: string;
  @Field(() => [IncludedStatus], { description: 'The report statuses counted' }) includedStatuses!: IncludedStatus[];
  @Field(() => [GridColumn]) columns!: GridColumn[];
  @Field(() => [GridRow]) rows!: GridRow[];
  @Field(() => [ConsolidatedCell], { description: 'Every non-empty summed cell with its contributors' }) cells!: ConsolidatedCell[];
  @Field(() => [ConsolidatedRate], { description: 'Rate cells: recomputed from numerator and denominator, never added' }) rates!: ConsolidatedRate[];
  @Field(() => [RoundUnit]) contributingUnits!: RoundUnit[];
  @Field(() => [RoundUnit], { description: 'Units that should have reported and are not counted (never taken as zero)' }) missingUnits!: RoundUnit[];
  @Field(() => [UnitRef], { description: 'Units left out because a split has no known share' }) notComparableUnits!: UnitRef[];
  @Field(() => [Finding], { description: 'The form\'s rules on the consolidated figures' }) findings!: Finding[];
}
