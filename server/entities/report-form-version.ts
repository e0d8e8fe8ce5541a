import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PlanTable } from './plan-table';
import { ReportForm } from './report-form';
import { TableTemplate } from './table-template';

/**
 * One structure of a form (rows, columns and, in its own template, the rules), frozen: a round keeps
 * the version it was opened with, so a structure changed while a round is open applies from the next one.
 */
@ObjectType({ description: 'One frozen structure of a report form: a round keeps the version it was opened with' })
@Entity()
@Unique({ properties: ['form', 'number'] })
export class ReportFormVersion {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'Identifier of the version' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => ReportForm)
  form!: ReportForm;

  @Field(() => Int, { description: 'Version number within the form, from 1' })
  @Property()
  number!: number;

  /** The version's own copy of the rules (the source template's and the source table's), so later edits elsewhere do not change it. */
  @ManyToOne(() => TableTemplate)
  template!: TableTemplate;

  /** The table the structure was copied from. */
  @ManyToOne(() => PlanTable)
  sourceTable!: PlanTable;

  /** Rows, columns, caption and unit of measure, as copied (see server/reporting/form-structure.ts). */
  @Property({ type: 'json' })
  structure!: unknown;

  /** Of the structure and rules: a revision with the same hash is no new version. */
  @Property()
  structureHash!: string;

  @Field({ description: 'When the version was made (ISO 8601)' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
