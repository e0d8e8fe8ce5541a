import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { UnitLevel } from './enums';

const SEARCH_NAME_INDEX = 'administrative_unit_search_name_words';

/** A province, district or commune as it existed between validFrom and validTo; never rewritten. */
@ObjectType({ description: 'Đơn vị hành chính: an administrative unit during its validity' })
@Entity()
// Values sorted by unit (indicatorValuesConnection) go through the units in this order, a batch at a time.
@Index({ properties: ['code', 'validFrom', 'id'] })
export class AdministrativeUnit {
  @Field(() => ID, { description: 'Identifier of this unit record, for arguments named unitId (a number written as a string)' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Stable key of this unit record, e.g. "92@2004" (old Cần Thơ) or "92@2025"' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'Official code (mã đơn vị hành chính)' })
  @Property()
  @Index()
  code!: string;

  @Field({ description: 'Official Vietnamese name, e.g. "Thành phố Cần Thơ"' })
  @Property()
  name!: string;

  @Field(() => String, { description: 'English name, when one is in use, e.g. "Can Tho City"', nullable: true })
  @Property({ type: 'string', nullable: true })
  nameEn: string | null = null;

  @Field(() => UnitLevel, { description: 'Province, district or commune' })
  @Enum({ items: () => UnitLevel })
  level!: UnitLevel;

  // Walking down the tree (values of a unit and the units below it) looks children up by parent.
  @ManyToOne(() => AdministrativeUnit, { nullable: true })
  @Index()
  parent: AdministrativeUnit | null = null;

  @Field({ description: 'First day the unit existed (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'Last day the unit existed, empty while it exists' })
  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;

  /**
   * The name without its type, folded (lower case, no diacritics): what searches compare. A search looks for
   * its words at a word start anywhere in it ("bien phu" in "dien bien phu"): a phrase of the words,
   * the last one as a prefix, which the full-text index answers.
   */
  @Property({ type: 'text', nullable: true, hidden: true })
  @Index({ name: SEARCH_NAME_INDEX, expression: `create index "${SEARCH_NAME_INDEX}" on "administrative_unit" using gin (to_tsvector('simple', "search_name"))` })
  searchName: string | null = null;

  /** The folded type of the name ("thanh pho", "xa"), empty when the name has none. */
  @Property({ type: 'text', nullable: true, hidden: true })
  nameType: string | null = null;
}
