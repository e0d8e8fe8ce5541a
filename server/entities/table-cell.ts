import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { PlanTable } from './plan-table';
import { TableColumn } from './table-column';
import { TableRow } from './table-row';

/**
 * A non-empty cell. An empty cell has no record at all: empty is not zero.
 * Values are PostgreSQL numeric, read and written as exact decimal strings.
 */
@Entity()
export class TableCell {
  @ManyToOne(() => TableRow, { primary: true })
  row!: TableRow;

  @ManyToOne(() => TableColumn, { primary: true })
  column!: TableColumn;

  [PrimaryKeyProp]?: ['row', 'column'];

  /** Denormalised so a whole table's cells come back in one indexed query. */
  @ManyToOne(() => PlanTable, { index: true })
  table!: PlanTable;

  @Property({ type: 'decimal', precision: 20, scale: 4 })
  value!: string;
}
