import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A source of funds (nguồn vốn). Tables use different subsets and names, so sources are data. */
@ObjectType()
@Entity()
export class FundingSource {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Stable key, also the column key of tables broken down by source' })
  @Property()
  @Unique()
  key!: string;

  @Field()
  @Property()
  name!: string;

  @Field()
  @Property()
  nameEn!: string;

  /** Published column headings that mean this source (normalised, no diacritics). */
  @Field(() => [String])
  @Property({ type: 'json' })
  aliases: string[] = [];
}
