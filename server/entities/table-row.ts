import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { RowKind } from './enums';
import { PlanTable } from './plan-table';
import { ProgramComponent } from './program-component';
import { SupportPolicy } from './support-policy';

/** A row of a table; its place in the hierarchy is derived from the published STT column. */
@ObjectType({ description: 'A row of a table; its place in the hierarchy comes from the published STT (số thứ tự) column' })
@Entity()
@Unique({ properties: ['table', 'key'] })
export class TableRow {
  @Field(() => ID, { description: 'Identifier of the row' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => PlanTable)
  table!: PlanTable;

  @Field({ description: 'Stable key within the table, e.g. "III.2.1"' })
  @Property()
  key!: string;

  @Field(() => Int, { description: 'Place of the row from the top, from 1' })
  @Property()
  position!: number;

  @Field(() => String, { nullable: true, description: 'STT as published: "I", "2.1", "–", or empty' })
  @Property({ type: 'string', nullable: true })
  publishedNumber: string | null = null;

  @Field({ description: 'Label as published' })
  @Property({ type: 'text' })
  label!: string;

  @Field(() => Int, { description: 'Depth in the STT hierarchy: 0 for a row without a parent (a section, the grand total), one more per level below' })
  @Property()
  level!: number;

  @Field(() => RowKind, { description: 'Section, item, child, label or grand total' })
  @Enum({ items: () => RowKind })
  kind!: RowKind;

  @ManyToOne(() => TableRow, { nullable: true })
  parent: TableRow | null = null;

  @ManyToOne(() => ProgramComponent, { nullable: true })
  component: ProgramComponent | null = null;

  @ManyToOne(() => SupportPolicy, { nullable: true })
  supportPolicy: SupportPolicy | null = null;

  /** The unit whose values the row holds, in an indicator table. */
  @ManyToOne(() => AdministrativeUnit, { nullable: true })
  unit: AdministrativeUnit | null = null;

  @Field({ description: 'Whether staff may type into its cells; false for label and computed rows' })
  @Property()
  editable: boolean = true;

  @Field({ description: 'Computed from other cells by the template rather than typed' })
  @Property()
  computed: boolean = false;
}
