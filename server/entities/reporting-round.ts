import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';
import { ReportForm } from './report-form';
import { ReportFormVersion } from './report-form-version';
import { User } from './user';

/** Đợt báo cáo: one form, one period, every unit of the form's level within a scope, one deadline. */
@ObjectType({ description: 'Đợt báo cáo: a form opened for one period to every unit of its level within a scope' })
@Entity()
@Unique({ properties: ['form', 'periodKey', 'scopeKey'] })
export class ReportingRound {
  [OptionalProps]?: 'openedAt';

  @Field(() => ID, { description: 'Identifier of the round, for arguments named roundId' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => ReportForm)
  form!: ReportForm;

  @ManyToOne(() => ReportFormVersion)
  formVersion!: ReportFormVersion;

  @Field({ description: 'Key of the period reported on, e.g. "2025", "2025-H1"' })
  @Property()
  periodKey!: string;

  @Field({ description: 'First day of the period reported on (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field({ description: 'The units that exist on this day report' })
  @Property({ type: 'date' })
  periodEnd!: string;

  /** None: the whole country. */
  @ManyToOne(() => AdministrativeUnit, { nullable: true })
  scopeUnit: AdministrativeUnit | null = null;

  /** The scope unit's key, or "VN" for the country: what the uniqueness of a round is checked on. */
  @Property()
  scopeKey!: string;

  @Field({ description: 'Reports are due on this day (inclusive)' })
  @Property({ type: 'date' })
  deadline!: string;

  @ManyToOne(() => User)
  openedBy!: User;

  @Field({ description: 'When the round was opened (ISO 8601)' })
  @Property({ type: 'datetime' })
  openedAt: Date = new Date();
}
