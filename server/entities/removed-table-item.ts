import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { PlanTable } from './plan-table';

/**
 * A row or column removed from a draft table: its key and label, kept because the cell history still
 * names it (cell_change refers to rows and columns by id, and the removed record is gone).
 */
@Entity()
@Unique({ properties: ['axis', 'itemId'] })
export class RemovedTableItem {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => PlanTable)
  @Index()
  table!: PlanTable;

  /** 'ROW' or 'COLUMN'. */
  @Property()
  axis!: string;

  /** The removed table_row or table_column id. */
  @Property()
  itemId!: number;

  @Property()
  key!: string;

  @Property({ type: 'text' })
  label!: string;

  @Property()
  removedInVersion!: number;
}
