import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { DocumentKind } from './enums';

/** A document figures come from: a plan, a report or a news article. */
@ObjectType({ description: 'A document figures come from: a plan (Kế hoạch), a report (Báo cáo) or a news article' })
@Entity()
export class SourceDocument {
  @Field(() => ID, { description: 'Identifier of the document' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Stable key, used in indicatorValues filters (sourceDocumentKeys)' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'Title as published' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'Document number (số hiệu), e.g. "132/KH-UBND"; empty for news', nullable: true })
  @Property({ type: 'string', nullable: true })
  documentNumber: string | null = null;

  @Field(() => String, { description: 'Date of issue (YYYY-MM-DD); empty when the source does not give it', nullable: true })
  @Property({ type: 'date', nullable: true })
  issuedOn: string | null = null;

  @ManyToOne(() => AdministrativeUnit)
  issuingUnit!: AdministrativeUnit;

  @Field(() => DocumentKind, { description: 'Plan, report or news' })
  @Enum({ items: () => DocumentKind })
  kind!: DocumentKind;

  @Field(() => String, { nullable: true, description: 'Seed file name the text was taken from' })
  @Property({ type: 'string', nullable: true })
  file: string | null = null;
}
