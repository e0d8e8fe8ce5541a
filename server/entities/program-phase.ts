import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Program } from './program';

/** A phase of a program (2021–2025, 2026–2030…) with its own legal basis and components. */
@ObjectType({ description: 'A phase of a program (2021–2025, 2026–2030…) with its own legal basis and components' })
@Entity()
@Unique({ properties: ['program', 'key'] })
export class ProgramPhase {
  @Field(() => ID, { description: 'Identifier of the phase' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Program)
  program!: Program;

  @Field({ description: 'Key of the phase, e.g. "2021-2025"' })
  @Property()
  key!: string;

  @Field({ description: 'Name of the phase' })
  @Property()
  name!: string;

  @Field({ description: 'First day of the phase (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field({ description: 'Last day of the phase (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: 'Decision approving the phase, e.g. 90/QĐ-TTg' })
  @Property({ type: 'string', nullable: true })
  legalBasis: string | null = null;
}
