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
  description: 'What an empty cell means: ROLLUP "not broken down here" (the sum of its child rows), NONE nothing (0), NOT_PUBLISHED not given by the source (every check that needs it is skipped)',
});

export enum NumberNotation {
  VIETNAMESE = 'VIETNAMESE',
  DECIMAL_POINT = 'DECIMAL_POINT',
}
registerEnumType(NumberNotation, {
  name: 'NumberNotation',
  description: 'How the figures are written: VIETNAMESE "5.600.826", "0,21"; DECIMAL_POINT "412204.00", "15.40" (a point before the decimals, commas grouping thousands)',
});

@InputType({ description: 'What an empty cell of one column means' })
export class ColumnEmptyMeaningInput {
  @Field({ description: 'The column key, as in the dry run' }) columnKey!: string;
  @Field(() => EmptyMeaning) means!: EmptyMeaning;
}

@InputType({ description: 'The type a person gives one figure column instead of the type found' })
export class ColumnTypeInput {
  @Field({ description: 'The column key, as in the dry run' }) columnKey!: string;
  @Field(() => ColumnType, { description: 'MONEY (scale from the header or the table\'s unit), COUNT, RATE (never added across rows) or MEASURE (another measure)' }) type!: ColumnType;
}

@ObjectType({ description: 'What an empty cell of one figure column means (chosen, or inferred for the column or the table)', simpleResolvers: true })
export class ColumnEmptyMeaning {
  @Field() columnKey!: string;
  @Field(() => EmptyMeaning) means!: EmptyMeaning;
}

@InputType()
export class ImportTableInput {
  @Field(() => ID) planId!: string;
  @Field({ description: 'Unique within the plan, e.g. "Phụ lục 3"' }) title!: string;
  @Field(() => String, { nullable: true }) caption?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. "triệu đồng"; found from a "Đơn vị tính:" line when not given' }) unitOfMeasure?: string | null;
  @Field(() => [[String, { nullable: true }]], { description: 'The cells as text exactly as shown, header rows first' }) grid!: (string | null)[][];
  @Field({ description: 'Write nothing; answer what would be created' }) dryRun!: boolean;
  @Field(() => [GraphQLJSON], { nullable: true, description: 'Rules to bind instead of the proposed ones (rule JSON, column keys as in the dry run)' }) rules?: unknown[] | null;
  @Field(() => EmptyMeaning, { nullable: true, description: 'Overrides the meaning of empty cells inferred from the data' }) emptyMeans?: EmptyMeaning | null;
  @Field(() => [ColumnEmptyMeaningInput], { nullable: true, description: 'Overrides, column by column, the meaning of its empty cells' }) columnEmptyMeans?: ColumnEmptyMeaningInput[] | null;
  @Field(() => [ColumnTypeInput], { nullable: true, description: 'Overrides, column by column, the type found; the rules are proposed under the types given' }) columnTypes?: ColumnTypeInput[] | null;
  @Field(() => Int, { nullable: true, description: 'The data row (0-based, as `index` in the dry run) that is the table\'s total, instead of the one found by its label' }) totalRow?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'true: the table has no total row, so no row is taken as the total by its label (e.g. a "Cộng" row that is a subtotal: it becomes an item of its own) and no total-row rule is proposed; not with totalRow' }) noTotalRow?: boolean | null;
  @Field(() => NumberNotation, { nullable: true, description: 'How the figures are written; inferred from the table when not given' }) notation?: NumberNotation | null;
  @Field(() => String, { nullable: true, description: 'The sheet cell the grid starts at, e.g. "B3" (default A1), so problems name the sheet\'s cells' }) firstCell?: string | null;
  @Field(() => ID, { nullable: true, description: 'A new version of the same sheet over this draft table (imported before, same title): the dry run shows the structural diff, otherwise it is applied' }) replaceTableId?: string | null;
  @Field(() => Int, { nullable: true, description: 'With replaceTableId: the table\'s version the person saw; a table changed since is refused (STALE_VERSION)' }) baseVersion?: number | null;
}

@ObjectType({ description: 'A problem of the grid, naming its cell ("C7") or line', simpleResolvers: true })
export class ImportProblemType {
  @Field() code!: string;
  @Field(() => String, { nullable: true }) cell!: string | null;
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field() messageVi!: string;
  @Field() messageEn!: string;
}

@ObjectType({ description: 'A column found in the grid', simpleResolvers: true })
export class ImportedColumn {
  @Field(() => Int) position!: number;
  @Field({ description: 'Header rows joined with " / "' }) header!: string;
  @Field({ description: 'stt | label | unit | money | count | rate | measure | text' }) type!: string;
  @Field(() => String, { nullable: true, description: 'Money scale: đồng | nghìn | triệu | tỷ' }) scale!: string | null;
  @Field(() => String, { nullable: true, description: 'The column key of a figure column' }) key!: string | null;
  @Field(() => String, { nullable: true }) publishedNumber!: string | null;
  @Field() isTotal!: boolean;
  @Field(() => Int, { description: 'Most decimal places published' }) places!: number;
}

@ObjectType({ description: 'A data row found in the grid', simpleResolvers: true })
export class ImportedRow {
  @Field(() => Int, { description: '0-based among the data rows' }) index!: number;
  @Field(() => Int, { description: '1-based line of the grid' }) line!: number;
  @Field() key!: string;
  @Field() stt!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => RowKind) kind!: RowKind;
  @Field(() => Int) level!: number;
  @Field(() => String, { nullable: true }) parentKey!: string | null;
}

@ObjectType({ description: 'A cell published as a range, an approximate or bounded figure, or a note: kept as text, never checked as exact', simpleResolvers: true })
export class InexactCell {
  @Field() rowKey!: string;
  @Field() columnKey!: string;
  @Field() cell!: string;
  @Field() text!: string;
  @Field({ description: 'RANGE | QUALIFIED | TEXT' }) kind!: string;
}

@ObjectType({ simpleResolvers: true })
export class ImportedStructure {
  @Field(() => Int) headerRows!: number;
  @Field(() => Int) dataRows!: number;
  @Field(() => Int) footnoteRows!: number;
  @Field(() => [String]) footnotes!: string[];
  @Field(() => String, { nullable: true }) unitOfMeasure!: string | null;
  @Field(() => NumberNotation) notation!: NumberNotation;
  @Field(() => [String], { description: 'Shapes recognised, e.g. stt-column, merged-header, total-last, transposed' }) shapes!: string[];
  @Field(() => [ImportedColumn]) columns!: ImportedColumn[];
  @Field(() => [ImportedRow]) rows!: ImportedRow[];
  @Field(() => [InexactCell]) inexactCells!: InexactCell[];
}

@ObjectType({ simpleResolvers: true })
export class CellRef {
  @Field() rowKey!: string;
  @Field() columnKey!: string;
}

@ObjectType({ description: 'A rule proposed for the table, with where it holds and where it fails', simpleResolvers: true })
export class ProposedRule {
  @Field() id!: string;
  @Field() kind!: string;
  @Field(() => GraphQLJSON, { description: 'The rule as data (domain/rules)' }) rule!: unknown;
  @Field(() => Int, { description: 'Checks made' }) checks!: number;
  @Field(() => Int) holds!: number;
  @Field(() => Int) fails!: number;
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

@ObjectType({ simpleResolvers: true })
export class ImportTableResult {
  @Field() dryRun!: boolean;
  @Field(() => ID, { nullable: true, description: 'The new table, unless a dry run' }) tableId!: string | null;
  @Field() title!: string;
  @Field(() => ImportedStructure) structure!: ImportedStructure;
  @Field(() => EmptyMeaning) emptyMeans!: EmptyMeaning;
  @Field(() => [ColumnEmptyMeaning], { description: 'Per figure column; differs from emptyMeans where chosen or where the column reads better another way' }) columnEmptyMeans!: ColumnEmptyMeaning[];
  @Field(() => [ProposedRule]) rules!: ProposedRule[];
  @Field(() => [Finding], { description: 'The kept rules\' findings on the table as published, all preExisting' }) findings!: Finding[];
  @Field(() => [ImportProblemType]) warnings!: ImportProblemType[];
  @Field(() => TableReplacement, { nullable: true, description: 'With replaceTableId: what the new version changes in the table' }) replacement!: TableReplacement | null;
}
