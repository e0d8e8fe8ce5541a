import { OptionalProps, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TableStatus } from './enums';
import { PlanTable } from './plan-table';
import { User } from './user';

/** One approval-workflow transition of a table: who, when, from what to what, and why. */
@ObjectType({ description: 'One approval-workflow transition of a table (submit, approve, reopen): who, when, from what to what, and why' })
@Entity()
export class WorkflowEvent {
  [OptionalProps]?: 'at';

  @Field(() => ID, { description: 'Identifier of the event' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => PlanTable)
  @Index()
  table!: PlanTable;

  @Field(() => TableStatus, { description: 'Status before the transition' })
  @Enum({ items: () => TableStatus })
  fromStatus!: TableStatus;

  @Field(() => TableStatus, { description: 'Status after the transition' })
  @Enum({ items: () => TableStatus })
  toStatus!: TableStatus;

  @ManyToOne(() => User)
  actor!: User;

  @Field(() => String, { description: 'Comment or reason given with the transition (required to reopen); empty when none', nullable: true })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why a report was submitted while reports of units below were still waiting for a decision' })
  @Property({ type: 'text', nullable: true })
  pendingBelowReason: string | null = null;

  @Field({ description: 'When the transition happened (ISO 8601)' })
  @Property({ type: 'datetime' })
  at: Date = new Date();
}
