import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AdministrativeUnit } from './administrative-unit';
import { PlanTable } from './plan-table';
import { ReportingRound } from './reporting-round';

/** One unit's copy of a round's form: an ordinary table (browse, pull, push, submit, approve as any). */
@Entity()
@Unique({ properties: ['round', 'unit'] })
export class ReportInstance {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => ReportingRound)
  round!: ReportingRound;

  @ManyToOne(() => AdministrativeUnit)
  unit!: AdministrativeUnit;

  @ManyToOne(() => PlanTable, { unique: true })
  table!: PlanTable;

  /** A unit above the reporting level that adopted the consolidation of the units below it as its own report. */
  @Property()
  consolidating: boolean = false;
}
