import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ColumnType } from '../../entities';

export enum StructureOp {
  ADD_ROW = 'ADD_ROW',
  RENAME_ROW = 'RENAME_ROW',
  ADD_COLUMN = 'ADD_COLUMN',
  RENAME_COLUMN = 'RENAME_COLUMN',
}
registerEnumType(StructureOp, { name: 'StructureOp', description: 'A change of a draft table\'s structure' });

@InputType()
export class StructureChangeInput {
  @Field(() => StructureOp) op!: StructureOp;
  @Field({ description: 'The row or column key: a new one to add, an existing one to rename' }) key!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true, description: 'Rows: the STT as published, e.g. "2.3"' }) publishedNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'ADD_ROW: the row it belongs under; none for a top-level row' }) parentKey?: string | null;
  @Field(() => String, { nullable: true, description: "ADD_: placed right after this row or column (default: after the parent's last row, or last)" }) afterKey?: string | null;
  @Field(() => ColumnType, { nullable: true, description: 'ADD_COLUMN: what the column holds' }) type?: ColumnType | null;
}

@InputType()
export class ChangeTableStructureInput {
  @Field(() => ID) tableId!: string;
  @Field(() => Int, { description: 'The current version: a structure changes only on what the person sees' }) baseVersion!: number;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => [StructureChangeInput]) changes!: StructureChangeInput[];
}

@ObjectType({ description: 'One change of a table\'s structure, as the history keeps it', simpleResolvers: true })
export class StructureChangeEntry {
  @Field(() => StructureOp) op!: StructureOp;
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true, description: 'RENAME_: the label before' }) previousLabel!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ChangeTableStructureResult {
  @Field(() => Int) version!: number;
  @Field(() => ID) changeSetId!: string;
  @Field(() => [StructureChangeEntry]) changes!: StructureChangeEntry[];
}
