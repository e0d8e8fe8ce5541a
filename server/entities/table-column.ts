import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ColumnType, ValueKind } from './enums';
import { FundingSource } from './funding-source';
import { Indicator } from './indicator';
import { Period } from './period';
import { PlanTable } from './plan-table';

/** A value column of a table: a funding source, the total, or another measure. */
@ObjectType()
@Entity()
@Unique({ properties: ['table', 'key'] })
export class TableColumn {
  @Field(() => ID)
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

  @Field(() => Int)
  @Property()
  position!: number;

  @Field(() => ColumnType)
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

  @Field()
  @Property()
  editable: boolean = true;
}
