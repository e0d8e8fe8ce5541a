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
registerEnumType(PushStatus, { name: 'PushStatus', description: 'APPLIED: committed; REJECTED: errors, nothing written; CONFLICT: others changed the same cells, nothing written' });
registerEnumType(Severity, { name: 'Severity', description: 'ERROR blocks a push, WARNING does not' });

@ObjectType({ description: 'A column of the grid', simpleResolvers: true })
export class GridColumn {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true }) publishedNumber!: string | null;
  @Field(() => ColumnType) type!: ColumnType;
  @Field(() => Int, { description: 'Most decimals a value may have' }) scale!: number;
  @Field() editable!: boolean;
}

@ObjectType({ description: 'A row of the grid with its values in column order', simpleResolvers: true })
export class GridRow {
  @Field() key!: string;
  @Field(() => String, { nullable: true }) publishedNumber!: string | null;
  @Field() label!: string;
  @Field(() => Int) level!: number;
  @Field(() => String, { nullable: true }) parentKey!: string | null;
  @Field(() => RowKind) kind!: RowKind;
  @Field() editable!: boolean;
  @Field() computed!: boolean;
  @Field(() => [String], { nullable: 'items', description: 'One exact decimal string per column, null where the cell is empty' })
  values!: (string | null)[];
}

@ObjectType({ description: 'Everything needed to draw a table as a sheet and push edits back' })
export class TableGrid {
  @Field(() => ID) tableId!: string;
  @Field() title!: string;
  @Field() caption!: string;
  @Field(() => ID) planId!: string;
  @Field() documentNumber!: string;
  @Field() unitOfMeasure!: string;
  @Field(() => Int, { description: 'The version shown (the current one unless a past version was asked for)' }) version!: number;
  @Field(() => Int) latestVersion!: number;
  @Field({ description: 'sha256 of the structure and values shown' }) contentHash!: string;
  @Field({ description: 'Whether pushes are accepted now, for this user' }) editable!: boolean;
  @Field(() => TableStatus) status!: TableStatus;
  @Field(() => String, { nullable: true, description: 'Who last moved the table through the approval workflow' }) statusChangedBy!: string | null;
  @Field(() => Date, { nullable: true }) statusChangedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'For a report: the day it is due (YYYY-MM-DD)' }) reportDeadline!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from today until the deadline (negative when late)' }) daysRemaining!: number | null;
  @Field(() => String, { nullable: true }) notEditableReasonVi!: string | null;
  @Field(() => String, { nullable: true }) notEditableReasonEn!: string | null;
  @Field(() => [GridColumn]) columns!: GridColumn[];
  @Field(() => [GridRow]) rows!: GridRow[];
  @Field(() => [GraphQLJSON], {
    description: 'The template\'s rules bound to this table\'s column keys, for domain/rules validateTable: clients check locally before pushing',
  })
  rules!: unknown[];
}

@ObjectType()
export class FindingCell {
  @Field() rowKey!: string;
  @Field() columnKey!: string;
  @Field(() => String, { nullable: true, description: 'Published STT of the row' }) rowNumber!: string | null;
  @Field() rowLabel!: string;
  @Field() columnLabel!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
  @Field({ description: 'The cell is empty; the value was rolled up from its child rows' }) derived!: boolean;
}

@ObjectType({ description: 'A value for an empty cell that would resolve the finding' })
export class CellSuggestion {
  @Field() rowKey!: string;
  @Field() columnKey!: string;
  @Field() value!: string;
}

@ObjectType({ description: 'A failed check, located at its cells' })
export class Finding {
  @Field() ruleId!: string;
  @Field() ruleKind!: string;
  @Field(() => Severity) severity!: Severity;
  @Field() messageVi!: string;
  @Field() messageEn!: string;
  @Field(() => [FindingCell], { description: 'The checked cell first' }) cells!: FindingCell[];
  @Field(() => String, { nullable: true }) expected!: string | null;
  @Field(() => String, { nullable: true }) found!: string | null;
  @Field(() => String, { nullable: true, description: 'found − expected' }) difference!: string | null;
  @Field(() => CellSuggestion, { nullable: true }) suggestion!: CellSuggestion | null;
  @Field({ description: 'The stored table already had it; it does not block a push' }) preExisting!: boolean;
}

@ObjectType({ description: 'A cell changed both by someone else since baseVersion and by this push, to different values' })
export class CellConflict {
  @Field() rowKey!: string;
  @Field() columnKey!: string;
  @Field(() => String, { nullable: true }) rowNumber!: string | null;
  @Field() rowLabel!: string;
  @Field() columnLabel!: string;
  @Field(() => String, { nullable: true, description: 'At baseVersion' }) base!: string | null;
  @Field(() => String, { nullable: true, description: 'On the server now' }) theirs!: string | null;
  @Field(() => String, { nullable: true, description: 'What this push wanted' }) mine!: string | null;
}

@ObjectType()
export class PushResult {
  @Field(() => PushStatus) status!: PushStatus;
  @Field(() => ID) tableId!: string;
  @Field() tableTitle!: string;
  @Field(() => Int, { description: 'After an applied push the new version, else the current one' }) version!: number;
  @Field() contentHash!: string;
  @Field(() => ID, { nullable: true }) changeSetId!: string | null;
  @Field(() => Int) appliedCells!: number;
  @Field(() => [Finding]) findings!: Finding[];
  @Field(() => [CellConflict]) conflicts!: CellConflict[];
  @Field() messageVi!: string;
  @Field() messageEn!: string;
  @Field({ description: 'This is the stored answer to an earlier push with the same idempotencyKey' }) replayed!: boolean;
}

@InputType({ description: 'One cell to change: give value (canonical) or text (as typed), not both' })
export class CellChangeInput {
  @Field() rowKey!: string;
  @Field() columnKey!: string;
  @Field(() => String, { nullable: true, description: 'Canonical decimal: "." as decimal point, no grouping ("5600826", "0.21"); null empties the cell' })
  value?: string | null;
  @Field(() => String, { nullable: true, description: 'What a person typed, Vietnamese notation ("5.600.826", "0,21"); "" empties the cell' })
  text?: string | null;
}

@InputType()
export class PushTableInput {
  @Field(() => ID) tableId!: string;
  @Field(() => Int, { description: 'The version the changes were made against' }) baseVersion!: number;
  @Field({ description: 'Unique per push; repeating a push with it returns the first answer' }) idempotencyKey!: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => [CellChangeInput]) changes!: CellChangeInput[];
}

@ObjectType({ description: 'One cell\'s change within a change set' })
export class CellHistoryEntry {
  @Field(() => ID) changeSetId!: string;
  @Field(() => Int) versionAfter!: number;
  @Field() rowKey!: string;
  @Field() columnKey!: string;
  @Field(() => String, { nullable: true }) oldValue!: string | null;
  @Field(() => String, { nullable: true }) newValue!: string | null;
  @Field() author!: string;
  @Field() createdAt!: Date;
  @Field(() => String, { nullable: true }) comment!: string | null;
}

@ObjectType({ description: 'Where to download a table as an .xlsx workbook without sending a token: valid a few minutes, for the user who asked' })
export class WorkbookLink {
  @Field({ description: 'Path and query on this server (/tables/ID.xlsx?…&signature=…); GET it, no Authorization header needed' }) path!: string;
  @Field({ description: 'When the address stops working' }) expiresAt!: Date;
  @Field(() => Int, { description: 'The version the workbook holds' }) version!: number;
  @Field({ description: 'The file name the download offers' }) fileName!: string;
}
