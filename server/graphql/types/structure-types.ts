import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ColumnType, RowKind } from '../../entities';

export enum StructureOp {
  ADD_ROW = 'ADD_ROW',
  RENAME_ROW = 'RENAME_ROW',
  REMOVE_ROW = 'REMOVE_ROW',
  MOVE_ROW = 'MOVE_ROW',
  ADD_COLUMN = 'ADD_COLUMN',
  RENAME_COLUMN = 'RENAME_COLUMN',
  REMOVE_COLUMN = 'REMOVE_COLUMN',
  MOVE_COLUMN = 'MOVE_COLUMN',
}
registerEnumType(StructureOp, {
  name: 'StructureOp',
  description: 'A change of a draft table\'s structure',
  valuesConfig: {
    ADD_ROW: { description: 'A new row, under parentKey, after afterKey (default: last under its parent)' },
    RENAME_ROW: { description: 'A new label (and published number) for a row' },
    REMOVE_ROW: { description: 'A row without children removed; its values go to the history' },
    MOVE_ROW: { description: 'A row and its descendants moved under parentKey (none: top level), after afterKey (default: first); its key stays' },
    ADD_COLUMN: { description: 'A new column of a type, after afterKey (default: last)' },
    RENAME_COLUMN: { description: 'A new heading for a column' },
    REMOVE_COLUMN: { description: 'A column removed; its values go to the history' },
    MOVE_COLUMN: { description: 'A column moved after afterKey (default: first); its key stays' },
  },
});

@InputType({ description: 'One change of a draft table\'s structure: a row or column to add, rename, remove or move' })
export class StructureChangeInput {
  @Field(() => StructureOp, { description: 'What to do' }) op!: StructureOp;
  @Field({ description: 'The row or column key: a new one to add, an existing one to rename' }) key!: string;
  @Field(() => String, { nullable: true, description: 'ADD_ and RENAME_: the label as published' }) label?: string | null;
  @Field(() => String, { nullable: true, description: 'Rows: the STT as published, e.g. "2.3"' }) publishedNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'ADD_ROW and MOVE_ROW: the row it belongs under; none for a top-level row' }) parentKey?: string | null;
  @Field(() => String, { nullable: true, description: "Placed after this row (with its descendants: its parent to go first under it) or column; without it ADD_ goes last, MOVE_ first" }) afterKey?: string | null;
  @Field(() => RowKind, { nullable: true, description: 'ADD_ROW: its kind (default: an item at the top or under a section, a child under anything else)' }) kind?: RowKind | null;
  @Field(() => ColumnType, { nullable: true, description: 'ADD_COLUMN: what the column holds' }) type?: ColumnType | null;
}

@InputType({ description: 'Changes to the structure of a draft table, made against its current version' })
export class ChangeTableStructureInput {
  @Field(() => ID, { description: 'The draft table to change' }) tableId!: string;
  @Field(() => Int, { description: 'The current version: a structure changes only on what the person sees' }) baseVersion!: number;
  @Field(() => String, { nullable: true, description: 'Why, kept in the history' }) comment?: string | null;
  @Field(() => [StructureChangeInput], { description: 'Applied in order, each on what the ones before it left; all or none' }) changes!: StructureChangeInput[];
}

@ObjectType({ description: 'A value a removed row or column held', simpleResolvers: true })
export class RemovedValue {
  @Field({ description: 'The column of a removed row, the row of a removed column' }) key!: string;
  @Field({ description: 'The value, a canonical decimal' }) value!: string;
}

@ObjectType({ description: 'One change of a table\'s structure, as the history keeps it', simpleResolvers: true })
export class StructureChangeEntry {
  @Field(() => StructureOp, { description: 'What was done' }) op!: StructureOp;
  @Field({ description: 'The row or column key' }) key!: string;
  @Field({ description: 'Its label (after a rename, the new one)' }) label!: string;
  @Field(() => String, { nullable: true, description: 'RENAME_: the label before' }) previousLabel!: string | null;
  @Field(() => [RemovedValue], { description: 'REMOVE_: the values it held (none is lost); empty otherwise' }) removedValues!: RemovedValue[];
}

@ObjectType({ description: 'A structure change applied', simpleResolvers: true })
export class ChangeTableStructureResult {
  @Field(() => Int, { description: 'The table\'s new version' }) version!: number;
  @Field(() => ID, { description: 'The history entry of the change' }) changeSetId!: string;
  @Field(() => [StructureChangeEntry], { description: 'The changes, in order' }) changes!: StructureChangeEntry[];
}
