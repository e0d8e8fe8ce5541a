import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { ProgramPhase } from './program-phase';
import { SourceDocument } from './source-document';

/** An implementation plan (Kế hoạch) issued by a unit, carrying appendix tables. */
@ObjectType({ description: 'An implementation plan (Kế hoạch) issued by a unit, e.g. 132/KH-UBND of Cần Thơ; it carries appendix tables (Phụ lục)' })
@Entity()
@Unique({ properties: ['issuingUnit', 'documentNumber'] })
export class Plan {
  @Field(() => ID, { description: 'Identifier of the plan, for arguments named planId' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Document number (số hiệu) as published, e.g. "132/KH-UBND"' })
  @Property()
  @Index()
  documentNumber!: string;

  @Field(() => String, { nullable: true, description: 'Date of issue, when the source gives it' })
  @Property({ type: 'date', nullable: true })
  issuedOn: string | null = null;

  @ManyToOne(() => AdministrativeUnit)
  issuingUnit!: AdministrativeUnit;

  @ManyToOne(() => ProgramPhase)
  phase!: ProgramPhase;

  @Field({ description: 'First day of the period the plan covers' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field({ description: 'Last day of the period the plan covers' })
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field({ description: 'Title (trích yếu) as published' })
  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => SourceDocument, { nullable: true })
  sourceDocument: SourceDocument | null = null;
}
