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

  /**
   * Denormalised with the version so merges and history read one index range. The table, row and
   * column links carry no foreign-key constraint: a push writes thousands of these rows with ids it
   * just read under the table lock, and rows and columns are never deleted; checking each one cost
   * more than the rest of the write (bench/table-sync.ts).
   */
  @ManyToOne(() => PlanTable, { createForeignKeyConstraint: false })
  table!: PlanTable;

  @Property()
  versionAfter!: number;

  @ManyToOne(() => TableRow, { createForeignKeyConstraint: false })
  row!: TableRow;

  @ManyToOne(() => TableColumn, { createForeignKeyConstraint: false })
  column!: TableColumn;

  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  oldValue: string | null = null;

  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  newValue: string | null = null;
}
