import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { ChangeSet } from './change-set';
import { PlanTable } from './plan-table';
import { TableColumn } from './table-column';
import { TableRow } from './table-row';

/** One cell's old → new value within a change set (null: empty). */
@Entity()
@Index({ properties: ['row', 'column'] })
@Index({ properties: ['table', 'versionAfter'] })
export class CellChange {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => ChangeSet)
  @Index()
  changeSet!: ChangeSet;

  /** Denormalised with the version so merges and history read one index range. */
  @ManyToOne(() => PlanTable)
  table!: PlanTable;

  @Property()
  versionAfter!: number;

  @ManyToOne(() => TableRow)
  row!: TableRow;

  @ManyToOne(() => TableColumn)
  column!: TableColumn;

  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  oldValue: string | null = null;

  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  newValue: string | null = null;
}
