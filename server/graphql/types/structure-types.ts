import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ColumnType } from '../../entities';

export enum StructureOp {
  ADD_ROW = 'ADD_ROW',
  RENAME_ROW = 'RENAME_ROW',
  ADD_COLUMN = 'ADD_COLUMN',
  RENAME_COLUMN = 'RENAME_COLUMN',
}
registerEnumType(StructureOp, {
  name: 'StructureOp',
  description: 'A change of a draft table\'s structure',
  valuesConfig: {
    ADD_ROW: { description: 'Add a row under parentKey, after afterKey' },
    RENAME_ROW: { description: 'Change the label of a row' },
    ADD_COLUMN: { description: 'Add a value column of the given type, after afterKey' },
    RENAME_COLUMN: { description: 'Change the heading of a column' },
  },
});

@InputType({ description: 'One change of a draft table\'s structure: a row or column to add or rename' })
export class StructureChangeInput {
  @Field(() => StructureOp, { description: 'Add or rename a row or a column' }) op!: StructureOp;
  @Field({ description: 'The row or column key: a new one to add, an existing one to rename' }) key!: string;
  @Field({ description: 'Label of the row or heading of the column, new or renamed' }) label!: string;
  @Field(() => String, { nullable: true, description: 'Rows: the STT as published, e.g. "2.3"' }) publishedNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'ADD_ROW: the row it belongs under; none for a top-level row' }) parentKey?: string | null;
  @Field(() => String, { nullable: true, description: "ADD_: placed right after this row or column (default: after the parent's last row, or last)" }) afterKey?: string | null;
  @Field(() => ColumnType, { nullable: true, description: 'ADD_COLUMN: what the column holds' }) type?: ColumnType | null;
}

@InputType({ description: 'Changes to the structure of a draft table, made against its current version' })
export class ChangeTableStructureInput {
  @Field(() => ID, { description: 'Identifier of the table' }) tableId!: string;
  @Field(() => Int, { description: 'The current version: a structure changes only on what the person sees' }) baseVersion!: number;
  @Field(() => String, { description: 'Why the structure changes, kept in the table history', nullable: true }) comment?: string | null;
  @Field(() => [StructureChangeInput], { description: 'The changes, applied in order' }) changes!: StructureChangeInput[];
}

@ObjectType({ description: 'One change of a table\'s structure, as the history keeps it', simpleResolvers: true })
export class StructureChangeEntry {
  @Field(() => StructureOp, { description: 'Which change it was' }) op!: StructureOp;
  @Field({ description: 'Key of the row or column changed' }) key!: string;
  @Field({ description: 'Label of the row or heading of the column after the change' }) label!: string;
  @Field(() => String, { nullable: true, description: 'For RENAME_ROW and RENAME_COLUMN: the label before the change; empty for additions' }) previousLabel!: string | null;
}

@ObjectType({ description: 'The table version a structure change created and what changed', simpleResolvers: true })
export class ChangeTableStructureResult {
  @Field(() => Int, { description: 'The new version of the table' }) version!: number;
  @Field(() => ID, { description: 'Identifier of the change set, as in tableHistory' }) changeSetId!: string;
  @Field(() => [StructureChangeEntry], { description: 'The changes applied, in order' }) changes!: StructureChangeEntry[];
}
