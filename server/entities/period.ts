import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A reporting period: a year, a half-year, or a whole phase. */
@ObjectType()
@Entity()
export class Period {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field({ description: 'e.g. "2023", "2024-H1", "2021-2025"' })
  @Property()
  @Unique()
  key!: string;

  @Field()
  @Property()
  label!: string;

  @Field()
  @Property({ type: 'date' })
  startsOn!: string;

  @Field()
  @Property({ type: 'date' })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: 'Reports for this period are due on this day (e.g. 15 June, 15 November)' })
  @Property({ type: 'date', nullable: true })
  reportDeadline: string | null = null;
}
