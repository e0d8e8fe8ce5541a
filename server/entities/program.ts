import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A national target program, e.g. CTMTQG giảm nghèo bền vững. */
@ObjectType({ description: 'A national target program (Chương trình mục tiêu quốc gia), e.g. giảm nghèo bền vững' })
@Entity()
export class Program {
  @Field(() => ID, { description: 'Identifier of the program' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Stable key, e.g. "CTMTQG-GNBV"' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'Vietnamese name' })
  @Property()
  name!: string;

  @Field(() => String, { description: 'English name; empty when none is in use', nullable: true })
  @Property({ type: 'string', nullable: true })
  nameEn: string | null = null;
}
