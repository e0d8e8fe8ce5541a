import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IndicatorDirection, IndicatorUnit } from './enums';

/** An indicator (chỉ tiêu) with its unit and which direction is better. */
@ObjectType()
@Entity()
export class Indicator {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field()
  @Property()
  @Unique()
  key!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  nameEn!: string;

  @Field(() => IndicatorUnit)
  @Enum({ items: () => IndicatorUnit })
  unit!: IndicatorUnit;

  @Field(() => IndicatorDirection)
  @Enum({ items: () => IndicatorDirection })
  direction!: IndicatorDirection;

  @Field(() => Int)
  @Property()
  decimals: number = 0;
}
