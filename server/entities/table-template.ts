import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * The kind of a table and its arithmetic rules, as data. Rules may name columns by role
 * ("FUNDING_SOURCES", "TOTAL") so one template serves tables with different source subsets.
 */
@ObjectType({ description: 'The kind of a table and its arithmetic rules, as data, shared by tables with different funding sources' })
@Entity()
export class TableTemplate {
  @Field(() => ID, { description: 'Identifier of the template' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Stable key, e.g. "budget-by-funding-source"' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'Name of the template' })
  @Property()
  name!: string;

  @Property({ type: 'json' })
  rules: unknown[] = [];
}
