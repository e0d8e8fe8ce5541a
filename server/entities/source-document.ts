import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { DocumentKind } from './enums';

/** A document figures come from: a plan, a report or a news article. */
@ObjectType()
@Entity()
export class SourceDocument {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field()
  @Property()
  @Unique()
  key!: string;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  documentNumber: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  issuedOn: string | null = null;

  @ManyToOne(() => AdministrativeUnit)
  issuingUnit!: AdministrativeUnit;

  @Field(() => DocumentKind)
  @Enum({ items: () => DocumentKind })
  kind!: DocumentKind;

  @Field(() => String, { nullable: true, description: 'Seed file name the text was taken from' })
  @Property({ type: 'string', nullable: true })
  file: string | null = null;
}
