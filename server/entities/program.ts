import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A national target program, e.g. CTMTQG giảm nghèo bền vững. */
@ObjectType()
@Entity()
export class Program {
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

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  nameEn: string | null = null;
}
