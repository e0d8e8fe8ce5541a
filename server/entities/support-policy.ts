import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A support policy (chính sách trợ giúp) listed beside the component projects. */
@ObjectType({ description: 'A support policy (chính sách trợ giúp) listed beside the component projects, e.g. health insurance cards' })
@Entity()
export class SupportPolicy {
  @Field(() => ID, { description: 'Identifier of the policy' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Stable key, e.g. "health"' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'Vietnamese name' })
  @Property()
  name!: string;

  @Field({ description: 'English name' })
  @Property()
  nameEn!: string;

  /** Phrases that identify the policy in a published row label (normalised, no diacritics). */
  @Property({ type: 'json' })
  aliases: string[] = [];
}
