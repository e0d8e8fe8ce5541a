import { OptionalProps, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IndicatorAggregation, IndicatorDirection, IndicatorUnit } from './enums';

/** An indicator (chỉ tiêu) with its unit and which direction is better. */
@ObjectType()
@Entity()
export class Indicator {
  [OptionalProps]?: 'decimals' | 'aggregation';

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

  @Field(() => IndicatorAggregation)
  @Enum({ items: () => IndicatorAggregation, default: IndicatorAggregation.NONE })
  aggregation: IndicatorAggregation = IndicatorAggregation.NONE;

  /** For RATIO: rate = numerator ÷ denominator × ratioScale. */
  @ManyToOne(() => Indicator, { nullable: true })
  numerator: Indicator | null = null;

  @ManyToOne(() => Indicator, { nullable: true })
  denominator: Indicator | null = null;

  @Field(() => String, { nullable: true, description: 'For RATIO: "100" for a percentage' })
  @Property({ type: 'string', nullable: true })
  ratioScale: string | null = null;

  /**
   * For a stock: the flow indicators that move it over a period, so that end = start + Σ plus − Σ minus
   * (poor households at the end = at the start − escaped + fell back + newly poor). Checked in indicator tables.
   */
  @Property({ type: 'json', nullable: true })
  balance: { plus: string[]; minus: string[] } | null = null;
}
