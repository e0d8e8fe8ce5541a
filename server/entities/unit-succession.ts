import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { SuccessionKind } from './enums';

/** A reorganisation link: the predecessor's data rolls up into the successor from effectiveOn. */
@ObjectType({ description: 'A reorganisation link between administrative units: the predecessor\'s data rolls up into the successor from effectiveOn' })
@Entity()
export class UnitSuccession {
  @Field(() => ID, { description: 'Identifier of the link' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => AdministrativeUnit)
  predecessor!: AdministrativeUnit;

  @ManyToOne(() => AdministrativeUnit)
  successor!: AdministrativeUnit;

  @Field({ description: 'Day the change took effect (YYYY-MM-DD), e.g. "2025-07-01"' })
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Field(() => SuccessionKind, { description: 'Merge, split, rename or transfer' })
  @Enum({ items: () => SuccessionKind })
  kind!: SuccessionKind;

  @Field(() => String, { nullable: true, description: 'Share of the predecessor that went to this successor (0–1), for splits' })
  @Property({ type: 'decimal', precision: 9, scale: 8, nullable: true })
  share: string | null = null;

  @Field(() => String, { description: 'The legal basis or a remark, e.g. the resolution that merged the units; empty when none', nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
