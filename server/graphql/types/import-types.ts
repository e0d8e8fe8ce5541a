import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ColumnType, RowKind } from '../../entities';
import { StructureChangeEntry } from './structure-types';
import { Finding } from './table-sync-types';

export enum EmptyMeaning {
  ROLLUP = 'ROLLUP',
  NONE = 'NONE',
  NOT_PUBLISHED = 'NOT_PUBLISHED',
}
registerEnumType(EmptyMeaning, {
  name: 'EmptyMeaning',
  description: 'What an empty cell of an imported table means (empty is never read as zero by accident)',
  valuesConfig: {
    ROLLUP: { description: '"Not broken down here": the cell is the sum of its child rows' },
    NONE: { description: 'Nothing from this source: the cell counts as 0' },
    NOT_PUBLISHED: { description: 'Not given by the source: every check that needs the cell is skipped' },
  },
});

export enum NumberNotation {
  VIETNAMESE = 'VIETNAMESE',
  DECIMAL_POINT = 'DECIMAL_POINT',
}
registerEnumType(NumberNotation, {
  name: 'NumberNotation',
  description: 'How the figures of an imported table are written',
  valuesConfig: {
    VIETNAMESE: { description: 'Vietnamese notation: dots group thousands, a comma before the decimals ("5.600.826", "0,21")' },
    DECIMAL_POINT: { description: 'A point before the decimals, commas grouping thousands ("412204.00", "15.40")' },
  },
});

@InputType({ description: 'What an empty cell of one column means' })
export class ColumnEmptyMeaningInput {
  @Field({ description: 'The column key, as in the dry run' }) columnKey!: string;
  @Field(() => EmptyMeaning, { description: 'What its empty cells mean' }) means!: EmptyMeaning;
}

@InputType({ description: 'The type a person gives one figure column instead of the type found' })
export class ColumnTypeInput {
  @Field({ description: 'The column key, as in the dry run' }) columnKey!: string;
  @Field(() => ColumnType, { description: 'MONEY (scale from the header or the table\'s unit), COUNT, RATE (never added across rows) or MEASURE (another measure)' }) type!: ColumnType;
}

@ObjectType({ description: 'What an empty cell of one figure column means (chosen, or inferred for the column or the table)', simpleResolvers: true })
export class ColumnEmptyMeaning {
  @Field({ description: 'Key of the column' }) columnKey!: string;
  @Field(() => EmptyMeaning, { description: 'What its empty cells mean' }) means!: EmptyMeaning;
}

@InputType({ description: 'A published appendix table (Phụ lục) to import as a new table of a plan, as a grid of text' })
export class ImportTableInput {
  @Field(() => ID, { description: 'Identifier of the plan the table belongs to' }) planId!: string;
  @Field({ description: 'Unique within the plan, e.g. "Phụ lục 3"' }) title!: string;
  @Field(() => String, { description: 'Heading under the title, as published; empty when none', nullable: true }) caption?: string | null;
  @Field(() => String, { nullable: true, description: 'Unit of the money cells (đơn vị tính), e.g. "triệu đồng"; found from a "Đơn vị tính:" line when not given' }) unitOfMeasure?: string | null;
  @Field(() => [[String, { nullable: true }]], { description: 'The cells as text exactly as shown, header rows first' }) grid!: (string | null)[][];
  @Field({ description: 'Write nothing; answer what would be created' }) dryRun!: boolean;
  @Field(() => [GraphQLJSON], { nullable: true, description: 'Rules to bind instead of the proposed ones (rule JSON, column keys as in the dry run)' }) rules?: unknown[] | null;
  @Field(() => EmptyMeaning, { nullable: true, description: 'Overrides the meaning of empty cells inferred from the data' }) emptyMeans?: EmptyMeaning | null;
  @Field(() => [ColumnEmptyMeaningInput], { nullable: true, description: 'Overrides, column by column, the meaning of its empty cells' }) columnEmptyMeans?: ColumnEmptyMeaningInput[] | null;
  @Field(() => [ColumnTypeInput], { nullable: true, description: 'Overrides, column by column, the type found; the rules are proposed under the types given' }) columnTypes?: ColumnTypeInput[] | null;
  @Field(() => Int, { nullable: true, description: 'The data row (0-based, as `index` in the dry run) that is the table\'s total, instead of the one found by its label' }) totalRow?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'True when the table has no total row: no row is taken as the total by its label (e.g. a "Cộng" row that is a subtotal: it becomes an item of its own) and no total-row rule is proposed; not with totalRow' }) noTotalRow?: boolean | null;
  @Field(() => NumberNotation, { nullable: true, description: 'How the figures are written; inferred from the table when not given' }) notation?: NumberNotation | null;
  @Field(() => String, { nullable: true, description: 'The sheet cell the grid starts at, e.g. "B3" (default A1), so problems name the sheet\'s cells' }) firstCell?: string | null;
  @Field(() => ID, { nullable: true, description: 'A new version of the same sheet over this draft table (imported before, same title): the dry run shows the structural diff, otherwise it is applied' }) replaceTableId?: string | null;
  @Field(() => Int, { nullable: true, description: 'With replaceTableId: the table\'s version the person saw; a table changed since is refused (STALE_VERSION)' }) baseVersion?: number | null;
}

@ObjectType({ description: 'A problem of the grid, naming its cell ("C7") or line', simpleResolvers: true })
export class ImportProblemType {
  @Field({ description: 'Machine-readable kind of problem, e.g. "MIXED_NOTATION"' }) code!: string;
  @Field(() => String, { description: 'Sheet cell of the problem, e.g. "C7"; empty when it concerns a line', nullable: true }) cell!: string | null;
  @Field(() => Int, { description: 'Line of the grid (from 1) the problem is on; empty when it names a cell', nullable: true }) line!: number | null;
  @Field({ description: 'The problem in Vietnamese' }) messageVi!: string;
  @Field({ description: 'The problem in English' }) messageEn!: string;
}

@ObjectType({ description: 'A column found in the grid', simpleResolvers: true })
export class ImportedColumn {
  @Field(() => Int, { description: 'Place of the column in the grid, from 0' }) position!: number;
  @Field({ description: 'Header rows joined with " / "' }) header!: string;
  @Field({ description: 'Kind of column: stt, label, unit (a row\'s unit of measure), money, count, rate, measure or text' }) type!: string;
  @Field(() => String, { nullable: true, description: 'Money scale: đồng | nghìn | triệu | tỷ' }) scale!: string | null;
  @Field(() => String, { nullable: true, description: 'The column key of a figure column' }) key!: string | null;
  @Field(() => String, { description: 'Published column number, e.g. "3"; empty when the table numbers no columns', nullable: true }) publishedNumber!: string | null;
  @Field({ description: 'True for the total (Tổng số) column' }) isTotal!: boolean;
  @Field(() => Int, { description: 'Most decimal places published' }) places!: number;
}

@ObjectType({ description: 'A data row found in the grid', simpleResolvers: true })
export class ImportedRow {
  @Field(() => Int, { description: '0-based among the data rows' }) index!: number;
  @Field(() => Int, { description: '1-based line of the grid' }) line!: number;
  @Field({ description: 'Key the row will have in the table, e.g. "III.2.1"' }) key!: string;
  @Field({ description: 'STT (số thứ tự) as published: "I", "2.1", "–", or empty' }) stt!: string;
  @Field({ description: 'Label as published' }) label!: string;
  @Field(() => String, { description: 'The row\'s own unit of measure (đơn vị tính) when the table has such a column, e.g. "hộ"', nullable: true }) unit!: string | null;
  @Field(() => RowKind, { description: 'Section, item, child, label or grand total, from the STT' }) kind!: RowKind;
  @Field(() => Int, { description: 'Depth in the STT hierarchy: 0 for a row without a parent' }) level!: number;
  @Field(() => String, { description: 'Key of the row it belongs under; empty for a top-level row', nullable: true }) parentKey!: string | null;
}

@ObjectType({ description: 'A cell published as a range, an approximate or bounded figure, or a note: kept as text, never checked as exact', simpleResolvers: true })
export class InexactCell {
  @Field({ description: 'Key of the cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the cell\'s column' }) columnKey!: string;
  @Field({ description: 'Sheet cell, e.g. "D12"' }) cell!: string;
  @Field({ description: 'The text as published, e.g. "khoảng 10.500"' }) text!: string;
  @Field({ description: 'RANGE ("10–12"), QUALIFIED ("khoảng 10.500", "trên 80 %") or TEXT' }) kind!: string;
}

@ObjectType({ description: 'What the import read from the grid: header, data and footnote rows, columns, rows and inexact cells', simpleResolvers: true })
export class ImportedStructure {
  @Field(() => Int, { description: 'Number of header rows at the top of the grid' }) headerRows!: number;
  @Field(() => Int, { description: 'Number of data rows' }) dataRows!: number;
  @Field(() => Int, { description: 'Number of footnote rows under the data' }) footnoteRows!: number;
  @Field(() => [String], { description: 'Notes printed under the table, as published' }) footnotes!: string[];
  @Field(() => String, { description: 'Unit of the money cells, e.g. "triệu đồng"; empty when none was found', nullable: true }) unitOfMeasure!: string | null;
  @Field(() => NumberNotation, { description: 'How the figures are written: Vietnamese or decimal-point notation' }) notation!: NumberNotation;
  @Field(() => [String], { description: 'Shapes recognised, e.g. stt-column, merged-header, total-last, transposed' }) shapes!: string[];
  @Field(() => [ImportedColumn], { description: 'Columns found, left to right' }) columns!: ImportedColumn[];
  @Field(() => [ImportedRow], { description: 'Data rows found, top to bottom' }) rows!: ImportedRow[];
  @Field(() => [InexactCell], { description: 'Cells kept as text because they are not exact figures' }) inexactCells!: InexactCell[];
}

@ObjectType({ description: 'A cell named by its row and column keys', simpleResolvers: true })
export class CellRef {
  @Field({ description: 'Key of the cell\'s row' }) rowKey!: string;
  @Field({ description: 'Key of the cell\'s column' }) columnKey!: string;
}

@ObjectType({ description: 'A rule proposed for the table, with where it holds and where it fails', simpleResolvers: true })
export class ProposedRule {
  @Field({ description: 'Identifier of the rule within the table' }) id!: string;
  @Field({ description: 'Kind of the rule: ROW_SUM, HIERARCHY_SUM, GRAND_TOTAL, NON_NEGATIVE, WHOLE_NUMBER, RANGE, RATIO, BALANCE or COMPARE' }) kind!: string;
  @Field(() => GraphQLJSON, { description: 'The rule as data (domain/rules)' }) rule!: unknown;
  @Field(() => Int, { description: 'Checks made' }) checks!: number;
  @Field(() => Int, { description: 'Checks that hold' }) holds!: number;
  @Field(() => Int, { description: 'Checks that fail' }) fails!: number;
  @Field(() => [CellRef], { description: 'The checked cells where it fails' }) failing!: CellRef[];
  @Field({ description: 'Holds on most of the table, so bound to it' }) kept!: boolean;
}

@ObjectType({ description: 'A value a re-import changes (null: empty)', simpleResolvers: true })
export class ReplacedValue {
  @Field({ description: 'The row, by the table\'s key' }) rowKey!: string;
  @Field({ description: 'The column, by the table\'s key' }) columnKey!: string;
  @Field(() => String, { nullable: true, description: 'The value the table has' }) oldValue!: string | null;
  @Field(() => String, { nullable: true, description: 'The value of the new version' }) newValue!: string | null;
}

@ObjectType({ description: 'A re-import over a draft table: its structural diff and the values that change', simpleResolvers: true })
export class TableReplacement {
  @Field(() => ID, { description: 'The table replaced' }) tableId!: string;
  @Field(() => Int, { description: 'The version it was made against' }) baseVersion!: number;
  @Field(() => Int, { description: 'The version after it (in a dry run: what it would be)' }) version!: number;
  @Field(() => [StructureChangeEntry], { description: 'Rows and columns added, removed (with their values), renamed and moved, in the order applied' }) structureChanges!: StructureChangeEntry[];
  @Field(() => [ReplacedValue], { description: 'The cells whose value changes, rows and columns by the table\'s keys' }) valueChanges!: ReplacedValue[];
}

@ObjectType({ description: 'What an import created, or would create in a dry run: structure, rules and findings', simpleResolvers: true })
export class ImportTableResult {
  @Field({ description: 'True when nothing was written' }) dryRun!: boolean;
  @Field(() => ID, { nullable: true, description: 'The new table, unless a dry run' }) tableId!: string | null;
  @Field({ description: 'Title of the table' }) title!: string;
  @Field(() => ImportedStructure, { description: 'What was read from the grid' }) structure!: ImportedStructure;
  @Field(() => EmptyMeaning, { description: 'What empty cells are taken to mean, inferred from the data or as given' }) emptyMeans!: EmptyMeaning;
  @Field(() => [ColumnEmptyMeaning], { description: 'Per figure column; differs from emptyMeans where chosen or where the column reads better another way' }) columnEmptyMeans!: ColumnEmptyMeaning[];
  @Field(() => [ProposedRule], { description: 'Rules proposed for the table, with where they hold and fail' }) rules!: ProposedRule[];
  @Field(() => [Finding], { description: 'The kept rules\' findings on the table as published, all preExisting' }) findings!: Finding[];
  @Field(() => [ImportProblemType], { description: 'Problems of the grid that did not stop the import' }) warnings!: ImportProblemType[];
  @Field(() => TableReplacement, { nullable: true, description: 'With replaceTableId: what the new version changes in the table' }) replacement!: TableReplacement | null;
}
