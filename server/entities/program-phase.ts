import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Program } from './program';

/** A phase of a program (2021–2025, 2026–2030…) with its own legal basis and components. */
@ObjectType()
@Entity()
@Unique({ properties: ['program', 'key'] })
export class ProgramPhase {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Program)
  program!: Program;

  @Field({ description: 'e.g. "2021-2025"' })
  @Property()
  key!: string;

  @Field()
  @Property()
  name!: string;

  @Field()
  @Property({ type: 'date' })
  startsOn!: string;

  @Field()
  @Property({ type: 'date' })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: 'Decision approving the phase, e.g. 90/QĐ-TTg' })
  @Property({ type: 'string', nullable: true })
  legalBasis: string | null = null;
}
