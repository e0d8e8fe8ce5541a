import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A support policy (chính sách trợ giúp) listed beside the component projects. */
@ObjectType()
@Entity()
export class SupportPolicy {
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

  @Field()
  @Property()
  nameEn!: string;

  /** Phrases that identify the policy in a published row label (normalised, no diacritics). */
  @Property({ type: 'json' })
  aliases: string[] = [];
}
