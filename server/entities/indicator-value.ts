import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { Comparator, ValueKind } from './enums';
import { Indicator } from './indicator';
import { Period } from './period';
import { PlanTable } from './plan-table';
import { SourceDocument } from './source-document';

const ROLL_UP_INDEX = 'indicator_value_roll_up';

/** A baseline, target or actual of an indicator for one unit and period, with where it was published. */
@ObjectType({ description: 'One figure of an indicator for an administrative unit and a period: a baseline, target or actual, as published' })
@Entity()
@Index({ properties: ['unit', 'indicator', 'period'] })
// Pages by period (indicatorValuesConnection): one index seek per period, however deep the page.
@Index({ properties: ['period', 'unit', 'indicator', 'kind', 'id'] })
// Roll-ups (recorded-values): the values of some indicators, kinds and periods for a set of units, read from the index alone.
@Index({ name: ROLL_UP_INDEX, expression: `create index "${ROLL_UP_INDEX}" on "indicator_value" ("indicator_id", "kind", "period_id", "unit_id", "id") include ("value", "comparator")` })
export class IndicatorValue {
  @Field(() => ID, { description: 'Identifier of the indicator value' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Indicator)
  indicator!: Indicator;

  @ManyToOne(() => AdministrativeUnit)
  unit!: AdministrativeUnit;

  @ManyToOne(() => Period)
  period!: Period;

  @Field(() => ValueKind, { description: 'Baseline, target or actual' })
  @Enum({ items: () => ValueKind })
  kind!: ValueKind;

  /** Exact decimal string. */
  @Property({ type: 'decimal', precision: 20, scale: 4 })
  value!: string;

  @Field(() => Comparator, { description: 'How the figure is qualified as published: exactly, below, at least, about…' })
  @Enum({ items: () => Comparator })
  comparator: Comparator = Comparator.EQ;

  @ManyToOne(() => SourceDocument, { nullable: true })
  sourceDocument: SourceDocument | null = null;

  /** The approved indicator table the value was entered in; replaced when the table is approved again. */
  @ManyToOne(() => PlanTable, { nullable: true, deleteRule: 'cascade' })
  sourceTable: PlanTable | null = null;

  @Field(() => String, { nullable: true, description: 'The sentence of the source the figure was taken from' })
  @Property({ type: 'text', nullable: true })
  quote: string | null = null;
}
