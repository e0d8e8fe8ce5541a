import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { SuccessionKind } from './enums';

/** A reorganisation link: the predecessor's data rolls up into the successor from effectiveOn. */
@ObjectType()
@Entity()
export class UnitSuccession {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => AdministrativeUnit)
  predecessor!: AdministrativeUnit;

  @ManyToOne(() => AdministrativeUnit)
  successor!: AdministrativeUnit;

  @Field()
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Field(() => SuccessionKind)
  @Enum({ items: () => SuccessionKind })
  kind!: SuccessionKind;

  @Field(() => String, { nullable: true, description: 'Share of the predecessor that went to this successor (0–1), for splits' })
  @Property({ type: 'decimal', precision: 9, scale: 8, nullable: true })
  share: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
