import { OptionalProps, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TableStatus } from './enums';
import { PlanTable } from './plan-table';
import { User } from './user';

/** One approval-workflow transition of a table: who, when, from what to what, and why. */
@ObjectType()
@Entity()
export class WorkflowEvent {
  [OptionalProps]?: 'at';

  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => PlanTable)
  @Index()
  table!: PlanTable;

  @Field(() => TableStatus)
  @Enum({ items: () => TableStatus })
  fromStatus!: TableStatus;

  @Field(() => TableStatus)
  @Enum({ items: () => TableStatus })
  toStatus!: TableStatus;

  @ManyToOne(() => User)
  actor!: User;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why a report was submitted while reports of units below were still waiting for a decision' })
  @Property({ type: 'text', nullable: true })
  pendingBelowReason: string | null = null;

  @Field()
  @Property({ type: 'datetime' })
  at: Date = new Date();
}
