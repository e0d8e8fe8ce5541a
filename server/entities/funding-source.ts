import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A source of funds (nguồn vốn). Tables use different subsets and names, so sources are data. */
@ObjectType({ description: 'A source of funds (nguồn vốn), e.g. Ngân sách Trung ương; sources are data, so tables may use different subsets' })
@Entity()
export class FundingSource {
  @Field(() => ID, { description: 'Identifier of the funding source' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Stable key, also the column key of tables broken down by source' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'Vietnamese name, e.g. "Ngân sách Trung ương"' })
  @Property()
  name!: string;

  @Field({ description: 'English name, e.g. "Central budget"' })
  @Property()
  nameEn!: string;

  /** Published column headings that mean this source (normalised, no diacritics). */
  @Field(() => [String], { description: 'Published column headings that mean this source, normalised (lower case, no diacritics)' })
  @Property({ type: 'json' })
  aliases: string[] = [];
}
