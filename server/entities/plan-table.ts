import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Plan } from './plan';
import { TableTemplate } from './table-template';

/** An appendix table (Phụ lục) of a plan. `version` is the optimistic lock of its cells. */
@ObjectType()
@Entity()
@Unique({ properties: ['plan', 'title'] })
export class PlanTable {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Plan)
  plan!: Plan;

  @Field({ description: 'e.g. "Phụ lục 2"' })
  @Property()
  title!: string;

  @Field({ description: 'The heading under the title, as published' })
  @Property({ type: 'text' })
  caption!: string;

  @Field({ description: 'Unit of every money cell, e.g. "triệu đồng"' })
  @Property()
  unitOfMeasure!: string;

  @ManyToOne(() => TableTemplate)
  template!: TableTemplate;

  @Field(() => Int)
  @Property()
  position: number = 0;

  @Field(() => Int, { description: 'Optimistic-lock version; grows by one with every accepted change' })
  @Property({ version: true })
  version: number = 1;
}
