import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A reporting period: a year, a half-year, or a whole phase. */
@ObjectType({ description: 'A reporting period (kỳ báo cáo): a year, a half-year, or a whole phase' })
@Entity()
export class Period {
  @Field(() => ID, { description: 'Identifier of the period' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Key of the period, e.g. "2023", "2024-H1", "2021-2025"' })
  @Property()
  @Unique()
  key!: string;

  @Field({ description: 'Name shown to staff, e.g. "Năm 2023", "Giai đoạn 2021 – 2025"' })
  @Property()
  label!: string;

  @Field({ description: 'First day of the period (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: 'Reports for this period are due on this day (e.g. 15 June, 15 November)' })
  @Property({ type: 'date', nullable: true })
  reportDeadline: string | null = null;
}
