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
registerEnumType(ReportState, {
  name: 'ReportState',
  description: 'Where a unit\'s report of a round stands',
  valuesConfig: {
    NOT_STARTED: { description: 'Nothing pushed yet (Chưa bắt đầu)' },
    DRAFT: { description: 'Pushed, not submitted (Đang nhập)' },
    SUBMITTED: { description: 'Submitted, waiting for approval (Đã gửi)' },
    APPROVED: { description: 'Approved (Đã duyệt)' },
  },
});
registerEnumType(IncludedStatus, {
  name: 'IncludedStatus',
  description: 'Which reports a consolidation (tổng hợp) counts: APPROVED (default), also SUBMITTED, also DRAFT',
  valuesConfig: {
    APPROVED: { description: 'Count approved reports' },
    SUBMITTED: { description: 'Count submitted reports waiting for approval' },
    DRAFT: { description: 'Count reports still in draft, for a preview' },
  },
});
registerEnumType(ReportingTaskKind, {
  name: 'ReportingTaskKind',
  description: 'What the signed-in user has to do with a report',
  valuesConfig: {
    FILL: { description: 'A report of your unit still to fill in and submit' },
    APPROVE: { description: 'A submitted report of a unit below yours waiting for your approval' },
  },
});
registerEnumType(RateProblem, {
  name: 'RateProblem',
  description: 'Why a consolidated rate is empty (rates are never added)',
  valuesConfig: {
    NO_NUMERATOR: { description: 'The numerator\'s sum is empty' },
    NO_DENOMINATOR: { description: 'The denominator\'s sum is empty' },
    ZERO_DENOMINATOR: { description: 'The denominator\'s sum is zero' },
    NOT_ADDITIVE: { description: 'No ratio rule recomputes the rate, and a rate cannot be added up' },
  },
});

@InputType({ description: 'A new report form (biểu mẫu báo cáo) made from the structure and rules of an existing table' })
export class CreateReportFormInput {
  @Field(() => ID, { description: 'The table whose rows, columns and rules become the form' }) templateTableId!: string;
  @Field({ description: 'Title of the form, unique, e.g. "Báo cáo kết quả giảm nghèo"' }) title!: string;
  @Field(() => PeriodType, { description: 'Length of the periods the form is filled in for' }) periodType!: PeriodType;
  @Field(() => UnitLevel, { description: 'Level of the units that fill the form in' }) reportingLevel!: UnitLevel;
}

@InputType({ description: 'A reporting round (đợt báo cáo) to open: a form, a period, a scope and a deadline' })
export class OpenReportingRoundInput {
  @Field(() => ID, { description: 'Identifier of the report form' }) formId!: string;
  @Field({ description: 'Matching the form\'s period type: "2025", "2025-H1", "2025-Q3", "2025-07"' }) periodKey!: string;
  @Field(() => ID, { nullable: true, description: 'The units below this one report; none: the whole country' }) scopeUnitId?: string | null;
  @Field({ description: 'Day reports are due (YYYY-MM-DD, inclusive)' }) deadline!: string;
}

@ObjectType({ description: 'How many reports of a round are in each state, with completeness and timeliness' })
export class ReportCounts {
  @Field(() => Int, { description: 'Reports expected: one per unit of the reporting level in the scope' }) expected!: number;
  @Field(() => Int, { description: 'Reports nothing has been pushed to' }) notStarted!: number;
  @Field(() => Int, { description: 'Reports pushed but not submitted' }) draft!: number;
  @Field(() => Int, { description: 'Reports submitted and waiting for approval' }) submitted!: number;
  @Field(() => Int, { description: 'Reports approved' }) approved!: number;
  @Field(() => Int, { description: 'Past the deadline and not submitted, or submitted after it' }) late!: number;
  @Field(() => Int, { description: 'Submitted or approved' }) received!: number;
  @Field(() => Int, { description: 'Received no later than the deadline' }) onTime!: number;
  @Field(() => String, { nullable: true, description: 'Completeness: received ÷ expected, percent' }) completenessPercent!: string | null;
  @Field(() => String, { nullable: true, description: 'Timeliness: received on time ÷ expected, percent' }) timelinessPercent!: string | null;
}

@ObjectType({ description: 'Report counts of a group of units: one level, or the units under one parent' })
export class GroupReportCounts extends ReportCounts {
  @Field({ description: 'The level, or the parent unit\'s id' }) key!: string;
  @Field({ description: 'Name of the level or of the parent unit' }) name!: string;
}

@ObjectType({ description: 'Where one unit\'s report of a round stands' })
export class UnitReportStatus {
  @Field(() => ID, { description: 'Identifier of the unit' }) unitId!: string;
  @Field({ description: 'Key of the unit, e.g. "92@2025"' }) unitKey!: string;
  @Field({ description: 'Name of the unit' }) unitName!: string;
  @Field(() => UnitLevel, { description: 'Level of the unit' }) level!: UnitLevel;
  @Field(() => ID, { description: 'Identifier of the unit above it; empty for a province', nullable: true }) parentId!: string | null;
  @Field(() => String, { description: 'Name of the unit above it; empty for a province', nullable: true }) parentName!: string | null;
  @Field(() => String, { nullable: true, description: 'Last day of a unit reorganised since; its successor\'s staff take its report over' }) unitValidTo!: string | null;
  @Field(() => ID, { description: 'The unit\'s table: pull it with tableGrid' }) tableId!: string;
  @Field({ description: 'The report of a unit above the reporting level, adopted from the consolidation' }) consolidating!: boolean;
  @Field(() => ReportState, { description: 'Not started, draft, submitted or approved' }) state!: ReportState;
  @Field(() => Int, { nullable: true, description: 'Days past the deadline (today in Asia/Ho_Chi_Minh, or the submission day)' }) daysLate!: number | null;
  @Field(() => String, { nullable: true, description: 'Who last moved or pushed the report' }) lastBy!: string | null;
  @Field(() => Date, { description: 'When the report was last pushed or moved (ISO 8601); empty if never', nullable: true }) lastAt!: Date | null;
  @Field(() => Date, { description: 'When the report was submitted (ISO 8601); empty until then', nullable: true }) submittedAt!: Date | null;
}

@ObjectType({ description: 'Who has reported: every unit\'s report, late ones first, and counts' })
export class ReportingStatus {
  @Field(() => ID, { description: 'Identifier of the round' }) roundId!: string;
  @Field({ description: 'Day reports are due (YYYY-MM-DD, inclusive)' }) deadline!: string;
  @Field({ description: 'Today in Asia/Ho_Chi_Minh' }) today!: string;
  @Field(() => [UnitReportStatus], { description: 'Every unit\'s report, late ones first' }) units!: UnitReportStatus[];
  @Field(() => ReportCounts, { description: 'Counts over every unit of the round' }) total!: ReportCounts;
  @Field(() => [GroupReportCounts], { description: 'Counts per unit level' }) byLevel!: GroupReportCounts[];
  @Field(() => [GroupReportCounts], { description: 'Counts per parent unit' }) byParent!: GroupReportCounts[];
}

@ObjectType({ description: 'A report waiting for the signed-in user: to fill in and submit, or to approve' })
export class ReportingTask {
  @Field(() => ReportingTaskKind, { description: 'Fill in or approve' }) kind!: ReportingTaskKind;
  @Field(() => ID, { description: 'Identifier of the report\'s table: pull it with tableGrid' }) tableId!: string;
  @Field(() => ID, { description: 'Identifier of the reporting round' }) roundId!: string;
  @Field({ description: 'Title of the report form' }) formTitle!: string;
  @Field({ description: 'Key of the period reported on, e.g. "2025-H1"' }) periodKey!: string;
  @Field(() => ID, { description: 'Identifier of the unit the report is for' }) unitId!: string;
  @Field({ description: 'Name of the unit the report is for' }) unitName!: string;
  @Field({ description: 'Workflow status of the report\'s table: DRAFT or SUBMITTED' }) status!: string;
  @Field({ description: 'Day the report is due (YYYY-MM-DD, inclusive)' }) deadline!: string;
  @Field(() => Int, { description: 'Days from today (Asia/Ho_Chi_Minh) until the deadline; negative when late' }) daysRemaining!: number;
}

@ObjectType({ description: 'A unit of a reporting round with its report' })
export class RoundUnit {
  @Field(() => ID, { description: 'Identifier of the unit' }) unitId!: string;
  @Field({ description: 'Key of the unit, e.g. "92@2025"' }) unitKey!: string;
  @Field({ description: 'Name of the unit' }) unitName!: string;
  @Field(() => ReportState, { description: 'Not started, draft, submitted or approved' }) state!: ReportState;
  @Field(() => ID, { description: 'Identifier of the unit\'s report table' }) tableId!: string;
  @Field({ description: 'Of the unit\'s figures that belong here: "1" unless a split passed a share' }) share!: string;
}

@ObjectType({ description: 'One unit\'s part of a consolidated cell (drill-down)' })
export class CellContribution {
  @Field(() => ID, { description: 'Identifier of the contributing unit' }) unitId!: string;
  @Field({ description: 'Key of the contributing unit' }) unitKey!: string;
  @Field({ description: 'Name of the contributing unit' }) unitName!: string;
  @Field({ description: 'The unit\'s own value in this cell' }) value!: string;
  @Field({ description: 'Share of the unit\'s value counted here, an exact decimal string: "1" unless a split passed a share' }) share!: string;
}

@ObjectType({ description: 'A summed cell of a consolidation (tổng hợp) with the units that went into it' })
export class ConsolidatedCell {
  @Field({ description: 'Key of the cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the cell\'s column' }) columnKey!: string;
  @Field(() => String, { nullable: true, description: 'The consolidated value (a recomputed rate for a rate cell)' }) value!: string | null;
  /** Not a field: the drill-down behind `contributors`, read once per consolidation and only when a query asks for it. */
  contributorsOf!: () => Promise<CellContribution[]>;
}

@ObjectType({ description: 'A rate cell of a consolidation, recomputed from its numerator and denominator, never added' })
export class ConsolidatedRate {
  @Field({ description: 'Key of the cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the cell\'s column' }) columnKey!: string;
  @Field(() => String, { description: 'The recomputed rate, an exact decimal string; empty when it cannot be computed (see problem)', nullable: true }) value!: string | null;
  @Field(() => String, { nullable: true, description: 'The ratio rule that recomputed it' }) ruleId!: string | null;
  @Field(() => RateProblem, { description: 'Why the rate is empty; empty when it was computed', nullable: true }) problem!: RateProblem | null;
}

@ObjectType({ description: 'An administrative unit named by id, key and name' })
export class UnitRef {
  @Field(() => ID, { description: 'Identifier of the unit' }) unitId!: string;
  @Field({ description: 'Key of the unit, e.g. "92@2025"' }) unitKey!: string;
  @Field({ description: 'Name of the unit' }) unitName!: string;
}

@ObjectType({ description: 'Tổng hợp: the reports of the units below a unit added up cell by cell' })
export class ConsolidatedTable {
  @Field(() => ID, { description: 'Identifier of the reporting round' }) roundId!: string;
  @Field(() => ID, { nullable: true, description: 'Identifier of the unit the units below add up to; empty for the whole country' }) unitId!: string | null;
  @Field({ description: 'Name of the unit the units below add up to, or "Cả nước" for the whole country' }) unitName!: string;
  @Field({ description: 'Title of the report form' }) title!: string;
  @Field({ description: 'Heading of the form\'s table' }) caption!: string;
  @Field({ description: 'Unit of every money cell (đơn vị tính), e.g. "triệu đồng"' }) unitOfMeasure!: string;
  @Field(() => [IncludedStatus], { description: 'The report statuses counted' }) includedStatuses!: IncludedStatus[];
  @Field(() => [GridColumn], { description: 'The value columns, left to right' }) columns!: GridColumn[];
  @Field(() => [GridRow], { description: 'The rows, top to bottom, with the consolidated values' }) rows!: GridRow[];
  @Field(() => [ConsolidatedCell], { description: 'Every non-empty summed cell with its contributors' }) cells!: ConsolidatedCell[];
  @Field(() => [ConsolidatedRate], { description: 'Rate cells: recomputed from numerator and denominator, never added' }) rates!: ConsolidatedRate[];
  @Field(() => [RoundUnit], { description: 'Units whose reports are counted' }) contributingUnits!: RoundUnit[];
  @Field(() => [RoundUnit], { description: 'Units that should have reported and are not counted (never taken as zero)' }) missingUnits!: RoundUnit[];
  @Field(() => [UnitRef], { description: 'Units left out because a split has no known share' }) notComparableUnits!: UnitRef[];
  @Field(() => [Finding], { description: 'The form\'s rules on the consolidated figures' }) findings!: Finding[];
}
