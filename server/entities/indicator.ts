import { OptionalProps, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IndicatorAggregation, IndicatorDirection, IndicatorUnit } from './enums';

/** An indicator (chỉ tiêu) with its unit and which direction is better. */
@ObjectType({ description: 'An indicator (chỉ tiêu), e.g. the poor-household rate (tỷ lệ hộ nghèo), with its unit and which direction is better' })
@Entity()
export class Indicator {
  [OptionalProps]?: 'decimals' | 'aggregation';

  @Field(() => ID, { description: 'Identifier of the indicator' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Stable key used in filters and tables, e.g. "POOR_HOUSEHOLD_RATE"' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'Vietnamese name as staff know it, e.g. "Tỷ lệ hộ nghèo"' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'English name, e.g. "Poor-household rate"' })
  @Property({ type: 'text' })
  nameEn!: string;

  @Field(() => IndicatorUnit, { description: 'Unit of measure of its values' })
  @Enum({ items: () => IndicatorUnit })
  unit!: IndicatorUnit;

  @Field(() => IndicatorDirection, { description: 'Whether higher or lower values are better' })
  @Enum({ items: () => IndicatorDirection })
  direction!: IndicatorDirection;

  @Field(() => Int, { description: 'Decimals its values are published with (e.g. 2 for a rate "0,80 %"); recomputed rates are rounded to it' })
  @Property()
  decimals: number = 0;

  @Field(() => IndicatorAggregation, { description: 'How its values for units below add up to the unit above' })
  @Enum({ items: () => IndicatorAggregation, default: IndicatorAggregation.NONE })
  aggregation: IndicatorAggregation = IndicatorAggregation.NONE;

  /** For RATIO: rate = numerator ÷ denominator × ratioScale. */
  @ManyToOne(() => Indicator, { nullable: true })
  numerator: Indicator | null = null;

  @ManyToOne(() => Indicator, { nullable: true })
  denominator: Indicator | null = null;

  @Field(() => String, { nullable: true, description: 'For RATIO: the factor of numerator ÷ denominator, "100" for a percentage; empty otherwise' })
  @Property({ type: 'string', nullable: true })
  ratioScale: string | null = null;

  /**
   * For a stock: the flow indicators that move it over a period, so that end = start + Σ plus − Σ minus
   * (poor households at the end = at the start − escaped + fell back + newly poor). Checked in indicator tables.
   */
  @Property({ type: 'json', nullable: true })
  balance: { plus: string[]; minus: string[] } | null = null;
}
