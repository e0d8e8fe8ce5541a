import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ColumnType, RowKind, TableStatus } from '../../entities';

export enum PushStatus {
  APPLIED = 'APPLIED',
  REJECTED = 'REJECTED',
  CONFLICT = 'CONFLICT',
}
export enum Severity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}
registerEnumType(PushStatus, {
  name: 'PushStatus',
  description: 'What became of a push',
  valuesConfig: {
    APPLIED: { description: 'Committed: the table has a new version' },
    REJECTED: { description: 'Refused for errors in the findings; nothing written' },
    CONFLICT: { description: 'Others changed the same cells to different values since baseVersion; nothing written' },
  },
});
registerEnumType(Severity, {
  name: 'Severity',
  description: 'How serious a finding is',
  valuesConfig: {
    ERROR: { description: 'Blocks a push, e.g. a total that does not add up' },
    WARNING: { description: 'Reported but does not block a push, e.g. an approximate figure ("khoảng")' },
  },
});

@ObjectType({ description: 'A column of a table as pulled into a sheet', simpleResolvers: true })
export class GridColumn {
  @Field({ description: 'Stable key of the column within the table, used in cell changes (columnKey)' }) key!: string;
  @Field({ description: 'Heading as published' }) label!: string;
  @Field(() => String, { description: 'Published column number, e.g. "3"; empty when the table numbers no columns', nullable: true }) publishedNumber!: string | null;
  @Field(() => ColumnType, { description: 'What its values are (money, count, rate, measure)' }) type!: ColumnType;
  @Field(() => Int, { description: 'Most decimals a value may have' }) scale!: number;
  @Field({ description: 'Whether staff may type into its cells' }) editable!: boolean;
}

@ObjectType({ description: 'A row of a table as pulled into a sheet, with its values in column order', simpleResolvers: true })
export class GridRow {
  @Field({ description: 'Stable key of the row within the table, e.g. "III.2.1", used in cell changes (rowKey)' }) key!: string;
  @Field(() => String, { description: 'STT (số thứ tự) as published: "I", "2.1", "–", or empty', nullable: true }) publishedNumber!: string | null;
  @Field({ description: 'Label as published' }) label!: string;
  @Field(() => Int, { description: 'Depth in the STT hierarchy: 0 for a row without a parent' }) level!: number;
  @Field(() => String, { description: 'Key of the row it belongs under; empty for a top-level row', nullable: true }) parentKey!: string | null;
  @Field(() => RowKind, { description: 'Section, item, child, label or grand total' }) kind!: RowKind;
  @Field({ description: 'Whether staff may type into its cells' }) editable!: boolean;
  @Field({ description: 'Whether its values are computed from other cells rather than typed' }) computed!: boolean;
  @Field(() => [String], { nullable: 'items', description: 'One exact decimal string per column, null where the cell is empty' })
  values!: (string | null)[];
}

@ObjectType({ description: 'Everything needed to draw a table as a sheet and push edits back' })
export class TableGrid {
  @Field(() => ID, { description: 'Identifier of the table' }) tableId!: string;
  @Field({ description: 'Title of the table, e.g. "Phụ lục 2"' }) title!: string;
  @Field({ description: 'Heading under the title, as published' }) caption!: string;
  @Field(() => ID, { description: 'Identifier of the plan the table belongs to' }) planId!: string;
  @Field({ description: 'Document number of the plan, e.g. "132/KH-UBND"' }) documentNumber!: string;
  @Field({ description: 'Unit of every money cell (đơn vị tính), e.g. "triệu đồng"' }) unitOfMeasure!: string;
  @Field(() => Int, { description: 'The version shown (the current one unless a past version was asked for)' }) version!: number;
  @Field(() => Int, { description: 'The current version of the table' }) latestVersion!: number;
  @Field({ description: 'SHA-256 of the structure and values shown, to tell whether a sheet still matches' }) contentHash!: string;
  @Field({ description: 'Whether pushes are accepted now, for this user' }) editable!: boolean;
  @Field(() => TableStatus, { description: 'Where the table is in the approval workflow' }) status!: TableStatus;
  @Field(() => String, { nullable: true, description: 'Who last moved the table through the approval workflow' }) statusChangedBy!: string | null;
  @Field(() => Date, { description: 'When the table last moved through the approval workflow (ISO 8601); empty if never', nullable: true }) statusChangedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'For a report: the day it is due (YYYY-MM-DD)' }) reportDeadline!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from today until the deadline (negative when late)' }) daysRemaining!: number | null;
  @Field(() => String, { description: 'Why pushes are refused now, in Vietnamese; empty when editable', nullable: true }) notEditableReasonVi!: string | null;
  @Field(() => String, { description: 'Why pushes are refused now, in English; empty when editable', nullable: true }) notEditableReasonEn!: string | null;
  @Field(() => [GridColumn], { description: 'The value columns, left to right' }) columns!: GridColumn[];
  @Field(() => [GridRow], { description: 'The rows, top to bottom, each with its values' }) rows!: GridRow[];
  @Field(() => [GraphQLJSON], {
    description: 'The template\'s rules bound to this table\'s column keys, for domain/rules validateTable: clients check locally before pushing',
  })
  rules!: unknown[];
}

@ObjectType({ description: 'A cell a finding is about, with its value as checked' })
export class FindingCell {
  @Field({ description: 'Key of the cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the cell\'s column' }) columnKey!: string;
  @Field(() => String, { nullable: true, description: 'Published STT of the row' }) rowNumber!: string | null;
  @Field({ description: 'Label of the cell\'s row as published' }) rowLabel!: string;
  @Field({ description: 'Heading of the cell\'s column as published' }) columnLabel!: string;
  @Field(() => String, { description: 'The value checked, an exact decimal string; empty when the cell is empty', nullable: true }) value!: string | null;
  @Field({ description: 'The cell is empty; the value was rolled up from its child rows' }) derived!: boolean;
}

@ObjectType({ description: 'A value for an empty cell that would resolve the finding' })
export class CellSuggestion {
  @Field({ description: 'Key of the empty cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the empty cell\'s column' }) columnKey!: string;
  @Field({ description: 'The value that would resolve the finding, an exact decimal string' }) value!: string;
}

@ObjectType({ description: 'A failed check, located at its cells' })
export class Finding {
  @Field({ description: 'Identifier of the rule within the table\'s template' }) ruleId!: string;
  @Field({ description: 'Kind of the rule: ROW_SUM, HIERARCHY_SUM, GRAND_TOTAL, NON_NEGATIVE, WHOLE_NUMBER, RANGE, RATIO, BALANCE or COMPARE' }) ruleKind!: string;
  @Field(() => Severity, { description: 'Whether the finding blocks a push' }) severity!: Severity;
  @Field({ description: 'What is wrong, in Vietnamese, naming the row and column' }) messageVi!: string;
  @Field({ description: 'What is wrong, in English, naming the row and column' }) messageEn!: string;
  @Field(() => [FindingCell], { description: 'The cells the finding is about, the checked cell first' }) cells!: FindingCell[];
  @Field(() => String, { description: 'The value the rule expects, an exact decimal string; empty when the rule compares no value', nullable: true }) expected!: string | null;
  @Field(() => String, { description: 'The value found, an exact decimal string; empty when the cell is empty', nullable: true }) found!: string | null;
  @Field(() => String, { nullable: true, description: 'Found minus expected, an exact decimal string' }) difference!: string | null;
  @Field(() => CellSuggestion, { description: 'A value for an empty cell that would resolve the finding, when there is exactly one', nullable: true }) suggestion!: CellSuggestion | null;
  @Field({ description: 'The stored table already had it; it does not block a push' }) preExisting!: boolean;
}

@ObjectType({ description: 'A cell changed both by someone else since baseVersion and by this push, to different values' })
export class CellConflict {
  @Field({ description: 'Key of the cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the cell\'s column' }) columnKey!: string;
  @Field(() => String, { description: 'Published STT of the row', nullable: true }) rowNumber!: string | null;
  @Field({ description: 'Label of the cell\'s row as published' }) rowLabel!: string;
  @Field({ description: 'Heading of the cell\'s column as published' }) columnLabel!: string;
  @Field(() => String, { nullable: true, description: 'Value at baseVersion, an exact decimal string; empty when the cell was empty' }) base!: string | null;
  @Field(() => String, { nullable: true, description: 'Value on the server now, as someone else changed it; empty when emptied' }) theirs!: string | null;
  @Field(() => String, { nullable: true, description: 'Value this push wanted; empty to empty the cell' }) mine!: string | null;
}

@ObjectType({ description: 'The answer to a push: applied, rejected with findings, or in conflict' })
export class PushResult {
  @Field(() => PushStatus, { description: 'Applied, rejected or in conflict' }) status!: PushStatus;
  @Field(() => ID, { description: 'Identifier of the table pushed' }) tableId!: string;
  @Field({ description: 'Title of the table pushed' }) tableTitle!: string;
  @Field(() => Int, { description: 'After an applied push the new version, else the current one' }) version!: number;
  @Field({ description: 'SHA-256 of the structure and values of the table after the push' }) contentHash!: string;
  @Field(() => ID, { description: 'Identifier of the change set an applied push created; empty otherwise', nullable: true }) changeSetId!: string | null;
  @Field(() => Int, { description: 'Number of cells the push changed; 0 unless applied' }) appliedCells!: number;
  @Field(() => [Finding], { description: 'Failed checks: errors (which reject the push) and warnings' }) findings!: Finding[];
  @Field(() => [CellConflict], { description: 'Cells others changed since baseVersion that this push changes differently' }) conflicts!: CellConflict[];
  @Field({ description: 'What happened, in Vietnamese' }) messageVi!: string;
  @Field({ description: 'What happened, in English' }) messageEn!: string;
  @Field({ description: 'This is the stored answer to an earlier push with the same idempotencyKey' }) replayed!: boolean;
}

@InputType({ description: 'One cell to change: give value (canonical) or text (as typed), not both' })
export class CellChangeInput {
  @Field({ description: 'Key of the cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the cell\'s column' }) columnKey!: string;
  @Field(() => String, { nullable: true, description: 'Canonical decimal: "." as decimal point, no grouping ("5600826", "0.21"); null empties the cell' })
  value?: string | null;
  @Field(() => String, { nullable: true, description: 'What a person typed, Vietnamese notation ("5.600.826", "0,21"); "" empties the cell' })
  text?: string | null;
}

@InputType({ description: 'Cell changes to a table, made against a version of it' })
export class PushTableInput {
  @Field(() => ID, { description: 'Identifier of the table' }) tableId!: string;
  @Field(() => Int, { description: 'The version the changes were made against' }) baseVersion!: number;
  @Field({ description: 'Unique per push; repeating a push with it returns the first answer' }) idempotencyKey!: string;
  @Field(() => String, { description: 'Why the change was made, kept in the table history', nullable: true }) comment?: string | null;
  @Field(() => [CellChangeInput], { description: 'The cells to change' }) changes!: CellChangeInput[];
}

@ObjectType({ description: 'One cell\'s change within a change set' })
export class CellHistoryEntry {
  @Field(() => ID, { description: 'Identifier of the change set (push) that made the change' }) changeSetId!: string;
  @Field(() => Int, { description: 'Table version the change set created' }) versionAfter!: number;
  @Field({ description: 'Key of the cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the cell\'s column' }) columnKey!: string;
  @Field(() => String, { description: 'Value before, an exact decimal string; empty when the cell was empty', nullable: true }) oldValue!: string | null;
  @Field(() => String, { description: 'Value after, an exact decimal string; empty when the cell was emptied', nullable: true }) newValue!: string | null;
  @Field({ description: 'Login of who pushed' }) author!: string;
  @Field({ description: 'When the change was applied (ISO 8601)' }) createdAt!: Date;
  @Field(() => String, { description: 'Comment given with the push; empty when none', nullable: true }) comment!: string | null;
}

@ObjectType({ description: 'Where to download a table as an .xlsx workbook without sending a token: valid a few minutes, for the user who asked' })
export class WorkbookLink {
  @Field({ description: 'Path and query on this server (/tables/ID.xlsx?…&signature=…); GET it, no Authorization header needed' }) path!: string;
  @Field({ description: 'When the address stops working' }) expiresAt!: Date;
  @Field(() => Int, { description: 'The version the workbook holds' }) version!: number;
  @Field({ description: 'The file name the download offers' }) fileName!: string;
}
