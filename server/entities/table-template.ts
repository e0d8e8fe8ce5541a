import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * The kind of a table and its arithmetic rules, as data. Rules may name columns by role
 * ("FUNDING_SOURCES", "TOTAL") so one template serves tables with different source subsets.
 */
@ObjectType()
@Entity()
export class TableTemplate {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field()
  @Property()
  @Unique()
  key!: string;

  @Field()
  @Property()
  name!: string;

  @Property({ type: 'json' })
  rules: unknown[] = [];
}
