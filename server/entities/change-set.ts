import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PlanTable } from './plan-table';

/** One accepted push: who changed a table from one version to the next, and why. */
@ObjectType({ description: 'An accepted push: the change from versionBefore to versionAfter' })
@Entity()
@Unique({ properties: ['table', 'versionAfter'] })
@Unique({ properties: ['table', 'idempotencyKey'] })
export class ChangeSet {
  @Field(() => ID, { description: 'Identifier of the change set, as given to cellHistory and tableHistory entries' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => PlanTable)
  @Index()
  table!: PlanTable;

  @Field(() => Int, { description: 'Table version the push was based on' })
  @Property()
  versionBefore!: number;

  @Field(() => Int, { description: 'Table version the push created (versionBefore + 1)' })
  @Property()
  versionAfter!: number;

  @Field({ description: 'Login of who pushed' })
  @Property()
  author!: string;

  @Field(() => String, { description: 'Comment the author gave with the push; empty when none', nullable: true })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Field({ description: 'When it was applied (ISO 8601)' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** The client's key for this push; a repeat with the same key returns `result` again. */
  @Property()
  idempotencyKey!: string;

  /** Hash of the push's content, to tell a replay from a different push under a reused key. */
  @Property()
  requestHash!: string;

  /** The answer given when it was applied, returned verbatim to a replay. */
  @Property({ type: 'json' })
  result!: unknown;

  @Field({ description: 'Content hash of the table after this change' })
  @Property()
  contentHash!: string;
}
