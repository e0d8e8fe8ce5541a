import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { TableChangeRecord } from '../../tables/table-changes';

@ObjectType({ description: 'A cell of a table (ô), named by its row and column keys', simpleResolvers: true })
export class ChangedCell {
  @Field({ description: 'Stable key of the row, e.g. "III.2.1"' }) rowKey!: string;
  @Field({ description: 'Stable key of the column, e.g. "total"' }) columnKey!: string;
}

@ObjectType({ description: 'A new version of a table someone pushed (cells, a workbook upload or a structure change), as told to subscribers of tableChanged', simpleResolvers: true })
export class TableChange implements TableChangeRecord {
  @Field(() => ID, { description: 'The table (bảng)' }) tableId!: string;
  @Field(() => Int, { description: 'The version the change made; pull it to see the values' }) version!: number;
  @Field({ description: 'Display name of who made the change (tên hiển thị), e.g. "Sở LĐ-TB&XH Cần Thơ – nhập liệu"' }) author!: string;
  @Field({ description: 'Login of who made the change' }) authorLogin!: string;
  @Field({ description: 'When the change was committed' }) changedAt!: Date;
  @Field(() => [ChangedCell], { description: 'The cells the change wrote, in the order pushed; at most 10,000 (see changedCellCount)' }) changedCells!: ChangedCell[];
  @Field(() => Int, { description: 'How many cells the change wrote; more than changedCells lists when above 10,000' }) changedCellCount!: number;
  @Field({ description: 'Whether rows or columns were added or renamed (then changedCells is empty: pull the whole table)' }) structureChanged!: boolean;
}
