import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PeriodType, UnitLevel } from './enums';
import { User } from './user';

/** Biểu mẫu báo cáo: a table structure that every unit of one level fills in, period after period. */
@ObjectType({ description: 'Biểu mẫu báo cáo: a table structure that every unit of a level fills in for each period' })
@Entity()
export class ReportForm {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'Identifier of the form, for arguments named formId' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Title of the form, e.g. "Báo cáo kết quả giảm nghèo"' })
  @Property()
  @Unique()
  title!: string;

  @Field(() => PeriodType, { description: 'Length of the periods the form is filled in for' })
  @Enum({ items: () => PeriodType })
  periodType!: PeriodType;

  @Field(() => UnitLevel, { description: 'The level of the units that fill the form in' })
  @Enum({ items: () => UnitLevel })
  reportingLevel!: UnitLevel;

  @ManyToOne(() => User)
  createdBy!: User;

  @Field({ description: 'When the form was created (ISO 8601)' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
