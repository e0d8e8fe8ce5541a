import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ComponentLevel } from './enums';
import { ProgramPhase } from './program-phase';

/** A national component project (Dự án) or sub-project (Tiểu dự án) of a phase. */
@ObjectType({ description: 'A national component project (Dự án) or sub-project (Tiểu dự án) of a program phase (Quyết định 90/QĐ-TTg)' })
@Entity()
@Unique({ properties: ['phase', 'key'] })
export class ProgramComponent {
  @Field(() => ID, { description: 'Identifier of the component' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => ProgramPhase)
  phase!: ProgramPhase;

  @Field({ description: 'Suggested national key, e.g. "DA3.TDA1"' })
  @Property()
  key!: string;

  @Field(() => ComponentLevel, { description: 'Component project or sub-project' })
  @Enum({ items: () => ComponentLevel })
  level!: ComponentLevel;

  @Field({ description: 'As numbered nationally, e.g. "Dự án 3", "Tiểu dự án 1"' })
  @Property()
  number!: string;

  @Field({ description: 'Name as in the national decision' })
  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => ProgramComponent, { nullable: true })
  parent: ProgramComponent | null = null;

  @Field(() => String, { nullable: true, description: 'Guidance documents found for it' })
  @Property({ type: 'text', nullable: true })
  guidance: string | null = null;
}
