import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ColumnType, ValueKind } from './enums';
import { FundingSource } from './funding-source';
import { Indicator } from './indicator';
import { Period } from './period';
import { PlanTable } from './plan-table';

/** A value column of a table: a funding source, the total, or another measure. */
@ObjectType({ description: 'A value column of a table: a funding source, the total (Tổng số), or another measure' })
@Entity()
@Unique({ properties: ['table', 'key'] })
export class TableColumn {
  @Field(() => ID, { description: 'Identifier of the column' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => PlanTable)
  table!: PlanTable;

  @Field({ description: 'Stable key within the table' })
  @Property()
  key!: string;

  @Field({ description: 'Heading as published' })
  @Property({ type: 'text' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Published column number, e.g. "3"' })
  @Property({ type: 'string', nullable: true })
  publishedNumber: string | null = null;

  @Field(() => Int, { description: 'Place of the column from the left, from 1' })
  @Property()
  position!: number;

  @Field(() => ColumnType, { description: 'What its values are (money, count, rate, measure)' })
  @Enum({ items: () => ColumnType })
  type!: ColumnType;

  @Field(() => Int, { description: 'Most decimals a value may have' })
  @Property()
  scale: number = 0;

  @Field({ description: 'True for the total (Tổng số) column' })
  @Property()
  isTotal: boolean = false;

  @ManyToOne(() => FundingSource, { nullable: true })
  fundingSource: FundingSource | null = null;

  /** In an indicator table: the indicator, kind and period of the values the column holds. */
  @ManyToOne(() => Indicator, { nullable: true })
  indicator: Indicator | null = null;

  @Field(() => ValueKind, { nullable: true, description: 'In an indicator table: baseline, target or actual' })
  @Enum({ items: () => ValueKind, nullable: true })
  valueKind: ValueKind | null = null;

  @ManyToOne(() => Period, { nullable: true })
  period: Period | null = null;

  @Field({ description: 'Whether staff may type into its cells; false for columns the table computes' })
  @Property()
  editable: boolean = true;
}
